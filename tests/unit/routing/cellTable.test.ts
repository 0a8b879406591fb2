import { DEMO_COMMUNITIES, DEMO_GRIDS, DEMO_POINTS, DEMO_STREET } from '../../../cloudfunctions/local/seed/demoArea'
import type { LngLat } from '../../../shared/model'
import { NOTHING_NEAR, NOT_IN_TABLE, lookupCell, type CellTable } from '../../../shared/routing/cellTable'
import { generateCity, mulberry32, randomPoints } from '../../../shared/routing/cityGenerator'
import { bboxOf, expandBBox, metresPerDegree, offsetByMetres, partsOf, ringsOf, type BBox } from '../../../shared/routing/geo'
import { buildGridIndex, loadGridIndex, packGridIndex, unpackGridIndex, type GridIndex, type GridSource } from '../../../shared/routing/gridIndex'
import { LOOKUPS_PER_GRID_BEFORE_TABLE, createRouter } from '../../../shared/routing/router'

// The cell table (shared/routing/cellTable.ts) must never change an answer: every test
// here puts the same points to an index with the table and to one without (the exact
// path) and wants the very same result, distances bit for bit.

// Offsets (m) from edges where a wrong "clear" would show: on the edge, just inside and
// just outside the tolerance, and around the 10 cm margin the table keeps.
const critical = (tol: number) =>
  [0, 0.0005, 0.002, 5, -0.1, -0.01, -0.001, 0, 0.001, 0.01, 0.05, 0.1, 0.11, 0.2, 15].map((d, i) => (i < 4 ? d : tol + d)).filter((d) => d >= 0)

/** Points at critical offsets either side of random spots on random edges, and on circles around vertices. */
function criticalPoints(grids: readonly GridSource[], n: number, seed: number, tol = 30): LngLat[] {
  const offsets = critical(tol)
  const rnd = mulberry32(seed)
  const points: LngLat[] = []
  for (let i = 0; i < n; i++) {
    const rings = ringsOf(grids[Math.floor(rnd() * grids.length)].geometry)
    const ring = rings[Math.floor(rnd() * rings.length)]
    const v = Math.floor(rnd() * (ring.length - 1))
    const [a, b] = [ring[v], ring[v + 1]]
    const t = rnd()
    const at = { lng: a[0] + t * (b[0] - a[0]), lat: a[1] + t * (b[1] - a[1]) }
    const k = metresPerDegree(at.lat)
    const [dx, dy] = [(b[0] - a[0]) * k.x, (b[1] - a[1]) * k.y]
    const len = Math.hypot(dx, dy) || 1
    const d = offsets[Math.floor(rnd() * offsets.length)]
    points.push(offsetByMetres(at, (-dy / len) * d, (dx / len) * d), offsetByMetres(at, (dy / len) * d, (-dx / len) * d))
    const angle = rnd() * 2 * Math.PI
    points.push(offsetByMetres({ lng: a[0], lat: a[1] }, Math.cos(angle) * d, Math.sin(angle) * d))
  }
  return points
}

/** Points exactly on cell and sub-cell boundaries, where a point's cell is decided by rounding. */
function boundaryPoints(index: GridIndex, n: number, seed: number): LngLat[] {
  const c = index.serialize().header.cells!
  const rnd = mulberry32(seed)
  const points: LngLat[] = []
  for (let i = 0; i < n; i++) {
    const x = Math.floor(rnd() * c.cols * 4) / 4
    const y = Math.floor(rnd() * c.rows * 4) / 4
    points.push({ lng: c.minLng + x * c.stepLng, lat: c.minLat + y * c.stepLat }, { lng: c.minLng + x * c.stepLng, lat: c.minLat + (y + rnd()) * c.stepLat })
  }
  return points
}

const same = (a: GridIndex, b: GridIndex, points: LngLat[], toleranceM: number) => {
  const differ = points.filter((p) => JSON.stringify(a.locate(p, toleranceM)) !== JSON.stringify(b.locate(p, toleranceM)))
  expect(differ.slice(0, 3)).toEqual([])
}

function tableOf(index: GridIndex): CellTable {
  const s = index.serialize()
  return { ...s.header.cells!, ...s.cellTable! }
}

describe('cell table on a generated city of 2,000 grids', () => {
  // ~80 of them MultiPolygons (an island in a gap, or a part inside their own hole), ~100 with holes
  const city = generateCity({ grids: 2000, seed: 42 })
  const exact = buildGridIndex(city.grids, { cellToleranceM: null })
  const fast = buildGridIndex(city.grids)
  const around = expandBBox(city.bbox, 300)
  const random = randomPoints(20_000, around, 3)
  const nearEdges = criticalPoints(city.grids, 3000, 4)
  const onBoundaries = boundaryPoints(fast, 2000, 5)
  const all = [...random, ...nearEdges, ...onBoundaries]

  it('is a city with MultiPolygons and holes', () => {
    expect(city.grids.filter((g) => g.geometry.type === 'MultiPolygon').length).toBeGreaterThan(40)
    expect(city.grids.filter((g) => partsOf(g.geometry).some((part) => part.length > 1)).length).toBeGreaterThan(40)
  })

  it('answers like the exact path on the islands and in the holes, where a wrong box or a missed ring would show', () => {
    const multi = city.grids.filter((g) => g.geometry.type === 'MultiPolygon')
    const onParts = multi.flatMap((g) => partsOf(g.geometry).slice(1).flatMap((part) => randomPoints(50, expandBBox(bboxOf(part), 40), g.id.length + part[0].length)))
    same(fast, exact, [...onParts, ...criticalPoints(multi, 3000, 41)], 30)
    // most of those points are on an island, and the exact path finds them there
    expect(onParts.filter((p) => multi.some((g) => exact.locate(p).grid?.id === g.id)).length).toBeGreaterThan(onParts.length / 4)
  })

  it('is built by default for the default 30 m tolerance, and not when asked not to', () => {
    expect(fast.cellToleranceM).toBe(30)
    expect(exact.cellToleranceM).toBeNull()
  })

  it.each([30, 29.99, 10, 0])('answers like the exact path for a tolerance of %p m (up to the 30 m it was built for)', (tol) => {
    same(fast, exact, all, tol)
  })

  it('falls back to the exact path for a larger tolerance, with the same answers', () => {
    same(fast, exact, [...random.slice(0, 5000), ...nearEdges], 45)
  })

  it('answers many points without a test: over a third clear, a few near nothing', () => {
    const t = tableOf(fast)
    const kinds = random.map((p) => lookupCell(t, p.lng, p.lat))
    expect(kinds.filter((v) => v >= 0).length / kinds.length).toBeGreaterThan(0.35)
    expect(kinds.filter((v) => v === NOTHING_NEAR).length).toBeGreaterThan(0)
    expect(lookupCell(t, NaN, NaN)).toBe(NOT_IN_TABLE)
    expect(lookupCell(t, around.minLng - 1, around.minLat)).toBe(NOT_IN_TABLE)
  })

  it.each([20, 57.3, 150, 600])('answers the same with cells of %p m', (cellM) => {
    const other = exact.withCellTable(30, cellM)
    same(other, exact, [...random.slice(0, 5000), ...nearEdges, ...boundaryPoints(other, 2000, 6)], 30)
  })

  it.each([0, 5, 120])('answers the same with a table built for %p m, at that tolerance', (tol) => {
    const other = exact.withCellTable(tol)
    expect(other.cellToleranceM).toBe(tol)
    same(other, exact, [...random.slice(0, 5000), ...criticalPoints(city.grids, 1500, 7, tol)], tol)
  })

  it('keeps the table through pack → bytes → unpack → load, reading it in place', () => {
    const bytes = Uint8Array.from(new Uint8Array(packGridIndex(fast.serialize())))
    const unpacked = unpackGridIndex(bytes.buffer)
    expect(unpacked.cellTable?.cells.buffer).toBe(bytes.buffer)
    const loaded = loadGridIndex(unpacked)
    expect(loaded.cellToleranceM).toBe(30)
    same(loaded, exact, all, 30)
    expect(loadGridIndex(unpackGridIndex(packGridIndex(exact.serialize()))).cellToleranceM).toBeNull()
    const formatOne = new Uint32Array(16)
    formatOne.set([0x58494c47, 1])
    expect(() => unpackGridIndex(formatOne.buffer)).toThrow('packed in format 1, this code reads 2; pack it again')
  })

  it('routes like a router on the exact path', () => {
    const streets = [{ id: 's1', polygon: [[[around.minLng, around.minLat], [around.maxLng, around.minLat], [around.maxLng, around.maxLat], [around.minLng, around.maxLat]]] }]
    const slow = createRouter({ index: exact, communities: [], streets, generation: 1 })
    const quick = createRouter({ index: fast, communities: [], streets, generation: 1 })
    const differ = all.filter((p) => JSON.stringify(quick.route(p)) !== JSON.stringify(slow.route(p)))
    expect(differ.slice(0, 3)).toEqual([])
  })
})

describe('cell table on unusual cities', () => {
  it.each([
    { name: 'many short edges, many holes, many gaps', options: { grids: 400, seed: 8, vertsPerEdge: 25, holeRate: 0.4, gapRate: 0.2 } },
    { name: 'small grids (60 m), so cells are small too', options: { grids: 400, seed: 9, cellM: 60 } },
    { name: 'far from the equator (lat 60)', options: { grids: 300, seed: 10, origin: { lng: 30, lat: 60 } } },
    { name: 'islands everywhere: every gap has one, every hole a part inside it', options: { grids: 400, seed: 24, holeRate: 0.3, gapRate: 0.2, islandRate: 1 } },
  ])('$name: the same answers as the exact path', ({ options }) => {
    const city = generateCity(options)
    const exact = buildGridIndex(city.grids, { cellToleranceM: null })
    const fast = exact.withCellTable(30)
    same(fast, exact, [...randomPoints(15_000, expandBBox(city.bbox, 100), 11), ...criticalPoints(city.grids, 2000, 12), ...boundaryPoints(fast, 1000, 13)], 30)
  })

  const square = (id: string, lng: number, lat: number, side: number): GridSource => ({
    id, version: 1, communityId: 'c', streetId: 's', geometry: { type: 'Polygon', coordinates: [[[lng, lat], [lng + side, lat], [lng + side, lat + side], [lng, lat + side]]] },
  })

  it('overlapping grids (bad data): a point in both is near_border, as on the exact path', () => {
    const grids = [square('g1', 114, 22.5, 0.01), square('g2', 114.003, 22.503, 0.002), square('g3', 114.0101, 22.5, 0.01)]
    const exact = buildGridIndex(grids, { cellToleranceM: null })
    const fast = exact.withCellTable(30, 20)
    const points = randomPoints(20_000, expandBBox(bboxOf([[[114, 22.5], [114.021, 22.51]]]), 50), 14)
    same(fast, exact, [...points, ...criticalPoints(grids, 2000, 15)], 30)
    expect(fast.locate({ lng: 114.004, lat: 22.504 }, 30).near.map((g) => g.id)).toEqual(['g2'])
  })

  it('one huge grid: its inside is clear', () => {
    const exact = buildGridIndex([square('big', 114, 22.5, 0.1)], { cellToleranceM: null })
    const fast = exact.withCellTable(30)
    const points = randomPoints(20_000, expandBBox(bboxOf([[[114, 22.5], [114.1, 22.6]]]), 100), 16)
    same(fast, exact, points, 30)
    const t = tableOf(fast)
    expect(points.filter((p) => lookupCell(t, p.lng, p.lat) === 0).length).toBeGreaterThan(15_000)
  })

  it('no grids: no table, nothing found', () => {
    expect(buildGridIndex([]).cellToleranceM).toBeNull()
    expect(buildGridIndex([]).locate({ lng: 114, lat: 22.5 }, 30)).toEqual({ grid: null, near: [] })
  })
})

describe('cell table on the demo street', () => {
  const exact = buildGridIndex(DEMO_GRIDS, { cellToleranceM: null })
  const fast = buildGridIndex(DEMO_GRIDS)
  const box: BBox = expandBBox(bboxOf(DEMO_STREET.polygon), 250)
  const points = [...randomPoints(20_000, box, 17), ...criticalPoints(DEMO_GRIDS, 3000, 18), ...boundaryPoints(fast, 2000, 19), ...Object.values(DEMO_POINTS).map((d) => d.point)]

  it('answers like the exact path', () => {
    same(fast, exact, points, 30)
    same(fast, exact, points, 0)
  })

  it('a router built from the grids builds its table only after enough lookups, answering alike before and after', () => {
    const streets = [DEMO_STREET]
    const communities = DEMO_COMMUNITIES
    const slow = createRouter({ index: exact, communities, streets, generation: 1 })
    // every index shares the one class: its prototype is where the router's index builds a table
    const builds = jest.spyOn(Object.getPrototypeOf(exact) as GridIndex, 'withCellTable')
    const router = createRouter({ grids: DEMO_GRIDS, communities, streets, generation: 1 })
    const before = LOOKUPS_PER_GRID_BEFORE_TABLE * DEMO_GRIDS.length
    const routeAll = (ps: LngLat[]) => ps.filter((p) => JSON.stringify(router.route(p)) !== JSON.stringify(slow.route(p)))
    expect(routeAll(points.slice(0, before)).slice(0, 3)).toEqual([])
    expect(builds).not.toHaveBeenCalled()
    expect(routeAll(points.slice(before, before + 2000)).slice(0, 3)).toEqual([])
    expect(builds).toHaveBeenCalledTimes(1)
    expect(builds.mock.calls[0][0]).toBe(30)
    builds.mockRestore()
  })

  it('a router with a tolerance above the table’s falls back to the exact path, with the same answers', () => {
    const wide = createRouter({ index: fast, communities: DEMO_COMMUNITIES, streets: [DEMO_STREET], generation: 1 }, { borderToleranceM: 60 })
    const wideExact = createRouter({ index: exact, communities: DEMO_COMMUNITIES, streets: [DEMO_STREET], generation: 1 }, { borderToleranceM: 60 })
    for (const p of points.slice(0, 5000)) expect(wide.route(p)).toEqual(wideExact.route(p))
  })
})
