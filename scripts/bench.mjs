// `npm run bench`: the benchmark suite (scripts/bench/run.ts, run with tsx). Flags pass
// through: --quick (or BENCH_QUICK=1), --only=routing,import,inbox, --no-build, --note="…", --out=FILE,
// --update (with --only: replace those sections in docs/benchmarks.md, keep the others).
import { spawnSync } from 'node:child_process'

const r = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/bench/run.ts', ...process.argv.slice(2)], { stdio: 'inherit' })
process.exit(r.status ?? 1)
