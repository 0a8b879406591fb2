import { importGrids } from '../../cloudfunctions/app/grids/importGrids'
import type { MapChange, ReferenceData } from '../../cloudfunctions/app/ports'
import { mapWarnings, type WarningGrid } from '../../shared/gridImport/mapWarnings'
import type { Community, Grid, GridGeometry } from '../../shared/model'
import { offsetByMetres } from '../../shared/routing/geo'

// Overlaps between grids and gaps inside a community are warnings with their area in m²:
// shown with the dry run, never a reason to refuse the import.
const ORIGIN = { lng: 114.05, lat: 22.54 }
type Ring = [number, number][]
/** A rectangle `w` by `h` metres whose south-west corner is `x` east and `y` north of ORIGIN, counter-clockwise. */
function rect(x: number, y: number, w: number, h: number): Ring {
  const at = (e: number, n: number): [number, number] => {
    const p = offsetByMetres(ORIGIN, e, n)
    return [p.lng, p.lat]
  }
  return [at(x, y), at(x + w, y), at(x + w, y + h), at(x, y + h), at(x, y)]
}
const hole = (r: Ring): Ring => [...r].reverse()
const poly = (...rings: Ring[]): GridGeometry => ({ type: 'Polygon', coordinates: rings })
const multi = (...parts: Ring[][]): GridGeometry => ({ type: 'MultiPolygon', coordinates: parts })

const C1 = '440304005001'
const C2 = '440304005002'
const community = (code: string, geometry?: GridGeometry) => ({ code, name: code === C1 ? '莲花一村社区' : '田面社区', ...(geometry ? { geometry } : {}) })
let n = 0
const grid = (geometry: GridGeometry, over: Partial<WarningGrid> = {}): WarningGrid => {
  n += 1
  return { code: `${C1}${String(n).padStart(3, '0')}`, name: `第${n}网格`, communityCode: C1, geometry, feature: n - 1, ...over }
}
const file = (...grids: GridGeometry[]) => { n = 0; return grids.map((g) => grid(g)) }
const within1pc = (actual: number, expected: number) => expect(Math.abs(actual - expected) / expected).toBeLessThan(0.01)

describe('warning of overlaps between grids', () => {
  it('reports two 100 m squares shifted by half with their 5,000 m² overlap, naming both grids and features', () => {
    const grids = file(poly(rect(0, 0, 100, 100)), poly(rect(50, 0, 100, 100)))
    const warnings = mapWarnings(grids, [community(C1)])
    expect(warnings).toHaveLength(1)
    const [w] = warnings
    expect(w).toMatchObject({ kind: 'overlap', codes: [grids[0].code, grids[1].code], features: [0, 1] })
    within1pc(w.areaM2, 5000)
    expect(Number.isInteger(w.areaM2)).toBe(true)
    expect(w.message).toBe(`第1网格（${grids[0].code}）与第2网格（${grids[1].code}）重叠约 ${w.areaM2.toLocaleString('en-US')} 平方米`)
    // the box of the overlap: where to look on the map
    const [west, , east] = w.bbox
    expect(west).toBeCloseTo(offsetByMetres(ORIGIN, 50, 0).lng, 9)
    expect(east).toBeCloseTo(offsetByMetres(ORIGIN, 100, 0).lng, 9)
  })

  it('says nothing of grids that only share an edge or a corner', () => {
    expect(mapWarnings(file(poly(rect(0, 0, 100, 100)), poly(rect(100, 0, 100, 100)), poly(rect(100, 100, 100, 100))), [community(C1)])).toEqual([])
  })

  it('says nothing of a sliver under 1 m²: a neighbour listing an extra vertex a centimetre off the shared edge', () => {
    const east = rect(100, 0, 100, 100)
    const bent = offsetByMetres(ORIGIN, 99.99, 50)
    // the east grid's west edge bends 1 cm into its neighbour at its midpoint: a 0.5 m² sliver
    const withVertex: Ring = [east[0], east[1], east[2], east[3], [bent.lng, bent.lat], east[4]]
    expect(mapWarnings(file(poly(rect(0, 0, 100, 100)), poly(withVertex)), [community(C1)])).toEqual([])
    // ...while a metre's bend along the same edge is 50 m², worth a warning
    const far = offsetByMetres(ORIGIN, 99, 50)
    const overlap = mapWarnings(file(poly(rect(0, 0, 100, 100)), poly([east[0], east[1], east[2], east[3], [far.lng, far.lat], east[4]])), [community(C1)])
    expect(overlap).toHaveLength(1)
    within1pc(overlap[0].areaM2, 50)
  })

  it('measures a MultiPolygon by its parts: only the island that lies on a neighbour overlaps it', () => {
    const grids = file(multi([rect(0, 0, 100, 100)], [rect(300, 0, 20, 20)]), poly(rect(310, 0, 100, 100)), multi([rect(0, 200, 50, 50)], [rect(500, 500, 10, 10)]))
    const warnings = mapWarnings(grids, [community(C1)])
    expect(warnings).toHaveLength(1)
    expect(warnings[0]).toMatchObject({ kind: 'overlap', features: [0, 1] })
    within1pc(warnings[0].areaM2, 10 * 20)
  })

  it('does not count a grid lying in another grid\'s hole as an overlap', () => {
    const grids = file(poly(rect(0, 0, 300, 300), hole(rect(100, 100, 100, 100))), poly(rect(100, 100, 100, 100)))
    expect(mapWarnings(grids, [community(C1)])).toEqual([])
  })

  it('checks the file\'s grids against the grids the map keeps, but not those against each other', () => {
    n = 0
    const mine = grid(poly(rect(0, 0, 100, 100)))
    // the two kept grids overlap each other by 30 m × 100 m: not this file's doing
    const kept = (x: number, i: number) => grid(poly(rect(x, 0, 100, 100)), { code: `${C2}00${i}`, communityCode: C2, feature: null })
    const warnings = mapWarnings([kept(80, 1), kept(150, 2), mine], [community(C1), community(C2)])
    expect(warnings).toHaveLength(1)
    expect(warnings[0]).toMatchObject({ kind: 'overlap', codes: [mine.code, `${C2}001`], features: [0] })
    within1pc(warnings[0].areaM2, 20 * 100)
  })
})

describe('warning of gaps inside a community', () => {
  it('reports the strip of an outline its grids leave uncovered, with its area', () => {
    // a 200 m × 100 m community, two grids of 95 m × 100 m: a 10 m strip between them
    const warnings = mapWarnings(file(poly(rect(0, 0, 95, 100)), poly(rect(105, 0, 95, 100))), [community(C1, poly(rect(0, 0, 200, 100)))])
    expect(warnings).toHaveLength(1)
    expect(warnings[0]).toMatchObject({ kind: 'gap', communityCode: C1 })
    within1pc(warnings[0].areaM2, 1000)
    expect(warnings[0].message).toBe(`莲花一村社区（${C1}）内有约 ${warnings[0].areaM2.toLocaleString('en-US')} 平方米不属于任何网格`)
  })

  it('reports each uncovered piece of an outline on its own', () => {
    const warnings = mapWarnings(file(poly(rect(10, 0, 80, 100))), [community(C1, poly(rect(0, 0, 100, 100)))])
    expect(warnings.map((w) => w.kind)).toEqual(['gap', 'gap'])
    for (const w of warnings) within1pc(w.areaM2, 1000)
  })

  it('says nothing when the grids cover the outline exactly', () => {
    expect(mapWarnings(file(poly(rect(0, 0, 100, 100)), poly(rect(100, 0, 100, 100))), [community(C1, poly(rect(0, 0, 200, 100)))])).toEqual([])
  })

  it('without an outline, reports a hole enclosed by its grids, less a grid lying inside it', () => {
    // eight 100 m cells around a missing centre cell, and a 20 m × 20 m island grid in it
    const ring8 = [[0, 0], [1, 0], [2, 0], [0, 1], [2, 1], [0, 2], [1, 2], [2, 2]].map(([i, j]) => poly(rect(i * 100, j * 100, 100, 100)))
    const warnings = mapWarnings(file(...ring8, multi([rect(140, 140, 20, 20)])), [community(C1)])
    expect(warnings).toHaveLength(1)
    expect(warnings[0]).toMatchObject({ kind: 'gap', communityCode: C1 })
    within1pc(warnings[0].areaM2, 100 * 100 - 20 * 20)
    // the open side of a U is the community's edge as far as the map knows: no gap
    expect(mapWarnings(file(...ring8.filter((_, i) => i !== 6)), [community(C1)])).toEqual([])
  })

  it('leaves a grid\'s own hole alone: a school carved out on purpose is not a gap', () => {
    const schoolGrid = poly(rect(0, 0, 300, 300), hole(rect(100, 100, 100, 100)))
    expect(mapWarnings(file(schoolGrid), [community(C1)])).toEqual([])
    expect(mapWarnings(file(schoolGrid), [community(C1, poly(rect(0, 0, 300, 300)))])).toEqual([])
  })

  it('only looks at the communities the file covers, and at each one\'s own grids', () => {
    const grids = file(poly(rect(0, 0, 100, 100)))
    const warnings = mapWarnings(grids, [community(C1, poly(rect(0, 0, 100, 100))), community(C2, poly(rect(500, 0, 100, 100)))])
    expect(warnings).toEqual([])
  })
})

describe('a geometry the clipping library refuses', () => {
  it('costs only its own warnings, never an exception', () => {
    // a NaN in a hole: validation stops it before here, but a warning must not fail an import
    const broken = poly(rect(0, 0, 100, 100), [[NaN, 22.54], [114.0502, 22.5402], [114.0503, 22.5401], [NaN, 22.54]])
    const grids = file(broken, poly(rect(50, 0, 100, 100)), poly(rect(300, 0, 100, 100)), poly(rect(350, 0, 100, 100)))
    let warnings: ReturnType<typeof mapWarnings> = []
    expect(() => { warnings = mapWarnings(grids, [community(C1, broken)]) }).not.toThrow()
    expect(warnings.map((w) => [w.kind, 'features' in w ? w.features : null])).toEqual([['overlap', [2, 3]]])
  })
})

describe('importing a map with overlaps', () => {
  const outline = poly(rect(0, 0, 200, 100))
  const communities: Community[] = [{ id: 'c-1', code: C1, name: '莲花一村社区', streetId: 's-1', dispatcherIds: [], geometry: outline }]
  const feature = (code: string, g: GridGeometry) => ({ type: 'Feature', properties: { code, name: `网格${code.slice(-3)}` }, geometry: g })
  const geojson = { type: 'FeatureCollection', features: [feature(`${C1}001`, poly(rect(0, 0, 120, 100))), feature(`${C1}002`, poly(rect(100, 0, 90, 100)))] }
  function reference() {
    const saved: MapChange[] = []
    let generation = 3
    const port: Pick<ReferenceData, 'listCommunities' | 'listGrids' | 'saveMap'> = {
      listCommunities: async () => communities,
      listGrids: async () => [] as Grid[],
      saveMap: async (change) => { saved.push(change); return ++generation },
    }
    return { deps: { reference: port as ReferenceData }, saved }
  }

  it('shows the overlap and the gap on a dry run, and writes nothing', async () => {
    const { deps, saved } = reference()
    const out = await importGrids(deps, { geojson, from: 'gcj02', apply: false })
    expect(out).toMatchObject({ applied: false, problems: [], generation: null })
    expect(out.warnings.map((w) => w.kind)).toEqual(['overlap', 'gap'])
    within1pc(out.warnings[0].areaM2, 20 * 100)
    within1pc(out.warnings[1].areaM2, 10 * 100)
    expect(out.warnings[0]).toMatchObject({ codes: [`${C1}001`, `${C1}002`], features: [0, 1] })
    expect(JSON.parse(JSON.stringify(out))).toEqual(out)
    expect(saved).toEqual([])
  })

  it('still applies the file: warnings do not block, problems do', async () => {
    const { deps, saved } = reference()
    const out = await importGrids(deps, { geojson, from: 'gcj02', apply: true })
    expect(out).toMatchObject({ applied: true, problems: [], generation: 4 })
    expect(out.warnings).toHaveLength(2)
    expect(saved[0].grids!.map((g) => g.code)).toEqual([`${C1}001`, `${C1}002`])

    const broken = { ...geojson, features: [...geojson.features, feature('44030400500', poly(rect(500, 0, 10, 10)))] }
    const refused = await importGrids(deps, { geojson: broken, from: 'gcj02', apply: true })
    expect(refused).toMatchObject({ applied: false, generation: null })
    expect(refused.problems).toHaveLength(1)
    expect(refused.warnings).toHaveLength(2)
  })

  it('names the features by their index in the file, past the ones that were refused', async () => {
    const { deps } = reference()
    const withBadFirst = { ...geojson, features: [feature('x', poly(rect(500, 0, 10, 10))), ...geojson.features] }
    const out = await importGrids(deps, { geojson: withBadFirst, from: 'gcj02', apply: false })
    expect(out.warnings[0]).toMatchObject({ kind: 'overlap', features: [1, 2] })
  })
})
