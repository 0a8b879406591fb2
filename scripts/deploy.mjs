// `npm run deploy`: builds the function bundles, creates the database collections and
// deploys every function to the CloudBase env GRIDLINK_TCB_ENV with the CloudBase CLI
// (`tcb`). docs/deploy.md lists what must exist first: the env, the CLI logged in
// (`tcb login`), and TENCENTCLOUD_SECRETID / TENCENTCLOUD_SECRETKEY for the collections.
import { spawnSync } from 'node:child_process'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const OUT = join(ROOT, 'build/functions')

const step = (label, cmd, args, opts = {}) => {
  console.log(`\n▶ ${label}`)
  const r = spawnSync(cmd, args, { stdio: 'inherit', cwd: ROOT, ...opts })
  if (r.error || r.status !== 0) {
    console.error(`✖ ${label} failed${r.error ? `: ${r.error.message}` : ` (exit ${r.status})`}`)
    process.exit(r.status || 1)
  }
}

const env = process.env.GRIDLINK_TCB_ENV
if (!env) {
  console.error('✖ GRIDLINK_TCB_ENV is not set: the CloudBase env id to deploy to (docs/deploy.md)')
  process.exit(1)
}
if (spawnSync('tcb', ['--version'], { stdio: 'ignore' }).status !== 0) {
  console.error('✖ the CloudBase CLI (tcb) is not installed: npm install -g @cloudbase/cli, then tcb login')
  process.exit(1)
}
step('build the function bundles', process.execPath, [join(ROOT, 'scripts/build-functions.mjs')])
if (process.env.TENCENTCLOUD_SECRETID && process.env.TENCENTCLOUD_SECRETKEY) {
  step('create the database collections', process.execPath, ['--import', 'tsx', join(ROOT, 'scripts/deploy/collections.ts')])
  step('close every collection to clients (security rules)', process.execPath, ['--import', 'tsx', join(ROOT, 'scripts/deploy/safeRules.ts')])
} else {
  console.log('\n• collections and security rules not checked: set TENCENTCLOUD_SECRETID and TENCENTCLOUD_SECRETKEY, or set them in the console (docs/deploy.md)')
}
step(`deploy the functions to ${env}`, 'tcb', ['fn', 'deploy', '--all', '--force', '-e', env], { cwd: OUT })
console.log('\n✔ deployed. Indexes, templates and the media-check push are set up once in the console: docs/deploy.md')
