// `npm test`: the machine's prerequisites (Chromium, a CJK font: installed when it may,
// scripts/prereqs.mjs), typecheck, production builds of the mini-program (weapp) and H5, then
// every jest project (unit, functions, client, weapp, e2e). Ends with one "N passed, N failed" line.
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync } from 'node:fs'
import { ensurePrereqs } from './prereqs.mjs'

const run = (label, cmd, args, env = {}) => {
  console.log(`\n▶ ${label}`)
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } })
  if (r.status !== 0) {
    console.error(`\n✖ ${label} failed (exit ${r.status})`)
    process.exit(r.status || 1)
  }
}

ensurePrereqs()
run('typecheck (tsc --strict)', 'npm', ['run', '--silent', 'typecheck'])
if (process.env.GRIDLINK_SKIP_BUILD !== '1') {
  run('build weapp (production)', 'npm', ['run', '--silent', 'build:weapp'], { NODE_ENV: 'production' })
  run('build h5 (production)', 'npm', ['run', '--silent', 'build:h5'], { NODE_ENV: 'production' })
}
mkdirSync('test-output', { recursive: true })
const out = 'test-output/jest.json'
console.log('\n▶ jest: unit, functions, client, weapp, e2e')
const jest = spawnSync('npx', ['jest', '--ci', '--json', `--outputFile=${out}`, ...process.argv.slice(2)], { stdio: 'inherit' })
if (!existsSync(out)) {
  console.error('✖ jest wrote no results')
  process.exit(jest.status || 1)
}
const r = JSON.parse(readFileSync(out, 'utf8'))
console.log(`\n${r.numPassedTests} passed, ${r.numFailedTests + r.numRuntimeErrorTestSuites} failed, ${r.numPendingTests} skipped`)
if (r.numTotalTests === 0) {
  console.error('✖ no test ran')
  process.exit(1)
}
process.exit(jest.status ?? 1)
