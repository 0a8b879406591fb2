import { bboxContains, bboxOf, coversPoint, distanceToBoundaryM, expandBBox, offsetByMetres, ON_EDGE_M, partsOf, ringsOf, type BBox } from '../../../shared/routing/geo'
import { buildGridIndex, loadGridIndex, packGridIndex, unpackGridIndex, type GridIndex, type GridSource } from '../../../shared/routing/gridIndex'
import { generateCity, mulberry32, randomPoints } from '../../../shared/routing/cityGenerator'
import type { LngLat } from '../../../shared/model'

const TOLERANCE_M = 30

// The plain answer: every grid (a loop, with a box check to keep the test quick), geo.ts's
// own tests, then the tie rule (lowest id).
type Boxed = { g: GridSource; box: BBox }
const withBoxes = (grids: readonly GridSource[], marginM: number): Boxed[] => grids.map((g) => ({ g, box: expandBBox(bboxOf(ringsOf(g.geometry)), marginM) }))
const candidates = (grids: Boxed[], p: LngLat) => grids.filter((b) => bboxContains(b.box, p)).map((b) => b.g)

function bruteForce(grids: Boxed[], p: LngLat, toleranceM: number) {
  const hits = candidates(grids, p)
    .map((g) => ({ id: g.id, covers: coversPoint(p, ringsOf(g.geometry)), distanceM: distanceToBoundaryM(p, ringsOf(g.geometry)) }))
    .map((h) => ({ ...h, distanceM: h.covers ? 0 : h.distanceM }))
    .filter((h) => h.covers || h.distanceM <= toleranceM)
    .sort((a, b) => a.distanceM - b.distanceM || (a.id < b.id ? -1 : 1))
  const grid = hits.filter((h) => h.covers).sort((a, b) => (a.id < b.id ? -1 : 1))[0] ?? null
  return { grid: grid?.id ?? null, near: hits.filter((h) => h !== grid).map((h) => [h.id, h.distanceM] as const) }
}

const answer = (index: GridIndex, p: LngLat, toleranceM: number) => {
  const { grid, near } = index.locate(p, toleranceM)
  return { grid: grid?.id ?? null, near: near.map((g) => [g.id, g.distanceM] as const) }
}

// Points a random walk would almost never hit: vertices and edge midpoints (on shared
// borders, outer edges, holes and islands), and points 10 m and 29 m off them.
function borderPoints(grids: readonly GridSource[], n: number, seed: number): LngLat[] {
  const rnd = mulberry32(seed)
  const points: LngLat[] = []
  for (let i = 0; i < n; i++) {
    const rings = ringsOf(grids[Math.floor(rnd() * grids.length)].geometry)
    // outer rings of first parts mostly, as most borders are shared there
    const ring = rnd() < 0.8 ? rings[0] : rings[Math.floor(rnd() * rings.length)]
    const v = Math.floor(rnd() * (ring.length - 1))
    const [a, b] = [ring[v], ring[v + 1]]
    const mid = { lng: (a[0] + b[0]) / 2, lat: (a[1] + b[1]) / 2 }
    points.push({ lng: a[0], lat: a[1] }, mid, offsetByMetres(mid, 10, 0), offsetByMetres(mid, 0, -29))
  }
  return points
}

describe('grid index on a generated city of 2,000 grids', () => {
  const city = generateCity({ grids: 2000, seed: 42 })
  const index = buildGridIndex(city.grids)
  const random = randomPoints(3000, expandBBox(city.bbox, 300), 1)
  const onBorders = borderPoints(city.grids, 500, 2)
  const boxed = withBoxes(city.grids, TOLERANCE_M + 1)

  it('holds every grid, MultiPolygons and holes among them', () => {
    expect(index.size).toBe(2000)
    expect(city.grids.filter((g) => g.geometry.type === 'MultiPolygon').length).toBeGreaterThan(40)
    expect(city.grids.filter((g) => partsOf(g.geometry).some((part) => part.length > 1)).length).toBeGreaterThan(40)
  })

  it('gives the same grid and neighbours as a plain loop, for random points', () => {
    for (const p of random) expectSame(answer(index, p, TOLERANCE_M), bruteForce(boxed, p, TOLERANCE_M))
  })

  it('gives the same grid and neighbours as a plain loop, on and near borders and corners', () => {
    for (const p of onBorders) expectSame(answer(index, p, TOLERANCE_M), bruteForce(boxed, p, TOLERANCE_M))
  })

  it('finds some points in holes or gaps, some near borders and some clear of them', () => {
    const answers = random.map((p) => answer(index, p, TOLERANCE_M))
    expect(answers.filter((a) => a.grid === null).length).toBeGreaterThan(50)
    expect(answers.filter((a) => a.grid !== null && a.near.length > 0).length).toBeGreaterThan(500)
    expect(answers.filter((a) => a.grid !== null && a.near.length === 0).length).toBeGreaterThan(500)
  })

  it('puts a point on a shared border in exactly one grid, the lowest id, the other as neighbour', () => {
    let shared = 0
    for (const p of onBorders.filter((_, i) => i % 4 === 1)) {
      const covering = candidates(boxed, p).filter((g) => coversPoint(p, ringsOf(g.geometry))).map((g) => g.id).sort()
      if (covering.length > 1) shared++
      const { grid, near } = index.locate(p, TOLERANCE_M)
      expect(grid?.id).toBe(covering[0])
      expect(near.filter((g) => g.distanceM === 0).map((g) => g.id)).toEqual(covering.slice(1))
    }
    expect(shared).toBeGreaterThan(400)
  })

  it('nearest: the closest grid within the limit, from a plain loop', () => {
    const within200 = withBoxes(city.grids, 201)
    for (const p of random) {
      const expected = candidates(within200, p)
        .map((g) => ({ id: g.id, d: coversPoint(p, ringsOf(g.geometry)) ? 0 : distanceToBoundaryM(p, ringsOf(g.geometry)) }))
        .filter((g) => g.d <= 200)
        .sort((a, b) => a.d - b.d || (a.id < b.id ? -1 : 1))[0]
      const got = index.nearest(p, 200)
      expect(got?.id ?? null).toBe(expected?.id ?? null)
      if (got) expect(got.distanceM).toBeCloseTo(expected.d, 6)
    }
  })

  it('nearest: the very same distance as a plain loop, for short and long limits (nearer boxes are tried first)', () => {
    const within = withBoxes(city.grids, 5001)
    for (const p of randomPoints(250, expandBBox(city.bbox, 3000), 8)) {
      const all = candidates(within, p).map((g) => ({ id: g.id, d: coversPoint(p, ringsOf(g.geometry)) ? 0 : distanceToBoundaryM(p, ringsOf(g.geometry)) }))
      for (const maxM of [30, 200, 1000, 5000]) {
        const expected = all.filter((g) => g.d <= maxM).sort((a, b) => a.d - b.d || (a.id < b.id ? -1 : 1))[0]
        const got = index.nearest(p, maxM)
        expect(got && [got.id, got.distanceM]).toEqual(expected ? [expected.id, expected.d] : null)
      }
    }
  })

  it('answers identically after serialize → load, and after pack → bytes → unpack → load', () => {
    const loaded = loadGridIndex(index.serialize())
    const bytes = Uint8Array.from(new Uint8Array(packGridIndex(index.serialize())))
    const unpacked = loadGridIndex(unpackGridIndex(bytes.buffer))
    const points = [...randomPoints(20_000, city.bbox, 3), ...onBorders]
    const answers = (i: GridIndex) => JSON.stringify(points.map((p) => i.locate(p, TOLERANCE_M)))
    expect(answers(loaded)).toBe(answers(index))
    expect(answers(unpacked)).toBe(answers(index))
    expect(unpacked.size).toBe(2000)
  })
})

function expectSame(got: ReturnType<typeof answer>, expected: ReturnType<typeof bruteForce>) {
  expect(got.grid).toBe(expected.grid)
  expect(got.near.map(([id]) => id)).toEqual(expected.near.map(([id]) => id))
  got.near.forEach(([, d], i) => expect(d).toBeCloseTo(expected.near[i][1], 6))
}

describe('building and loading', () => {
  const polygon = (...ring: [number, number][]) => ({ type: 'Polygon' as const, coordinates: [ring] })
  const square = (id: string, lng: number): GridSource => ({
    id,
    version: 2,
    communityId: 'c1',
    streetId: 's1',
    geometry: { type: 'Polygon', coordinates: [[[lng, 22.54], [lng + 0.001, 22.54], [lng + 0.001, 22.541], [lng, 22.541]]] },
  })

  it('keeps a grid\'s version, community and street with the answer', () => {
    const index = buildGridIndex([square('g1', 114.06)])
    expect(index.locate({ lng: 114.0605, lat: 22.5405 }).grid).toEqual({ id: 'g1', version: 2, communityId: 'c1', streetId: 's1', distanceM: 0 })
  })

  it('an empty index finds nothing and survives a round trip', () => {
    const index = buildGridIndex([])
    const reloaded = loadGridIndex(unpackGridIndex(packGridIndex(index.serialize())))
    for (const i of [index, reloaded]) {
      expect(i.locate({ lng: 114.06, lat: 22.54 }, 30)).toEqual({ grid: null, near: [] })
      expect(i.nearest({ lng: 114.06, lat: 22.54 }, 200)).toBeNull()
    }
  })

  it.each([
    { problem: 'a duplicate id', grids: [square('g1', 114.06), square('g1', 114.07)], message: 'duplicate grid id g1' },
    { problem: 'a ring of two vertices', grids: [{ ...square('g2', 114.06), geometry: polygon([114.06, 22.54], [114.061, 22.54]) }], message: 'grid g2 has an invalid geometry: coordinates.0 外环至少需要3个不同的点' },
    { problem: 'no rings', grids: [{ ...square('g3', 114.06), geometry: { type: 'Polygon' as const, coordinates: [] } }], message: 'grid g3 has an invalid geometry: coordinates 多边形没有外环' },
    { problem: 'a missing coordinate', grids: [{ ...square('g4', 114.06), geometry: polygon([114.06, 22.54], [114.061, NaN], [114.061, 22.541]) }], message: 'grid g4 has an invalid geometry: coordinates.0.1 外环第2个点不是有效的经纬度数字' },
    { problem: 'a bow-tie', grids: [{ ...square('g5', 114.06), geometry: polygon([114.06, 22.54], [114.061, 22.541], [114.061, 22.54], [114.06, 22.541]) }], message: 'grid g5 has an invalid geometry: coordinates.0 外环自相交' },
  ])('refuses grids with $problem, naming the grid (and the ring, from validateGeometry)', ({ grids, message }) => {
    expect(() => buildGridIndex(grids)).toThrow(message)
  })

  it('refuses bytes that are not a packed index', () => {
    expect(() => unpackGridIndex(new ArrayBuffer(64))).toThrow('not a packed grid index')
  })

  it('treats a point within 1 mm of a border as on it', () => {
    const index = buildGridIndex([square('g1', 114.06)])
    const justOutside = offsetByMetres({ lng: 114.06, lat: 22.5405 }, -ON_EDGE_M / 2, 0)
    expect(index.locate(justOutside).grid?.id).toBe('g1')
  })
})
