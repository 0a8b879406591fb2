import { DEMO_COMMUNITIES, DEMO_GRIDS, DEMO_POINTS, DEMO_STREET } from '../../../cloudfunctions/local/seed/demoArea'
import type { GridGeometry, LngLat } from '../../../shared/model'
import { bboxOf, expandBBox, metresPerDegree, offsetByMetres, partsOf } from '../../../shared/routing/geo'
import { buildGridIndex, loadGridIndex, packGridIndex, unpackGridIndex } from '../../../shared/routing/gridIndex'
import { randomPoints } from '../../../shared/routing/cityGenerator'
import { createRouter, routerConfigSchema } from '../../../shared/routing/router'

const GENERATION = 3
const area = { grids: DEMO_GRIDS, communities: DEMO_COMMUNITIES, streets: [DEMO_STREET], generation: GENERATION }
const router = createRouter(area)
const grid = (id: string) => DEMO_GRIDS.find((g) => g.id === id)!
/** the outer ring of a grid's first part */
const outer = (id: string) => partsOf(grid(id).geometry)[0][0]

// A point `metres` from the middle of the edge a→b, on its left (positive) or right side.
function offEdge(a: readonly number[], b: readonly number[], metres: number): LngLat {
  const mid = { lng: (a[0] + b[0]) / 2, lat: (a[1] + b[1]) / 2 }
  const k = metresPerDegree(mid.lat)
  const [dx, dy] = [(b[0] - a[0]) * k.x, (b[1] - a[1]) * k.y]
  const len = Math.hypot(dx, dy)
  return offsetByMetres(mid, (-dy / len) * metres, (dx / len) * metres)
}

describe('routing the demo street (华富街道)', () => {
  it.each(Object.entries(DEMO_POINTS).map(([name, d]) => ({ name, ...d })))('$name ($label) → $expected.outcome', ({ point, expected }) => {
    expect(router.route(point)).toMatchObject(expected)
  })

  it('a point inside a grid and clear of its borders goes to that grid, with its community and version', () => {
    expect(router.route(DEMO_POINTS.insideClear.point)).toEqual({
      outcome: 'inside',
      gridId: 'g-lianhua1-1',
      gridVersion: 1,
      mapGeneration: GENERATION,
      neighbourGridIds: [],
      distanceM: 0,
      communityId: 'c-lianhua1',
      streetId: 's-huafu',
    })
  })

  it('a point in the uncovered strip but near a grid goes to the nearest grid, with its distance', () => {
    const r = router.route(DEMO_POINTS.inGap.point)
    expect(r).toMatchObject({ outcome: 'nearest_grid', gridId: 'g-xintian-2', communityId: 'c-xintian', gridVersion: 1 })
    expect(r.distanceM).toBeGreaterThan(79)
    expect(r.distanceM).toBeLessThanOrEqual(80)
  })

  it('a point in the school carved out of a grid is in no grid, so it goes to the nearest one, ~50 m away', () => {
    const r = router.route(DEMO_POINTS.inHole.point)
    expect(r).toMatchObject({ outcome: 'nearest_grid', gridId: 'g-tianmian-3' })
    expect(r.distanceM).toBeCloseTo(50, 0)
  })

  it('a point on the island of a MultiPolygon grid goes to that grid', () => {
    expect(router.route(DEMO_POINTS.onIsland.point)).toMatchObject({ outcome: 'inside', gridId: 'g-xintian-4', communityId: 'c-xintian', distanceM: 0 })
  })

  it('a point in the water between the parts of a MultiPolygon is not in the grid: the nearest grid takes it, flagged', () => {
    const park = partsOf(grid('g-xintian-4').geometry)[1][0]
    // halfway between the blocks' east edge (d3–d4) and the park's west edge
    const between = { lng: (outer('g-xintian-4')[1][0] + park[0][0]) / 2, lat: (park[0][1] + park[2][1]) / 2 }
    const r = router.route(between)
    expect(r).toMatchObject({ outcome: 'nearest_grid', gridId: 'g-xintian-4' })
    expect(r.distanceM).toBeGreaterThan(60)
  })

  it('a point far from every grid but inside a community’s outline waits in that community’s queue', () => {
    expect(router.route(DEMO_POINTS.farInCommunity.point)).toEqual({
      outcome: 'dispatcher_queue', gridId: null, gridVersion: 0, mapGeneration: GENERATION, neighbourGridIds: [], distanceM: 0, communityId: 'c-xintian', streetId: 's-huafu',
    })
  })

  it('a point far from every grid, in the street but in no community, waits in the dispatcher queue of the street', () => {
    expect(router.route(DEMO_POINTS.farInStreet.point)).toEqual({
      outcome: 'dispatcher_queue', gridId: null, gridVersion: 0, mapGeneration: GENERATION, neighbourGridIds: [], distanceM: 0, communityId: null, streetId: 's-huafu',
    })
  })

  it('a point outside the street is outside the service area, with no grid and no street', () => {
    expect(router.route(DEMO_POINTS.outside.point)).toEqual({
      outcome: 'outside_service_area', gridId: null, gridVersion: 0, mapGeneration: GENERATION, neighbourGridIds: [], distanceM: 0, communityId: null, streetId: null,
    })
  })

  it('a point that is not a number routes nowhere rather than throwing', () => {
    expect(router.route({ lng: NaN, lat: NaN }).outcome).toBe('outside_service_area')
  })
})

describe('the border tolerance (30 m by default)', () => {
  // the edge shared by 田面社区第1网格 (west) and 新田社区第1网格 (east), drawn south to north,
  // so "left" is west, into 田面社区第1网格
  const [c0, c1] = [outer('g-xintian-1')[0], outer('g-xintian-1')[3]]

  it.each([
    { side: 'west', metres: 0.0, grid: 'g-tianmian-1', outcome: 'near_border', neighbours: ['g-xintian-1'] },
    { side: 'west', metres: 10, grid: 'g-tianmian-1', outcome: 'near_border', neighbours: ['g-xintian-1'] },
    { side: 'west', metres: 29.5, grid: 'g-tianmian-1', outcome: 'near_border', neighbours: ['g-xintian-1'] },
    { side: 'west', metres: 30.5, grid: 'g-tianmian-1', outcome: 'inside', neighbours: [] },
    { side: 'east', metres: 10, grid: 'g-xintian-1', outcome: 'near_border', neighbours: ['g-tianmian-1'] },
    { side: 'east', metres: 45, grid: 'g-xintian-1', outcome: 'inside', neighbours: [] },
  ])('$metres m $side of the shared edge → $grid, $outcome', ({ side, metres, grid: gridId, outcome, neighbours }) => {
    const r = router.route(offEdge(c0, c1, side === 'west' ? metres : -metres))
    expect(r).toMatchObject({ gridId, outcome, neighbourGridIds: neighbours, distanceM: 0 })
  })

  it('a point within the tolerance of an outer edge that touches no other grid stays inside', () => {
    const [a1, a2] = [outer('g-lianhua1-2')[0], outer('g-lianhua1-2')[4]]
    expect(router.route(offEdge(a2, a1, 5))).toMatchObject({ outcome: 'inside', gridId: 'g-lianhua1-2', neighbourGridIds: [] })
  })

  it('is configurable: with 5 m, a point 10 m from a shared edge is plainly inside', () => {
    const strict = createRouter(area, { borderToleranceM: 5 })
    expect(strict.route(DEMO_POINTS.nearBorder10m.point)).toMatchObject({ outcome: 'inside', gridId: 'g-tianmian-1' })
  })
})

describe('points exactly on a shared border (tie rule: lowest grid id wins)', () => {
  // every edge of every grid that another grid also has, tested at its midpoint
  const shared = DEMO_GRIDS.flatMap((g) => {
    const ring = outer(g.id)
    return ring.slice(0, -1).flatMap((a, i) => {
      const b = ring[i + 1]
      const other = DEMO_GRIDS.find((o) => o.id !== g.id && outer(o.id).some((p, j) => j > 0 && p[0] === a[0] && p[1] === a[1] && outer(o.id)[j - 1][0] === b[0] && outer(o.id)[j - 1][1] === b[1]))
      return other && g.id < other.id ? [{ low: g.id, high: other.id, point: { lng: (a[0] + b[0]) / 2, lat: (a[1] + b[1]) / 2 } }] : []
    })
  })

  it('the demo has 19 shared edges (neighbours list them in reverse, vertex for vertex)', () => {
    expect(shared.length).toBe(19)
  })

  it('each midpoint goes to the lower id, with the other grid as its neighbour', () => {
    for (const { low, high, point } of shared) {
      expect(router.route(point)).toMatchObject({ outcome: 'near_border', gridId: low, neighbourGridIds: [high], distanceM: 0 })
    }
  })

  it('whatever order the grids are given in', () => {
    const reversed = createRouter({ ...area, grids: [...DEMO_GRIDS].reverse() })
    for (const { point } of shared) expect(reversed.route(point)).toEqual(router.route(point))
  })

  it('a corner where four grids meet goes to the lowest id; the other three are neighbours, by id', () => {
    const corner = outer('g-lianhua1-1')[2]
    expect(router.route({ lng: corner[0], lat: corner[1] })).toMatchObject({
      outcome: 'near_border', gridId: 'g-lianhua1-1', neighbourGridIds: ['g-lianhua1-2', 'g-tianmian-1', 'g-tianmian-2'],
    })
  })
})

describe('grid versions and the map generation', () => {
  it('the routing carries the version of the grid it chose', () => {
    const grids = DEMO_GRIDS.map((g) => (g.id === 'g-lianhua1-1' ? { ...g, version: 7 } : g))
    expect(createRouter({ ...area, grids }).route(DEMO_POINTS.insideClear.point).gridVersion).toBe(7)
  })

  it('every routing, whatever its outcome, carries the generation of the map it was routed by', () => {
    const points = [...Object.values(DEMO_POINTS).map((d) => d.point), ...randomPoints(2000, expandBBox(bboxOf(DEMO_STREET.polygon), 300), 31), { lng: NaN, lat: NaN }]
    const routings = points.map((p) => router.route(p))
    expect(new Set(routings.map((r) => r.outcome)).size).toBe(5)
    expect(routings.filter((r) => r.mapGeneration !== GENERATION)).toEqual([])
  })

  it('a router rebuilt with a moved boundary and a new generation routes the same point by the new boundary', () => {
    // 新田社区第2网格 takes in 100 m of the strip east of it: its east edge d1–d2 bulges out
    const [c1, d1, d2, ck, c2] = outer('g-xintian-2')
    const east = (v: readonly number[]): [number, number] => {
      const p = offsetByMetres({ lng: v[0], lat: v[1] }, 100, 0)
      return [p.lng, p.lat]
    }
    const bulged: GridGeometry = { type: 'Polygon', coordinates: [[c1, d1, east(d1), east(d2), d2, ck, c2, c1] as [number, number][]] }
    const grids = DEMO_GRIDS.map((g) => (g.id === 'g-xintian-2' ? { ...g, geometry: bulged, version: 2 } : g))
    const rebuilt = createRouter({ ...area, grids, generation: GENERATION + 1 })
    const p = DEMO_POINTS.inGap.point
    expect(router.route(p)).toMatchObject({ outcome: 'nearest_grid', gridId: 'g-xintian-2', gridVersion: 1, mapGeneration: GENERATION })
    expect(rebuilt.route(p)).toMatchObject({ outcome: 'inside', gridId: 'g-xintian-2', gridVersion: 2, mapGeneration: GENERATION + 1, distanceM: 0 })
    // a point the boundary did not move past routes as before, under the new generation
    expect(rebuilt.route(DEMO_POINTS.insideClear.point)).toEqual({ ...router.route(DEMO_POINTS.insideClear.point), mapGeneration: GENERATION + 1 })
  })

  it.each([-1, 1.5, NaN])('refuses a map generation of %p at boot', (generation) => {
    expect(() => createRouter({ ...area, generation })).toThrow('the map generation must be a whole number')
  })
})

describe('the community queues', () => {
  const strip = DEMO_POINTS.farInCommunity.point
  const square = (p: LngLat, halfM: number): GridGeometry => {
    const [sw, ne] = [offsetByMetres(p, -halfM, -halfM), offsetByMetres(p, halfM, halfM)]
    return { type: 'Polygon', coordinates: [[[sw.lng, sw.lat], [ne.lng, sw.lat], [ne.lng, ne.lat], [sw.lng, ne.lat], [sw.lng, sw.lat]]] }
  }

  it('a community without an outline has no queue of its own: its far points go to the street', () => {
    const communities = DEMO_COMMUNITIES.map((c) => ({ ...c, geometry: undefined }))
    expect(createRouter({ ...area, communities }).route(strip)).toMatchObject({ outcome: 'dispatcher_queue', communityId: null, streetId: 's-huafu' })
  })

  it('a community’s queue names the community’s own street', () => {
    const communities = [{ id: 'c-elsewhere', streetId: 's-other', geometry: square(strip, 50) }]
    expect(createRouter({ ...area, communities }).route(strip)).toMatchObject({ outcome: 'dispatcher_queue', communityId: 'c-elsewhere', streetId: 's-other' })
  })

  it('a point outside every street but inside a community’s outline still goes to that community', () => {
    const communities = [{ id: 'c-edge', streetId: 's-huafu', geometry: square(DEMO_POINTS.outside.point, 50) }]
    expect(createRouter({ ...area, communities }).route(DEMO_POINTS.outside.point)).toMatchObject({ outcome: 'dispatcher_queue', communityId: 'c-edge' })
  })

  it('overlapping outlines (bad data) go to the lowest community id, whatever the order', () => {
    const communities = [{ id: 'c-b', streetId: 's-huafu', geometry: square(strip, 50) }, { id: 'c-a', streetId: 's-huafu', geometry: square(strip, 80) }]
    expect(createRouter({ ...area, communities }).route(strip).communityId).toBe('c-a')
    expect(createRouter({ ...area, communities: [...communities].reverse() }).route(strip).communityId).toBe('c-a')
  })

  it('a point near a grid goes to the grid, even inside a community’s outline', () => {
    expect(router.route(DEMO_POINTS.inGap.point)).toMatchObject({ outcome: 'nearest_grid', gridId: 'g-xintian-2' })
  })

  it('refuses at boot a community outline validateGeometry refuses, naming the community', () => {
    const bowTie: GridGeometry = { type: 'Polygon', coordinates: [[[114.066, 22.54], [114.067, 22.541], [114.067, 22.54], [114.066, 22.541]]] }
    const communities = [{ id: 'c-bad', streetId: 's-huafu', geometry: bowTie }]
    expect(() => createRouter({ ...area, communities })).toThrow('router: community c-bad has an invalid geometry: coordinates.0 外环自相交')
  })
})

describe('a router from a prebuilt index', () => {
  it('answers like one built from the grids', () => {
    const index = loadGridIndex(unpackGridIndex(packGridIndex(buildGridIndex(DEMO_GRIDS).serialize())))
    const prebuilt = createRouter({ index, communities: DEMO_COMMUNITIES, streets: [DEMO_STREET], generation: GENERATION })
    for (const { point } of Object.values(DEMO_POINTS)) expect(prebuilt.route(point)).toEqual(router.route(point))
  })
})

describe('routerConfigSchema', () => {
  it('defaults to 30 m of border tolerance and 200 m to the nearest grid', () => {
    expect(routerConfigSchema.parse({})).toEqual({ borderToleranceM: 30, nearestMaxM: 200 })
  })

  it.each([
    { input: null, message: '分拨配置必须是对象' },
    { input: { borderToleranceM: '30' }, message: '边界容差必须是数字' },
    { input: { borderToleranceM: -1 }, message: '边界容差不能为负数' },
    { input: { borderToleranceM: 501 }, message: '边界容差最多500米' },
    { input: { nearestMaxM: Infinity }, message: '最近网格距离必须是数字' },
    { input: { nearestMaxM: 5001 }, message: '最近网格距离最多5000米' },
    { input: { nearestMaxM: 20 }, message: '最近网格距离不能小于边界容差' },
  ])('refuses $input with “$message”', ({ input, message }) => {
    const r = routerConfigSchema.safeParse(input)
    expect(r.success).toBe(false)
    expect(r.error?.issues[0].message).toBe(message)
  })

  it('createRouter refuses a bad config at boot', () => {
    expect(() => createRouter(area, { borderToleranceM: -5 })).toThrow('边界容差不能为负数')
  })
})
