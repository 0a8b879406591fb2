import { spawnSync } from 'node:child_process'
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative, resolve } from 'node:path'
import { hrMs, missing, row, type Row, type SectionRun } from './types'

// Mini-program package sizes from the production weapp build: the main package (every file
// outside a subpackage root) and each subpackage, against WeChat's 2 MB per package.

const ROOT = resolve(__dirname, '../..')
const WEAPP = join(ROOT, 'client/dist/weapp')
const LIMIT_KB = 2048
const MAIN_GOAL_KB = 600
/** subpackages the bench reports even when a build lacks them ("not built") */
const EXPECTED_SUBPACKAGES = ['worker/', 'admin/']

function filesUnder(dir: string): { path: string; bytes: number }[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = join(dir, e.name)
    return e.isDirectory() ? filesUnder(full) : [{ path: relative(WEAPP, full).split('\\').join('/'), bytes: statSync(full).size }]
  })
}

/** Runs an npm script with NODE_ENV=production; returns null on success, else the reason. */
export function productionBuild(script: string): { error: string | null; seconds: number } {
  const t = process.hrtime.bigint()
  const r = spawnSync('npm', ['run', '--silent', script], { cwd: ROOT, env: { ...process.env, NODE_ENV: 'production' }, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })
  const seconds = hrMs(t) / 1000
  if (r.status === 0) return { error: null, seconds }
  const tail = `${r.stdout ?? ''}\n${r.stderr ?? ''}`.split('\n').map((l) => l.trim()).filter(Boolean).slice(-2).join(' / ')
  return { error: `npm run ${script} failed (exit ${r.status ?? r.signal}): ${tail.slice(0, 300)}`, seconds }
}

export const sizes: SectionRun = async (opts, log) => {
  const how = [
    `Production weapp build (\`NODE_ENV=production npm run build:weapp\`), run by the bench unless \`--no-build\` or \`--quick\`. Sizes are the bytes on disk under client/dist/weapp, in KB of 1,024 bytes, source maps left out.`,
    "Subpackages are the roots listed in the output's app.json `subPackages`; the main package is every other file (app, shared vendors, main pages, assets). WeChat's limit is 2 MB for the main package and for each subpackage. The worker and admin subpackages are always listed: \"not built\" when the build on disk has none.",
  ]
  const rows: Row[] = []
  let origin = 'existing build on disk (not rebuilt in this run; it may not be a production build)'
  if (opts.build) {
    log('production weapp build')
    const built = productionBuild('build:weapp')
    if (built.error) return { title: 'Mini-program size', how, rows: [missing('Main package', built.error, `≤ ${MAIN_GOAL_KB} KB`)] }
    rows.push(row('Production weapp build time', built.seconds, 's'))
    origin = 'production build made by this run'
  }
  const appJson = join(WEAPP, 'app.json')
  if (!existsSync(appJson)) {
    return { title: 'Mini-program size', how, rows: [missing('Main package', 'not built yet — run NODE_ENV=production npm run build:weapp (or npm run bench without --no-build)', `≤ ${MAIN_GOAL_KB} KB`)] }
  }
  const app = JSON.parse(readFileSync(appJson, 'utf8')) as { subPackages?: { root: string }[]; subpackages?: { root: string }[] }
  const roots = (app.subPackages ?? app.subpackages ?? []).map((s) => s.root.replace(/^\.?\//, '').replace(/\/?$/, '/'))
  const files = filesUnder(WEAPP).filter((f) => !f.path.endsWith('.map'))
  const kbOf = (list: { bytes: number }[]) => list.reduce((a, f) => a + f.bytes, 0) / 1024
  const mainKB = kbOf(files.filter((f) => !roots.some((r) => f.path.startsWith(r))))
  rows.unshift(row('Main package', mainKB, 'KB', { goal: `≤ ${MAIN_GOAL_KB} KB`, met: mainKB <= MAIN_GOAL_KB, note: `${((mainKB / LIMIT_KB) * 100).toFixed(0)}% of the 2 MB limit; ${origin}` }))
  roots.forEach((r, i) => {
    const kb = kbOf(files.filter((f) => f.path.startsWith(r)))
    rows.splice(1 + i, 0, row(`Subpackage ${r.replace(/\/$/, '')}`, kb, 'KB', { goal: `≤ ${LIMIT_KB.toLocaleString('en-US')} KB`, met: kb <= LIMIT_KB, note: `${((kb / LIMIT_KB) * 100).toFixed(0)}% of the 2 MB limit` }))
  })
  // issue 10's admin pages ship as their own subpackage: its size is asked for, so its absence is said
  const expected = EXPECTED_SUBPACKAGES.filter((r) => !roots.includes(r))
  expected.forEach((r, i) => {
    rows.splice(1 + roots.length + i, 0, missing(`Subpackage ${r.replace(/\/$/, '')}`, `not built: the app.json of the weapp build on disk lists no ${r} subpackage`, `≤ ${LIMIT_KB.toLocaleString('en-US')} KB`))
  })
  rows.splice(1 + roots.length + expected.length, 0, row('All packages', kbOf(files), 'KB', { note: `${files.length} files` }))
  return { title: 'Mini-program size', how, rows }
}
