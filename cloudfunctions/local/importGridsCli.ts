import { readFileSync } from 'node:fs'
import { COORDINATE_SYSTEMS, type CoordinateSystem } from '../../shared/gridImport/coordinates'
import { importGrids } from '../app/grids/importGrids'
import { parseKeyRing } from '../app/privacy/keyRing'
import { openLocalStack } from './stack'

// `npm run import:grids -- FILE [--from=wgs84|cgcs2000|gcj02] [--apply]`: the grid map import
// on the local stack's data folder (GRIDLINK_DATA_DIR, default .data). Without --apply it is a
// dry run. The running host keeps its map in memory: restart it after an import.
async function main(argv: string[]) {
  const file = argv.find((a) => !a.startsWith('--'))
  const from = (argv.find((a) => a.startsWith('--from='))?.slice('--from='.length) ?? 'gcj02') as CoordinateSystem
  if (!file || !COORDINATE_SYSTEMS.includes(from)) {
    console.error(`usage: npm run import:grids -- FILE [--from=${COORDINATE_SYSTEMS.join('|')}] [--apply]`)
    return 2
  }
  let geojson: unknown
  try {
    geojson = JSON.parse(readFileSync(file, 'utf8'))
  } catch (err) {
    console.error(`✖ ${file} is not readable JSON: ${(err as Error).message}`)
    return 1
  }
  // the same key ring the host uses: a data folder holding ciphertext opens only with it
  const keys = process.env.GRIDLINK_FIELD_KEYS ? parseKeyRing(process.env.GRIDLINK_FIELD_KEYS) : null
  if (keys && !keys.ok) {
    console.error(`✖ GRIDLINK_FIELD_KEYS: ${keys.error}`)
    return 1
  }
  const stack = await openLocalStack({ dataDir: process.env.GRIDLINK_DATA_DIR ?? '.data', seed: false, ...(keys ? { fieldKeys: keys.value } : {}) })
  try {
    const out = await importGrids(stack.deps, { geojson, from, apply: argv.includes('--apply') })
    const { added, changed, unchanged, removed } = out.plan
    console.log(`grids: ${added.length} added, ${changed.length} changed, ${unchanged.length} unchanged, ${removed.length} removed`)
    for (const [what, codes] of Object.entries({ added, changed, removed })) if (codes.length) console.log(`  ${what}: ${codes.join(', ')}`)
    for (const p of out.problems) console.log(`  ✖ features[${p.feature}] ${p.field}: ${p.message}`)
    // warnings never block: the exit code is the problems'
    if (out.warnings.length) console.log(`${out.warnings.length} warnings (overlaps and gaps; they do not block the import):`)
    for (const w of out.warnings) console.log(`  ⚠ ${w.kind === 'overlap' ? `features[${w.features.join(', ')}]` : `community ${w.communityCode}`}: ${w.message}`)
    if (out.problems.length) console.log(`✖ ${out.problems.length} problems: nothing imported`)
    else if (out.applied) console.log(`✔ imported: map generation ${out.generation} (restart the host to route by it)`)
    else console.log('dry run: nothing written (add --apply to import)')
    return out.problems.length ? 1 : 0
  } finally {
    await stack.close()
  }
}

main(process.argv.slice(2)).then((code) => process.exit(code), (err) => {
  console.error(err instanceof Error ? err.message : err)
  process.exit(1)
})
