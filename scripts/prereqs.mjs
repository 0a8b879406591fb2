// What `npm test` needs from the machine beyond Node: Chromium for the browser tests and a
// CJK font, without which every Chinese character in a screenshot is a box. On a fresh
// Debian machine run as root (CI, a container) it installs them with apt-get; anywhere
// else it stops with the command to run, since installing system packages is not ours to do.
import { accessSync, constants } from 'node:fs'
import { delimiter, join } from 'node:path'
import { spawnSync } from 'node:child_process'
import { chromiumPath } from './chromium.mjs'

/**
 * The decision, pure: { have Chromium, have a Noto CJK font, fc-list exists, root, apt-get on PATH }
 * → nothing to do, install these packages, or fail with this command.
 */
export function planPrereqs({ chromium, font, fcList = true, root, aptGet }) {
  const missing = [...(chromium ? [] : ['Chromium']), ...(font ? [] : ['a CJK font'])]
  if (missing.length === 0) return { action: 'nothing' }
  // fc-list is how the font is found; Chromium needs only the library, so fontconfig may be absent
  const packages = [...(chromium ? [] : ['chromium']), ...(font ? [] : ['fonts-noto-cjk']), ...(font || fcList ? [] : ['fontconfig'])]
  const command = `DEBIAN_FRONTEND=noninteractive apt-get update -qq && apt-get install -y -qq ${packages.join(' ')}`
  if (root && aptGet) return { action: 'install', missing, packages, command }
  return { action: 'fail', missing, packages, command: root ? command : `sudo sh -c '${command}'` }
}

function onPath(name) {
  return (process.env.PATH ?? '').split(delimiter).some((dir) => {
    try {
      accessSync(join(dir, name), constants.X_OK)
      return true
    } catch {
      return false
    }
  })
}

/** What this machine has now. */
export function probePrereqs() {
  const fc = spawnSync('fc-list', { encoding: 'utf8' })
  const fcList = !fc.error
  return {
    chromium: chromiumPath() !== null,
    font: fcList && /noto.*cjk/i.test(fc.stdout ?? ''),
    fcList,
    root: process.getuid?.() === 0,
    aptGet: onPath('apt-get'),
  }
}

const stop = (plan, why) => {
  const alternative = plan.missing.includes('Chromium') ? '\n  (or set CHROMIUM_PATH to a Chromium binary)' : ''
  console.error(`✖ ${why}; the browser end-to-end tests need Chromium and a CJK font.\n  Fix: ${plan.command}${alternative}`)
  process.exit(1)
}

/** Installs what is missing when it may, else exits with the command to run. */
export function ensurePrereqs() {
  const plan = planPrereqs(probePrereqs())
  if (plan.action === 'nothing') return
  if (plan.action === 'fail') stop(plan, `${plan.missing.join(' and ')} not found`)
  console.log(`▶ installing ${plan.packages.join(' ')} with apt-get (missing: ${plan.missing.join(', ')})`)
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' }
  for (const args of [['update', '-qq'], ['install', '-y', '-qq', ...plan.packages]]) {
    const r = spawnSync('apt-get', args, { stdio: ['ignore', 'ignore', 'inherit'], env })
    if (r.status !== 0) stop(plan, `apt-get ${args[0]} failed (exit ${r.status ?? r.signal})`)
  }
  const after = planPrereqs(probePrereqs())
  if (after.action !== 'nothing') stop(after, `${after.missing.join(' and ')} still missing after apt-get`)
}
