import { readFileSync, writeFileSync } from 'node:fs'
import { importGrids } from '../../cloudfunctions/app/grids/importGrids'
import { openLocalStack } from '../../cloudfunctions/local/stack'
import type { CoordinateSystem } from '../../shared/gridImport/coordinates'

// Run by gridImport.ts in a fresh Node process per step (under tsx, as `npm run import:grids`
// runs), so each step's memory is its own: one import of the grid map on the local stack's
// data folder, or a host's cold start on it. Writes its figures as JSON to the result file
// (stdout carries V8's --trace-gc lines, which the parent reads for the heap peak).
//   import <dataDir> <file> <from> <apply:0|1> <lng> <lat> <result>
//   cold   <dataDir> <lng> <lat> <result>

const kbOf = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+)`, 'm').exec(readFileSync('/proc/self/status', 'utf8'))?.[1] ?? NaN)
const hr = () => process.hrtime.bigint()
const ms = (t: bigint) => Number(process.hrtime.bigint() - t) / 1e6
const gc = () => {
  const collect = (globalThis as { gc?: () => void }).gc
  if (!collect) throw new Error('run with --expose-gc')
  collect()
}

async function importStep(dataDir: string, file: string, from: CoordinateSystem, apply: boolean, probe: { lng: number; lat: number }) {
  const stack = await openLocalStack({ dataDir, seed: false })
  try {
    // a running host has routed by the map before the import
    await stack.deps.router.route(probe)
    const generationBefore = await stack.deps.reference.mapGeneration()
    let t = hr()
    const geojson: unknown = JSON.parse(readFileSync(file, 'utf8'))
    const parseMs = ms(t)
    // two forced collections (run with --expose-gc) bracket the call: their --trace-gc lines
    // ("testing") mark its window on V8's clock for the parent
    gc()
    const rssBeforeKB = kbOf('VmRSS')
    const heapBefore = process.memoryUsage()
    t = hr()
    const out = await importGrids(stack.deps, { geojson, from, apply })
    const importMs = ms(t)
    const heapAfter = process.memoryUsage()
    gc()
    let reload: { ms: number; outcome: string; generation: number; secondUs: number } | null = null
    if (out.applied) {
      // the host's own router: its next report meets the moved generation and reloads the map
      t = hr()
      const first = await stack.deps.router.route(probe)
      const reloadMs = ms(t)
      t = hr()
      await stack.deps.router.route(probe)
      reload = { ms: reloadMs, outcome: first.outcome, generation: first.mapGeneration, secondUs: ms(t) * 1000 }
    }
    const gridsAfter = (await stack.deps.reference.listGrids()).length
    const warnings = (out as { warnings?: unknown[] }).warnings
    return {
      parseMs, importMs, rssBeforeKB, peakKB: kbOf('VmHWM'),
      heapBeforeMB: heapBefore.heapUsed / 1048576, heapAfterMB: heapAfter.heapUsed / 1048576,
      applied: out.applied, generationBefore, generation: out.generation,
      plan: { added: out.plan.added.length, changed: out.plan.changed.length, unchanged: out.plan.unchanged.length, removed: out.plan.removed.length },
      problems: out.problems.length, firstProblem: out.problems[0] ?? null,
      warnings: Array.isArray(warnings) ? warnings.length : null,
      reload, gridsAfter,
    }
  } finally {
    await stack.close()
  }
}

async function coldStep(dataDir: string, probe: { lng: number; lat: number }) {
  const rssStartKB = kbOf('VmRSS')
  const t = hr()
  const stack = await openLocalStack({ dataDir, seed: false })
  const openMs = ms(t)
  try {
    const t2 = hr()
    const first = await stack.deps.router.route(probe)
    const routeMs = ms(t2)
    return { openMs, routeMs, outcome: first.outcome, generation: first.mapGeneration, rssStartKB, peakKB: kbOf('VmHWM'), rssKB: kbOf('VmRSS') }
  } finally {
    await stack.close()
  }
}

async function main(argv: string[]) {
  const [mode, ...rest] = argv
  if (mode === 'import') {
    const [dataDir, file, from, apply, lng, lat, result] = rest
    writeFileSync(result, JSON.stringify(await importStep(dataDir, file, from as CoordinateSystem, apply === '1', { lng: Number(lng), lat: Number(lat) })))
  } else if (mode === 'cold') {
    const [dataDir, lng, lat, result] = rest
    writeFileSync(result, JSON.stringify(await coldStep(dataDir, { lng: Number(lng), lat: Number(lat) })))
  } else {
    throw new Error(`unknown step ${mode}`)
  }
}

main(process.argv.slice(2)).then(() => process.exit(0), (error) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`)
  process.exit(1)
})
