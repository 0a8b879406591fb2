import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { openLocalStack } from '../../cloudfunctions/local/stack'
import { wgs84ToGcj02 } from '../../shared/gridImport/coordinates'
import type { Community, Street } from '../../shared/model'
import { generateCity, type City } from '../../shared/routing/cityGenerator'
import { hrMs, missing, row, type Row, type SectionRun } from './types'

// Importing a city's grid map through the real use case (cloudfunctions/app/grids/importGrids.ts)
// on the local SQLite stack: the dry run, the import, the router reloading the new generation,
// a re-import of the same file, and a host's cold start on the new map. Each step runs in a
// fresh Node process (gridImportStep.ts) so its peak memory is its own.

const SIZES = { full: { grids: 20_000 }, quick: { grids: 2_000 } }
const DISTRICT = '440305'
const FROM = 'wgs84'
const STEP = join(__dirname, 'gridImportStep.ts')

interface ImportFile { streets: Street[]; communities: Community[]; geojson: string; probe: { lng: number; lat: number } }

/**
 * The generated city as an import file, with the codes the import matches on: a street of
 * 16 × 16 cells is one of the district's streets, a community of 4 × 4 cells one of its
 * street's communities, and a grid numbered within its community (cityGenerator.ts).
 */
export function cityAsImport(city: City): ImportFile {
  const pad = (n: number) => String(n).padStart(3, '0')
  const streetNo = new Map([...new Set(city.grids.map((g) => g.streetId))].sort().map((id, i) => [id, i + 1]))
  const communityNo = new Map<string, number>()
  const streetOf = new Map<string, string>()
  const gridNo = new Map<string, number>()
  const streetBox = new Map<string, [number, number, number, number]>()
  const features = city.grids.map((g) => {
    const [ci, cj] = g.communityId.slice(2).split('-').map(Number)
    communityNo.set(g.communityId, (ci % 4) + 4 * (cj % 4) + 1)
    streetOf.set(g.communityId, g.streetId)
    const inCommunity = (gridNo.get(g.communityId) ?? 0) + 1
    gridNo.set(g.communityId, inCommunity)
    const b = streetBox.get(g.streetId) ?? [Infinity, Infinity, -Infinity, -Infinity]
    const parts = g.geometry.type === 'Polygon' ? [g.geometry.coordinates] : g.geometry.coordinates
    for (const [lng, lat] of parts.flatMap((p) => p[0])) {
      b[0] = Math.min(b[0], lng), b[1] = Math.min(b[1], lat), b[2] = Math.max(b[2], lng), b[3] = Math.max(b[3], lat)
    }
    streetBox.set(g.streetId, b)
    const code = `${DISTRICT}${pad(streetNo.get(g.streetId)!)}${pad(communityNo.get(g.communityId)!)}${pad(inCommunity)}`
    return { type: 'Feature', properties: { code, name: g.name }, geometry: g.geometry }
  })
  // the file is in WGS-84, as survey files come; the streets the use case does not import are written in GCJ-02
  const streets: Street[] = [...streetBox].map(([id, [w, s, e, n]]) => {
    const ring = ([[w, s], [e, s], [e, n], [w, n], [w, s]] as [number, number][]).map((p) => wgs84ToGcj02(p))
    return { id, code: `${DISTRICT}${pad(streetNo.get(id)!)}`, name: `第${streetNo.get(id)}街道`, district: '南山区', hotline: '0755-12345', polygon: [ring], dispatcherIds: [] }
  })
  const communities: Community[] = [...communityNo].map(([id, no]) => {
    const streetId = streetOf.get(id)!
    return { id, code: `${DISTRICT}${pad(streetNo.get(streetId)!)}${pad(no)}`, name: `${id}社区`, streetId, dispatcherIds: [] }
  })
  const first = city.grids[0].geometry
  const ring = first.type === 'Polygon' ? first.coordinates[0] : first.coordinates[0][0]
  const [lng, lat] = wgs84ToGcj02([(Math.min(...ring.map((p) => p[0])) + Math.max(...ring.map((p) => p[0]))) / 2, (Math.min(...ring.map((p) => p[1])) + Math.max(...ring.map((p) => p[1]))) / 2])
  return { streets, communities, geojson: JSON.stringify({ type: 'FeatureCollection', features }), probe: { lng, lat } }
}

/**
 * The main thread's V8 heap during the use case's call, from --trace-gc: the step's two
 * forced collections (marked "testing") bracket the call. `reached` is the largest heap
 * before a collection (garbage included: what the heap grew to), `live` the largest after
 * one. The write thread is another isolate with its own lines; they are left out.
 */
export function heapDuringCall(traceGc: string): { reachedMB: number; liveMB: number } | null {
  const gcs = [...traceGc.matchAll(/^\[\d+:(0x[0-9a-f]+)\]\s+[\d.]+ ms: [^\n]*?([\d.]+) \(([\d.]+)\) -> ([\d.]+) \(([\d.]+)\) MB[^\n]*$/gm)]
    .map((m) => ({ isolate: m[1], before: Number(m[2]), after: Number(m[4]), forced: /\btesting\b/.test(m[0]) }))
  const marks = gcs.flatMap((g, i) => (g.forced ? [i] : []))
  if (marks.length < 2) return null
  const main = gcs[marks[0]].isolate
  // the closing forced collection's "before" is the heap as the call returned: a candidate too
  const during = gcs.slice(marks[0] + 1, marks[1] + 1).filter((g) => g.isolate === main)
  return { reachedMB: Math.max(...during.map((g) => g.before)), liveMB: Math.max(...during.slice(0, -1).map((g) => g.after), gcs[marks[0]].after) }
}

function step<T>(args: string[], result: string): { figures: T; traceGc: string; wallMs: number } {
  const t = process.hrtime.bigint()
  const r = spawnSync(process.execPath, ['--trace-gc', '--expose-gc', '--import', 'tsx', STEP, ...args, result], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })
  const wallMs = hrMs(t)
  if (r.status !== 0 || !existsSync(result)) throw new Error(`step ${args[0]} failed (exit ${r.status ?? r.signal}): ${(r.stderr ?? '').trim().split('\n').slice(-3).join(' / ').slice(0, 400)}`)
  return { figures: JSON.parse(readFileSync(result, 'utf8')) as T, traceGc: r.stdout, wallMs }
}

interface ImportFigures {
  parseMs: number; importMs: number; rssBeforeKB: number; peakKB: number
  heapBeforeMB: number; heapAfterMB: number; applied: boolean; generationBefore: number; generation: number | null
  plan: { added: number; changed: number; unchanged: number; removed: number }
  problems: number; firstProblem: { feature: number; field: string; message: string } | null; warnings: number | null
  reload: { ms: number; outcome: string; generation: number; secondUs: number } | null; gridsAfter: number
}
interface ColdFigures { openMs: number; routeMs: number; outcome: string; generation: number; rssStartKB: number; peakKB: number; rssKB: number }

export const gridImport: SectionRun = async (opts, log) => {
  const size = opts.quick ? SIZES.quick : SIZES.full
  const n = (x: number) => x.toLocaleString('en-US')
  const mb = (kb: number) => (kb / 1024).toFixed(0)
  const how = [
    `The routing bench's generated city (shared/routing/cityGenerator.ts, seed 1): ${n(size.grids)} adjacent grids with holes, gaps and MultiPolygons, written as a GeoJSON FeatureCollection in WGS-84 (as survey files come; the import converts to GCJ-02) with 15-digit codes: district ${DISTRICT}, a street per 16 × 16 cells, a community per 4 × 4 cells, the grid's number in its community.`,
    "Before the first step, the streets and communities (with their 12-digit codes, which the import matches grid codes' first 12 digits to) are written through the reference port's `saveMap` on a fresh local stack (SQLite, seed off).",
    "Each step is a fresh Node process under tsx (as `npm run import:grids` runs) that opens the local stack on that data folder, routes one point (a running host has its map loaded), reads and parses the file, then awaits `importGrids(deps, { geojson, from: 'wgs84', apply })`: the use case as it is in the tree when the bench runs. Time: `process.hrtime` around the call (parsing the file is shown apart).",
    "Memory: peak RSS is the process's VmHWM from /proc at the end of the step (tsx, the stack, its write thread and the parsed file included; RSS just before the call is shown beside it); peak heap is the main thread's largest V8 heap at a garbage collection during the call (`node --trace-gc`, two forced collections bracketing the call; garbage included, with the largest live heap after a collection beside it).",
    "Reload: after the import, the same process's router (the host's `mapRouter`, rechecking the generation on every call) routes the point again: it meets the moved generation and reloads every grid, community and street from the store, then builds a router; the time of that first call. Host cold start: a fresh process opens the stack on the imported data folder and routes its first point.",
  ]
  log(`generating ${n(size.grids)} grids`)
  const city = generateCity({ grids: size.grids, seed: 1 })
  const file = cityAsImport(city)
  const geojsonFile = join(opts.tmpDir, 'grids.geojson')
  writeFileSync(geojsonFile, file.geojson)
  const dataDir = join(opts.tmpDir, 'data')
  log(`seeding ${n(file.streets.length)} streets and ${n(file.communities.length)} communities with codes`)
  const stack = await openLocalStack({ dataDir, seed: false })
  try {
    await stack.deps.reference.saveMap({ streets: file.streets, communities: file.communities })
  } finally {
    await stack.close()
  }

  const rows: Row[] = []
  const probe = [String(file.probe.lng), String(file.probe.lat)]
  const runImport = (id: string, apply: boolean) => {
    log(`${id}: importGrids(apply: ${apply})`)
    const r = step<ImportFigures>(['import', dataDir, geojsonFile, FROM, apply ? '1' : '0', ...probe], join(opts.tmpDir, `${id}.json`))
    return { ...r.figures, heap: heapDuringCall(r.traceGc) }
  }
  const planNote = (f: ImportFigures) => `${n(f.plan.added)} added, ${n(f.plan.changed)} changed, ${n(f.plan.unchanged)} unchanged, ${n(f.plan.removed)} removed; ${f.problems === 0 ? 'no problems' : `${n(f.problems)} problems, first: features[${f.firstProblem!.feature}] ${f.firstProblem!.field} ${f.firstProblem!.message}`}${f.warnings === null ? '' : `; ${n(f.warnings)} warnings`}`
  const memoryRows = (label: string, f: ImportFigures & { heap: { reachedMB: number; liveMB: number } | null }) => [
    row(`${label}: peak RSS`, f.peakKB / 1024, 'MB', { note: `VmHWM of the step's process (the write thread included); RSS ${mb(f.rssBeforeKB)} MB just before the call` }),
    f.heap === null
      ? missing(`${label}: peak heap`, 'the --trace-gc lines of the step could not be read')
      : row(`${label}: peak heap`, f.heap.reachedMB, 'MB', { note: `main thread, largest heap at a GC during the call, garbage included; largest live heap after a GC ${f.heap.liveMB.toFixed(0)} MB; ${f.heapBeforeMB.toFixed(0)} MB live before the call (the parsed file included)` }),
  ]

  const dry = runImport('dry-run', false)
  rows.push(
    row(`Dry run of ${n(size.grids)} new grids (importGrids, apply: false)`, dry.importMs / 1000, 's', { note: planNote(dry) }),
    ...memoryRows('Dry run', dry),
  )
  const applied = runImport('import', true)
  if (!applied.applied) {
    rows.push(missing(`Import of ${n(size.grids)} grids (apply: true)`, `nothing imported: ${planNote(applied)}`))
    return { title: 'Grid map import', how, rows }
  }
  rows.push(
    row(`Import of ${n(size.grids)} grids (importGrids, apply: true)`, applied.importMs / 1000, 's', { note: `${planNote(applied)}; map generation ${applied.generationBefore} → ${applied.generation}; ${n(applied.gridsAfter)} grids in the store after` }),
    ...memoryRows('Import', applied),
    row('Parsing the file (JSON.parse)', applied.parseMs, 'ms', { note: `${n(Math.round(Buffer.byteLength(file.geojson) / 1024))} KB of GeoJSON; not in the times above` }),
  )
  if (applied.reload) {
    rows.push(row('Router reload of the new generation (first route after the import)', applied.reload.ms, 'ms', {
      note: `same process; reads ${n(applied.gridsAfter)} grids from the store and builds the router; routed ${applied.reload.outcome} by generation ${applied.reload.generation}; the next call ${applied.reload.secondUs.toFixed(0)} µs`,
    }))
  }
  const again = runImport('re-import', false)
  rows.push(
    row('Dry run of the same file again (all unchanged)', again.importMs / 1000, 's', { note: planNote(again) }),
    ...memoryRows('Dry run again', again),
  )
  log('host cold start on the new map')
  const cold = step<ColdFigures>(['cold', dataDir, ...probe], join(opts.tmpDir, 'cold.json'))
  rows.push(row('Host cold start on the new map: open the stack + first route', cold.figures.openMs + cold.figures.routeMs, 'ms', {
    note: `fresh process: open ${cold.figures.openMs.toFixed(0)} ms, first route ${cold.figures.routeMs.toFixed(0)} ms (${cold.figures.outcome}, generation ${cold.figures.generation}); peak RSS ${mb(cold.figures.peakKB)} MB; whole process ${cold.wallMs.toFixed(0)} ms`,
  }))
  return { title: 'Grid map import', how, rows }
}
