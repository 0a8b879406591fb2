import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { importGrids } from '../../../cloudfunctions/app/grids/importGrids'
import { openLocalStack } from '../../../cloudfunctions/local/stack'
import type { Grid } from '../../../shared/model'
import { offsetByMetres } from '../../../shared/routing/geo'
import { openTestStack, RESIDENT, type TestStack } from '../harness'

// The grid map import on the real stack: a dry run writes nothing, a file with any problem
// imports nothing, and an applied import moves the generation so new reports follow the new
// borders while old reports keep theirs.
let t: TestStack
beforeEach(async () => { t = await openTestStack() })
afterEach(() => t.close())

const COMMUNITY = 'c-lianhua1'
const asFeature = (g: Pick<Grid, 'code' | 'name' | 'geometry'>) => ({ type: 'Feature', properties: { code: g.code, name: g.name }, geometry: g.geometry })
async function communityFile(change: (grids: Grid[]) => Grid[] = (g) => g) {
  const grids = (await t.stack.deps.reference.listGrids()).filter((g) => g.communityId === COMMUNITY)
  return { type: 'FeatureCollection', features: change(grids).map(asFeature) }
}
const centre = (g: Grid) => {
  const ring = g.geometry.type === 'Polygon' ? g.geometry.coordinates[0] : g.geometry.coordinates[0][0]
  const xs = ring.map((p) => p[0]), ys = ring.map((p) => p[1])
  return { lng: (Math.min(...xs) + Math.max(...xs)) / 2, lat: (Math.min(...ys) + Math.max(...ys)) / 2 }
}

describe('importing the grid map', () => {
  it('shows a dry run of the same map as all unchanged, and writes nothing', async () => {
    const before = await t.stack.deps.reference.mapGeneration()
    const out = await importGrids(t.stack.deps, { geojson: await communityFile(), from: 'gcj02', apply: false })
    expect(out.problems).toEqual([])
    expect(out.plan.added).toEqual([])
    expect(out.plan.changed).toEqual([])
    expect(out.plan.removed).toEqual([])
    expect(out.plan.unchanged.length).toBeGreaterThan(1)
    expect(out).toMatchObject({ applied: false, generation: null })
    expect(await t.stack.deps.reference.mapGeneration()).toBe(before)
  })

  it('imports nothing from a file with one bad feature among good ones', async () => {
    const before = await t.stack.deps.reference.listGrids()
    const file = await communityFile((grids) => [{ ...grids[0], name: '改了名字的网格' }, { ...grids[1], code: '440304005099001' }])
    const out = await importGrids(t.stack.deps, { geojson: file, from: 'gcj02', apply: true })
    expect(out.applied).toBe(false)
    expect(out.problems).toEqual([expect.objectContaining({ feature: 1, field: 'properties.code' })])
    expect(await t.stack.deps.reference.listGrids()).toEqual(before)
  })

  it('applies a changed boundary: a new version and generation, staff kept, a left-out grid removed, new reports follow it', async () => {
    const grids = (await t.stack.deps.reference.listGrids()).filter((g) => g.communityId === COMMUNITY)
    const [a, b, dropped] = grids
    const p = centre(a)
    const before = await t.call('resident', RESIDENT, 'submitReport', { category: 'garbage', description: '楼下垃圾两天没人清理', photos: [await t.upload(RESIDENT)], location: p })
    expect(before.data.gridId).toBe(a.id)
    // b takes a's middle as an island; a gets a hole there; `dropped` is left out of the file
    const d = 0.0006
    const island: [number, number][] = [[p.lng - d, p.lat - d], [p.lng + d, p.lat - d], [p.lng + d, p.lat + d], [p.lng - d, p.lat + d], [p.lng - d, p.lat - d]]
    const outer = (g: Grid) => (g.geometry.type === 'Polygon' ? [g.geometry.coordinates] : g.geometry.coordinates)
    const file = { type: 'FeatureCollection', features: [
      asFeature({ ...a, geometry: { type: 'Polygon', coordinates: [outer(a)[0][0], [...island].reverse()] } }),
      asFeature({ ...b, geometry: { type: 'MultiPolygon', coordinates: [...outer(b), [island]] } }),
      ...grids.slice(3).map(asFeature),
    ] }
    const gen = await t.stack.deps.reference.mapGeneration()
    const out = await importGrids(t.stack.deps, { geojson: file, from: 'gcj02', apply: true })
    expect(out.problems).toEqual([])
    expect(out.plan.changed.sort()).toEqual([a.code, b.code].sort())
    expect(out.plan.removed).toEqual([dropped.code])
    expect(out).toMatchObject({ applied: true, generation: gen + 1 })
    const bAfter = (await t.stack.deps.reference.getGrid(b.id))!
    expect(bAfter).toMatchObject({ version: b.version + 1, workerIds: b.workerIds, leaderId: b.leaderId })
    expect(await t.stack.deps.reference.getGrid(dropped.id)).toBeNull()

    const after = await t.call('resident', RESIDENT, 'submitReport', { category: 'garbage', description: '楼下垃圾两天没人清理', photos: [await t.upload(RESIDENT)], location: p })
    expect(after.data).toMatchObject({ gridId: b.id, routing: { gridVersion: b.version + 1, mapGeneration: gen + 1 } })
    expect((await t.stack.deps.cases.getReport(before.data.reportId))!.routing).toMatchObject({ gridId: a.id, gridVersion: a.version, mapGeneration: gen })
  })

  it('routes on an imported map: a point near a new border goes to the grid holding it, the neighbour listed for a transfer', async () => {
    // the community redrawn as two grids side by side, split along a north–south line (WGS-84 in the file, as surveys come)
    const base = { lng: 114.052, lat: 22.545 }
    const sq = (west: number, east: number): [number, number][] => {
      const sw = offsetByMetres(base, west, -300), ne = offsetByMetres(base, east, 300)
      return [[sw.lng, sw.lat], [ne.lng, sw.lat], [ne.lng, ne.lat], [sw.lng, ne.lat], [sw.lng, sw.lat]]
    }
    const [a, b] = (await t.stack.deps.reference.listGrids()).filter((g) => g.communityId === COMMUNITY)
    const file = { type: 'FeatureCollection', features: [
      asFeature({ code: a.code, name: '西片网格', geometry: { type: 'Polygon', coordinates: [sq(-400, 0)] } }),
      asFeature({ code: b.code, name: '东片网格', geometry: { type: 'Polygon', coordinates: [sq(0, 400)] } }),
    ] }
    const out = await importGrids(t.stack.deps, { geojson: file, from: 'wgs84', apply: true })
    expect(out).toMatchObject({ applied: true, problems: [] })
    const west = (await t.stack.deps.reference.getGrid(a.id))!
    // 10 m west of the shared edge, in GCJ-02 as a phone reports it: the edge moved with the conversion
    const edge = west.geometry.type === 'Polygon' ? west.geometry.coordinates[0][1] : west.geometry.coordinates[0][0][1]
    const near = offsetByMetres({ lng: edge[0], lat: edge[1] }, -10, 300)
    const routed = await t.call('resident', RESIDENT, 'submitReport', { category: 'garbage', description: '路口垃圾桶满了没人清', photos: [await t.upload(RESIDENT)], location: near })
    expect(routed.data).toMatchObject({ gridId: a.id, gridName: '西片网格', routing: { outcome: 'near_border', neighbourGridIds: [b.id], gridVersion: west.version } })
    const inside = offsetByMetres({ lng: edge[0], lat: edge[1] }, 200, 300)
    const east = await t.call('resident', RESIDENT, 'submitReport', { category: 'garbage', description: '路口垃圾桶满了没人清', photos: [await t.upload(RESIDENT)], location: inside })
    // 200 m from the new edge: no longer near it (the old grids of the next community may still be)
    expect(east.data.gridId).toBe(b.id)
    expect(east.data.routing.neighbourGridIds).not.toContain(a.id)
  })

  it('warns of a grid drawn over its neighbour on the dry run, and still applies it', async () => {
    const [a, b] = (await t.stack.deps.reference.listGrids()).filter((g) => g.communityId === COMMUNITY)
    const gen = await t.stack.deps.reference.mapGeneration()
    // b also claims a 50 m × 50 m square in the middle of a, which a does not give up
    const c = centre(a)
    const sw = offsetByMetres(c, -25, -25), ne = offsetByMetres(c, 25, 25)
    const square: [number, number][] = [[sw.lng, sw.lat], [ne.lng, sw.lat], [ne.lng, ne.lat], [sw.lng, ne.lat], [sw.lng, sw.lat]]
    const parts = b.geometry.type === 'Polygon' ? [b.geometry.coordinates] : b.geometry.coordinates
    const file = await communityFile((grids) => grids.map((g) => (g.id === b.id ? { ...g, geometry: { type: 'MultiPolygon', coordinates: [...parts, [square]] } } : g)))
    const dry = await importGrids(t.stack.deps, { geojson: file, from: 'gcj02', apply: false })
    expect(dry.problems).toEqual([])
    expect(dry.warnings).toEqual([expect.objectContaining({ kind: 'overlap', codes: [a.code, b.code], message: expect.stringMatching(/重叠约 2,\d{3} 平方米/) })])
    expect(Math.abs(dry.warnings[0].areaM2 - 2500)).toBeLessThan(25)
    expect(await t.stack.deps.reference.mapGeneration()).toBe(gen)

    const out = await importGrids(t.stack.deps, { geojson: file, from: 'gcj02', apply: true })
    expect(out).toMatchObject({ applied: true, generation: gen + 1, plan: { changed: [b.code] } })
    expect(out.warnings).toEqual(dry.warnings)
  })
})

describe('npm run import:grids', () => {
  it('runs a dry run from the command line, and refuses a broken file with its problems and a non-zero exit', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'gridlink-import-'))
    try {
      const seeded = await openLocalStack({ dataDir: path.join(dir, 'data'), seed: true })
      const grids = (await seeded.deps.reference.listGrids()).filter((g) => g.communityId === COMMUNITY)
      await seeded.close()
      const good = path.join(dir, 'good.geojson')
      writeFileSync(good, JSON.stringify({ type: 'FeatureCollection', features: grids.map(asFeature) }))
      const bad = path.join(dir, 'bad.geojson')
      writeFileSync(bad, JSON.stringify({ type: 'FeatureCollection', features: [{ type: 'Feature', properties: { code: 'x', name: '坏' }, geometry: null }] }))
      const run = (file: string) => spawnSync(process.execPath, ['--import', 'tsx', 'cloudfunctions/local/importGridsCli.ts', file], {
        cwd: path.resolve(__dirname, '../../..'), env: { ...process.env, GRIDLINK_DATA_DIR: path.join(dir, 'data') }, encoding: 'utf8',
      })
      const dry = run(good)
      expect(dry.status).toBe(0)
      expect(dry.stdout).toMatch(new RegExp(`0 added, 0 changed, ${grids.length} unchanged, 0 removed`))
      expect(dry.stdout).toMatch(/dry run: nothing written/)
      const refused = run(bad)
      expect(refused.status).toBe(1)
      expect(refused.stdout).toMatch(/features\[0\] properties\.code: 第1个网格：编码 code 应为15位数字/)
      expect(refused.stdout).toMatch(/nothing imported/)
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  }, 60_000)

  it('prints the warnings of a dry run and still exits 0: 新田社区 leaves the strip east of its grids uncovered', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'gridlink-import-'))
    try {
      const seeded = await openLocalStack({ dataDir: path.join(dir, 'data'), seed: true })
      const grids = (await seeded.deps.reference.listGrids()).filter((g) => g.communityId === 'c-xintian')
      await seeded.close()
      const file = path.join(dir, 'xintian.geojson')
      writeFileSync(file, JSON.stringify({ type: 'FeatureCollection', features: grids.map(asFeature) }))
      const dry = spawnSync(process.execPath, ['--import', 'tsx', 'cloudfunctions/local/importGridsCli.ts', file], {
        cwd: path.resolve(__dirname, '../../..'), env: { ...process.env, GRIDLINK_DATA_DIR: path.join(dir, 'data') }, encoding: 'utf8',
      })
      expect(dry.status).toBe(0)
      expect(dry.stdout).toMatch(/1 warnings \(overlaps and gaps; they do not block the import\)/)
      expect(dry.stdout).toMatch(/⚠ community 440304005003: 新田社区（440304005003）内有约 [\d,]+ 平方米不属于任何网格/)
      expect(dry.stdout).toMatch(/dry run: nothing written/)
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  }, 60_000)
})
