import type { GridGeometry, LngLat } from '../../../shared/model'
import { randomPoints } from '../../../shared/routing/cityGenerator'
import { bboxOf, expandBBox, offsetByMetres, ringsOf } from '../../../shared/routing/geo'
import { buildGridIndex, loadGridIndex, packGridIndex, unpackGridIndex, type GridIndex, type GridSource } from '../../../shared/routing/gridIndex'
import { createRouter } from '../../../shared/routing/router'

// Grids in metres east and north of one point: a square block with a pond carved out, and
// an island 400 m east of it, out of the block's box; a grid that fills the pond exactly;
// a neighbour on the block's west side.
const origin = { lng: 114.06, lat: 22.545 }
const at = (eastM: number, northM: number): LngLat => offsetByMetres(origin, eastM, northM)
const ring = (...corners: [number, number][]): [number, number][] => {
  const r = corners.map(([e, n]): [number, number] => [at(e, n).lng, at(e, n).lat])
  return [...r, r[0]]
}
const rect = (w: number, s: number, e: number, n: number) => ring([w, s], [e, s], [e, n], [w, n])
// clockwise, as holes are in GeoJSON
const hole = (w: number, s: number, e: number, n: number) => ring([w, s], [w, n], [e, n], [e, s])

const BLOCK = rect(0, 0, 300, 300)
const POND = hole(100, 100, 200, 200)
const ISLAND = rect(700, 100, 800, 200)
const grid = (id: string, geometry: GridGeometry): GridSource => ({ id, version: 1, communityId: 'c1', streetId: 's1', geometry })
const islandGrid = grid('g-block', { type: 'MultiPolygon', coordinates: [[BLOCK, POND], [ISLAND]] })
const pondGrid = grid('g-pond', { type: 'Polygon', coordinates: [rect(100, 100, 200, 200)] })
const westGrid = grid('g-west', { type: 'Polygon', coordinates: [rect(-300, 0, 0, 300)] })

const street = { id: 's1', polygon: [rect(-1000, -1000, 2000, 1000)] }
const routerOf = (grids: GridSource[]) => createRouter({ grids, communities: [], streets: [street], generation: 1 })

describe('a MultiPolygon grid with a hole', () => {
  const router = routerOf([islandGrid, westGrid])

  it.each([
    { where: 'on the island', e: 750, n: 150, outcome: 'inside', gridId: 'g-block', distanceM: 0 },
    { where: 'in the block, clear of the pond', e: 250, n: 50, outcome: 'inside', gridId: 'g-block', distanceM: 0 },
    { where: 'on the island, 10 m from its shore', e: 790, n: 150, outcome: 'inside', gridId: 'g-block', distanceM: 0 },
    { where: 'in the water between the parts, 100 m from the island', e: 600, n: 150, outcome: 'nearest_grid', gridId: 'g-block', distanceM: 100 },
    { where: 'in the middle of the pond, 50 m from its shore', e: 150, n: 150, outcome: 'nearest_grid', gridId: 'g-block', distanceM: 50 },
    { where: 'in the pond, 10 m from its shore', e: 110, n: 150, outcome: 'nearest_grid', gridId: 'g-block', distanceM: 10 },
  ])('a point $where → $outcome $gridId', ({ e, n, outcome, gridId, distanceM }) => {
    const r = router.route(at(e, n))
    expect(r).toMatchObject({ outcome, gridId })
    expect(r.distanceM).toBeCloseTo(distanceM, 1)
  })

  it('a point in the water farther than the nearest-grid limit goes to the street', () => {
    const wide = createRouter({ grids: [grid('g-block', { type: 'MultiPolygon', coordinates: [[BLOCK], [rect(1300, 100, 1400, 200)]] })], communities: [], streets: [street], generation: 1 })
    expect(wide.route(at(800, 150))).toMatchObject({ outcome: 'dispatcher_queue', gridId: null, streetId: 's1' })
  })

  it('a point between the island and the block is in no grid for the index either, near or not', () => {
    const index = buildGridIndex([islandGrid, westGrid])
    expect(index.locate(at(600, 150), 30)).toEqual({ grid: null, near: [] })
    expect(index.locate(at(680, 150), 30)).toEqual({ grid: null, near: [expect.objectContaining({ id: 'g-block', distanceM: expect.closeTo(20, 1) })] })
  })
})

describe('a grid that fills the hole of another', () => {
  const router = routerOf([islandGrid, pondGrid, westGrid])

  it('gets the points of the hole; the holed grid does not', () => {
    expect(router.route(at(150, 150))).toMatchObject({ outcome: 'inside', gridId: 'g-pond', neighbourGridIds: [] })
  })

  it('shares the hole’s border with the holed grid: a point near it is flagged with the other as neighbour', () => {
    expect(router.route(at(110, 150))).toMatchObject({ outcome: 'near_border', gridId: 'g-pond', neighbourGridIds: ['g-block'] })
    expect(router.route(at(90, 150))).toMatchObject({ outcome: 'near_border', gridId: 'g-block', neighbourGridIds: ['g-pond'] })
  })

  it('a point exactly on the hole’s border goes to the lower id (tie rule)', () => {
    expect(router.route(at(100, 150))).toMatchObject({ outcome: 'near_border', gridId: 'g-block', neighbourGridIds: ['g-pond'], distanceM: 0 })
  })
})

describe('a grid whose second part lies outside its first part’s box', () => {
  // With the box of the first part's outer ring only, the tree never offers this grid for
  // a point on the island, and the exact path (no cell table) answers "no grid".
  const indexes: [string, GridIndex][] = [
    ['the exact path', buildGridIndex([islandGrid], { cellToleranceM: null })],
    ['the cell table', buildGridIndex([islandGrid])],
    ['a packed and reloaded index', loadGridIndex(unpackGridIndex(packGridIndex(buildGridIndex([islandGrid], { cellToleranceM: null }).serialize())))],
  ]

  it.each(indexes)('%s finds the island', (_, index) => {
    expect(index.locate(at(750, 150), 30).grid?.id).toBe('g-block')
    expect(index.locate(at(795, 150), 30).grid?.id).toBe('g-block')
  })

  it.each(indexes)('%s finds the island as the nearest grid from beyond it', (_, index) => {
    const found = index.nearest(at(900, 150), 200)
    expect(found?.id).toBe('g-block')
    expect(found?.distanceM).toBeCloseTo(100, 1)
  })

  it('the tree holds the box of every part', () => {
    const tree = buildGridIndex([islandGrid], { cellToleranceM: null }).serialize().tree
    const boxes = new Float64Array(tree, 8, 4)
    const all = bboxOf(ringsOf(islandGrid.geometry))
    expect(Array.from(boxes)).toEqual([all.minLng, all.minLat, all.maxLng, all.maxLat])
    expect(all.maxLng).toBeCloseTo(at(800, 0).lng, 10)
  })

  it('the exact path and the cell table agree everywhere around it', () => {
    const exact = buildGridIndex([islandGrid, pondGrid, westGrid], { cellToleranceM: null })
    const fast = exact.withCellTable(30, 20)
    const points = randomPoints(20_000, expandBBox(bboxOf(ringsOf(islandGrid.geometry)), 100), 5)
    const differ = points.filter((p) => JSON.stringify(fast.locate(p, 30)) !== JSON.stringify(exact.locate(p, 30)))
    expect(differ.slice(0, 3)).toEqual([])
    expect(points.filter((p) => exact.locate(p, 30).grid?.id === 'g-block').length).toBeGreaterThan(2000)
  })
})

describe('a grid the validator refuses', () => {
  it('never reaches the index: the build throws with the grid id and the problem', () => {
    const overlapping = grid('g-bad', { type: 'MultiPolygon', coordinates: [[BLOCK], [rect(250, 250, 400, 400)]] })
    expect(() => buildGridIndex([islandGrid, overlapping])).toThrow('grid index: grid g-bad has an invalid geometry: coordinates.1 第2部分与第1部分重叠')
  })

  it('nor reaches a router built from raw grids', () => {
    const outside = grid('g-bad', { type: 'Polygon', coordinates: [BLOCK, hole(400, 100, 500, 200)] })
    expect(() => routerOf([outside])).toThrow('grid g-bad has an invalid geometry: coordinates.1 第1个内环不在外环内')
  })
})
