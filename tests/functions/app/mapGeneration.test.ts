import type { Grid, GridGeometry } from '../../../shared/model'
import { openTestStack, RESIDENT, type TestStack } from '../harness'

// A re-imported grid map routes the next report by its new boundary without a restart,
// while reports already routed keep the generation and grid version they were routed with.
let t: TestStack
beforeAll(async () => { t = await openTestStack() })
afterAll(() => t.close())

const ringOf = (g: GridGeometry) => (g.type === 'Polygon' ? g.coordinates[0] : g.coordinates[0][0])
const centre = (g: Grid) => {
  const ring = ringOf(g.geometry)
  const xs = ring.map((p) => p[0]), ys = ring.map((p) => p[1])
  return { lng: (Math.min(...xs) + Math.max(...xs)) / 2, lat: (Math.min(...ys) + Math.max(...ys)) / 2 }
}

async function submit(location: { lng: number; lat: number }) {
  const res = await t.call('resident', RESIDENT, 'submitReport', { category: 'garbage', description: '楼下垃圾两天没人清理', photos: [await t.upload(RESIDENT)], location })
  expect(res.ok).toBe(true)
  return res.data
}

describe('the grid map generation', () => {
  it('routes new reports by a re-imported boundary at once, and old reports keep their generation and version', async () => {
    const grids = await t.stack.deps.reference.listGrids()
    const before = await t.stack.deps.reference.mapGeneration()
    // a point routed 'inside' grid A, well clear of its borders
    const a = grids.find((g) => g.geometry.type === 'Polygon')!
    const probe = (await submit(centre(a)))
    expect(probe.gridId).toBe(a.id)
    expect(probe.routing).toMatchObject({ outcome: 'inside', gridVersion: a.version, mapGeneration: before })

    // the re-import hands the area around the point to grid B (a small square around it), at a new version
    const b = grids.find((g) => g.id !== a.id && g.communityId === a.communityId)!
    const p = centre(a)
    const d = 0.0006
    const square: [number, number][] = [[p.lng - d, p.lat - d], [p.lng + d, p.lat - d], [p.lng + d, p.lat + d], [p.lng - d, p.lat + d], [p.lng - d, p.lat - d]]
    const aWithHole: Grid = { ...a, version: a.version + 1, geometry: { type: 'Polygon', coordinates: [ringOf(a.geometry), [...square].reverse()] } }
    const bWithIsland: Grid = {
      ...b, version: b.version + 1,
      geometry: { type: 'MultiPolygon', coordinates: [...(b.geometry.type === 'Polygon' ? [b.geometry.coordinates] : b.geometry.coordinates), [square]] },
    }
    const generation = await t.stack.deps.reference.saveMap({ grids: [aWithHole, bWithIsland] })
    expect(generation).toBe(before + 1)

    const after = await submit(p)
    expect(after.gridId).toBe(b.id)
    expect(after.routing).toMatchObject({ gridVersion: b.version + 1, mapGeneration: before + 1 })

    const old = await t.stack.deps.cases.getReport(probe.reportId)
    expect(old!.routing).toMatchObject({ gridId: a.id, gridVersion: a.version, mapGeneration: before })
    const oldTask = await t.stack.deps.cases.getTask(old!.taskId)
    expect(oldTask!.gridId).toBe(a.id)
  })
})
