import { readFileSync } from 'node:fs'
import { buildGridIndex, loadGridIndex, unpackGridIndex, type GridIndex, type GridSource } from '../../shared/routing/gridIndex'

// Bundled by routing.ts and run in a fresh Node process per sample: what a function's cold
// start pays to get a usable grid index, either from the packed prebuilt file or by
// parsing the city's GeoJSON and building the index (the path the packed file replaces).
// Prints one JSON line: milliseconds from before the read to after the first lookup.

interface GridFeature { properties: Omit<GridSource, 'geometry'>; geometry: GridSource['geometry'] }

const [mode, file, lng, lat] = process.argv.slice(2)
const before = process.memoryUsage()
const t0 = process.hrtime.bigint()
let index: GridIndex
if (mode === 'packed') {
  const bytes = readFileSync(file)
  // a file past the pool size owns its ArrayBuffer whole; only a pooled slice needs a copy
  const whole = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength
  index = loadGridIndex(unpackGridIndex(whole ? (bytes.buffer as ArrayBuffer) : bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer))
} else {
  const collection = JSON.parse(readFileSync(file, 'utf8')) as { features: GridFeature[] }
  index = buildGridIndex(collection.features.map((f) => ({ ...f.properties, geometry: f.geometry })))
}
const found = index.locate({ lng: Number(lng), lat: Number(lat) }, 30)
const ms = Number(process.hrtime.bigint() - t0) / 1e6
const after = process.memoryUsage()
const grewMB = (after.heapUsed + after.external - before.heapUsed - before.external) / 1048576
process.stdout.write(JSON.stringify({ ms, grewMB, gridId: found.grid?.id ?? null, size: index.size }) + '\n')
