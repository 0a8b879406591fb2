import { spawnSync } from 'node:child_process'
import { cpSync, existsSync, readdirSync, statSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { productionBuild } from './sizes'
import { hrMs, median, missing, row, type Row, type SectionRun } from './types'

// Function bundles (build/functions/<name>/index.js): their size, and the time to require
// each in a fresh Node process, a proxy for the cold start CloudBase pays.

const ROOT = resolve(__dirname, '../..')
// BENCH_FUNCTIONS_DIR points the row at bundles elsewhere (to try the bench itself)
const FUNCTIONS = process.env.BENCH_FUNCTIONS_DIR ?? join(ROOT, 'build/functions')
const BUILD_SCRIPT = join(ROOT, 'scripts/build-functions.mjs')
const SIZE_GOAL_MB = 3
const REQUIRE_GOAL_MS = 300

function folderBytes(dir: string): number {
  return readdirSync(dir, { withFileTypes: true }).reduce((a, e) => a + (e.isDirectory() ? folderBytes(join(dir, e.name)) : statSync(join(dir, e.name)).size), 0)
}

/** Median over fresh processes of the time `require(file)` takes, measured inside the process. */
function requireTimes(file: string, runs: number): { ms: number; wallMs: number } | { error: string } {
  const code = `const t=process.hrtime.bigint();require(${JSON.stringify(file)});process.stdout.write(String(Number(process.hrtime.bigint()-t)/1e6));process.exit(0)`
  const inside: number[] = []
  const wall: number[] = []
  for (let i = 0; i <= runs; i++) {
    const t = process.hrtime.bigint()
    const r = spawnSync(process.execPath, ['-e', code], { encoding: 'utf8', cwd: resolve(file, '..') })
    const wallMs = hrMs(t)
    if (r.status !== 0) return { error: `require failed: ${(r.stderr || '').trim().split('\n').find((l) => /Error/.test(l)) ?? `exit ${r.status}`}`.slice(0, 300) }
    // the first run only warms the page cache
    if (i > 0) {
      inside.push(Number(r.stdout))
      wall.push(wallMs)
    }
  }
  return { ms: median(inside), wallMs: median(wall) }
}

export const bundles: SectionRun = async (opts, log) => {
  const runs = opts.quick ? 3 : 7
  const how = [
    'Each folder under build/functions/ (from `npm run build:functions`, run by the bench when its script exists, unless `--no-build` or `--quick`). Size: every file in the folder, as deployed, in MB of 1,048,576 bytes.',
    `Require time: the folder is copied outside the repository (so nothing can resolve from the repo's node_modules), then a fresh \`node -e\` process times \`require('./index.js')\` with \`process.hrtime\`; median of ${runs} processes after one that warms the page cache. Node's own start-up is shown separately.`,
  ]
  const rows: Row[] = []
  if (opts.build && existsSync(BUILD_SCRIPT)) {
    log('building the function bundles')
    const built = productionBuild('build:functions')
    if (built.error) return { title: 'Function bundles', how, rows: [missing('Function bundles', built.error, `< ${SIZE_GOAL_MB} MB, < ${REQUIRE_GOAL_MS} ms`)] }
    rows.push(row('Bundle build time', built.seconds, 's'))
  }
  const names = existsSync(FUNCTIONS) ? readdirSync(FUNCTIONS).filter((n) => existsSync(join(FUNCTIONS, n, 'index.js'))).sort() : []
  if (names.length === 0) {
    return { title: 'Function bundles', how, rows: [missing('Function bundles', 'not built yet — run npm run build:functions', `< ${SIZE_GOAL_MB} MB, < ${REQUIRE_GOAL_MS} ms`)] }
  }
  const baseline = (() => {
    const wall: number[] = []
    for (let i = 0; i <= runs; i++) {
      const t = process.hrtime.bigint()
      spawnSync(process.execPath, ['-e', '0'])
      if (i > 0) wall.push(hrMs(t))
    }
    return median(wall)
  })()
  rows.push(row('Node start-up alone (`node -e 0`)', baseline, 'ms', { note: 'whole process, for scale' }))
  for (const name of names) {
    log(`measuring ${name}`)
    const copy = join(opts.tmpDir, 'functions', name)
    cpSync(join(FUNCTIONS, name), copy, { recursive: true })
    const mb = folderBytes(copy) / 1048576
    const indexMb = statSync(join(copy, 'index.js')).size / 1048576
    rows.push(row(`${name}: size`, mb, 'MB', { goal: `< ${SIZE_GOAL_MB} MB`, met: mb < SIZE_GOAL_MB, note: `index.js ${indexMb.toFixed(2)} MB` }))
    const times = requireTimes(join(copy, 'index.js'), runs)
    rows.push('error' in times
      ? { ...missing(`${name}: require time`, times.error, `< ${REQUIRE_GOAL_MS} ms`), met: false }
      : row(`${name}: require time`, times.ms, 'ms', { goal: `< ${REQUIRE_GOAL_MS} ms`, met: times.ms < REQUIRE_GOAL_MS, note: `whole process ${times.wallMs.toFixed(0)} ms` }))
  }
  return { title: 'Function bundles', how, rows }
}
