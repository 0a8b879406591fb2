import { DEMO_GRIDS, DEMO_POINTS, DEMO_STREET } from '../../../cloudfunctions/local/seed/demoArea'
import type { LngLat } from '../../../shared/model'
import { metresPerDegree, offsetByMetres } from '../../../shared/routing/geo'
import { buildGridIndex, loadGridIndex, packGridIndex, unpackGridIndex } from '../../../shared/routing/gridIndex'
import { createRouter, routerConfigSchema } from '../../../shared/routing/router'

const area = { grids: DEMO_GRIDS, streets: [DEMO_STREET] }
const router = createRouter(area)
const grid = (id: string) => DEMO_GRIDS.find((g) => g.id === id)!

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

  it('a point far from every grid but in the street waits in the dispatcher queue of the street', () => {
    expect(router.route(DEMO_POINTS.farInStreet.point)).toEqual({
      outcome: 'dispatcher_queue', gridId: null, gridVersion: 0, neighbourGridIds: [], distanceM: 0, communityId: null, streetId: 's-huafu',
    })
  })

  it('a point outside the street is outside the service area, with no grid and no street', () => {
    expect(router.route(DEMO_POINTS.outside.point)).toEqual({
      outcome: 'outside_service_area', gridId: null, gridVersion: 0, neighbourGridIds: [], distanceM: 0, communityId: null, streetId: null,
    })
  })

  it('a point that is not a number routes nowhere rather than throwing', () => {
    expect(router.route({ lng: NaN, lat: NaN }).outcome).toBe('outside_service_area')
  })
})

describe('the border tolerance (30 m by default)', () => {
  // the edge shared by 田面社区第1网格 (west) and 新田社区第1网格 (east), drawn south to north,
  // so "left" is west, into 田面社区第1网格
  const [c0, c1] = [grid('g-xintian-1').polygon[0][0], grid('g-xintian-1').polygon[0][3]]

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
    const [a1, a2] = [grid('g-lianhua1-2').polygon[0][0], grid('g-lianhua1-2').polygon[0][4]]
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
    const ring = g.polygon[0]
    return ring.slice(0, -1).flatMap((a, i) => {
      const b = ring[i + 1]
      const other = DEMO_GRIDS.find((o) => o.id !== g.id && o.polygon[0].some((p, j) => j > 0 && p[0] === a[0] && p[1] === a[1] && o.polygon[0][j - 1][0] === b[0] && o.polygon[0][j - 1][1] === b[1]))
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
    const reversed = createRouter({ grids: [...DEMO_GRIDS].reverse(), streets: [DEMO_STREET] })
    for (const { point } of shared) expect(reversed.route(point)).toEqual(router.route(point))
  })

  it('a corner where four grids meet goes to the lowest id; the other three are neighbours, by id', () => {
    const corner = grid('g-lianhua1-1').polygon[0][2]
    expect(router.route({ lng: corner[0], lat: corner[1] })).toMatchObject({
      outcome: 'near_border', gridId: 'g-lianhua1-1', neighbourGridIds: ['g-lianhua1-2', 'g-tianmian-1', 'g-tianmian-2'],
    })
  })
})

describe('grid versions', () => {
  it('the routing carries the version of the grid it chose', () => {
    const grids = DEMO_GRIDS.map((g) => (g.id === 'g-lianhua1-1' ? { ...g, version: 7 } : g))
    expect(createRouter({ grids, streets: [DEMO_STREET] }).route(DEMO_POINTS.insideClear.point).gridVersion).toBe(7)
  })
})

describe('a router from a prebuilt index', () => {
  it('answers like one built from the grids', () => {
    const index = loadGridIndex(unpackGridIndex(packGridIndex(buildGridIndex(DEMO_GRIDS).serialize())))
    const prebuilt = createRouter({ index, streets: [DEMO_STREET] })
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
