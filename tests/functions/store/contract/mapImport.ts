import type { Grid, User } from '../../../../shared/model'
import { CloudbaseReference } from '../../../../cloudfunctions/adapters/cloudbase/cloudbaseReference'
import type { CloudbaseStore } from '../../../../cloudfunctions/adapters/cloudbase/cloudbaseStore'
import { MAP_LEASE_MS } from '../../../../cloudfunctions/adapters/cloudbase/mapImport'
import { stampOf } from '../../../../cloudfunctions/adapters/cloudbase/mapDocs'
import { currentWireDb, wireDbInUse, type WireDb } from '../../cloudbase/wireDb'
import { SEED } from '../fixtures'
import type { StoreContext } from '../storeContract'

// Imports of the grid map and of people at the size a street office has: hundreds of grids
// and staff in one write, all or nothing. Every store serves them whole; on CloudBase's wire
// (the wire database answering the real SDK) the writes also go in batches, and an import
// that fails at any of its requests leaves readers on the map they had.

const N = 250
/** Each test writes hundreds of documents of several KB, and some fail an import at each of its requests in turn: a dozen imports. */
const TIMEOUT_MS = 60_000

/** A grid whose outline has 200 corners, about what a survey file gives: 250 of them pass 1 MiB, so an import takes two batches. */
function bulkGrid(i: number, name = `批量网格${i}`): Grid {
  const [x, y] = [121 + (i % 50) * 0.002, 31 + Math.floor(i / 50) * 0.002]
  const ring: [number, number][] = Array.from({ length: 200 }, (_, k) => {
    const a = (2 * Math.PI * k) / 200
    return [Number((x + 0.001 + 0.0009 * Math.cos(a)).toFixed(6)), Number((y + 0.001 + 0.0009 * Math.sin(a)).toFixed(6))]
  })
  return { id: `g-bulk-${String(i).padStart(3, '0')}`, name, communityId: 'c1', streetId: 's1', geometry: { type: 'Polygon', coordinates: [[...ring, ring[0]]] }, version: 1, workerIds: [] }
}

const bulkPerson = (i: number): User => ({ id: `u_bulk_${String(i).padStart(3, '0')}`, name: `网格员${i}`, role: 'grid_worker', phone: `021-${String(1000 + i)}`, gridIds: [`g-bulk-${String(i).padStart(3, '0')}`], communityId: 'c1', streetId: 's1' })

const byId = <T extends { id: string }>(records: T[]) => [...records].sort((a, b) => (a.id < b.id ? -1 : 1))

/** The map as readers see it: what the reference port answers. */
async function mapSeen(ctx: StoreContext, probe: string[]) {
  const r = ctx.store.reference
  return { generation: await r.mapGeneration(), grids: byId(await r.listGrids()), probed: await Promise.all(probe.map((id) => r.getGrid(id))) }
}

/** The same, as text: comparing 250 outlines of 200 corners a dozen times as objects takes jest seconds. */
const asText = (seen: unknown) => JSON.stringify(seen)

export function mapImportContract(ctx: StoreContext) {
  it(`imports a map of ${N} grids at once, then changes, adds and removes grids in the next import`, async () => {
    const r = ctx.store.reference
    const before = await r.mapGeneration()
    const grids = Array.from({ length: N }, (_, i) => bulkGrid(i))
    expect(await r.saveMap({ grids })).toBe(before + 1)
    expect(asText(byId(await r.listGrids()))).toEqual(asText(byId([...SEED.grids, ...grids])))
    expect(await r.getGrid(grids[N - 1].id)).toEqual(grids[N - 1])

    const renamed = grids.slice(0, 100).map((g) => ({ ...g, name: `${g.name}（调整）`, version: 2 }))
    const added = [bulkGrid(N), bulkGrid(N + 1)]
    const removedIds = grids.slice(100, 150).map((g) => g.id)
    expect(await r.saveMap({ grids: [...renamed, ...added], removedGridIds: [...removedIds, 'g3'] })).toBe(before + 2)
    expect(asText(byId(await r.listGrids()))).toEqual(asText(byId([...SEED.grids.slice(0, 2), ...renamed, ...grids.slice(150), ...added])))
    expect(await Promise.all([renamed[0].id, added[1].id, removedIds[0], 'g3', grids[200].id].map((id) => r.getGrid(id)))).toEqual([renamed[0], added[1], null, null, grids[200]])
  }, TIMEOUT_MS)

  it(`saves ${N} new people in one write, then changes a few in place and leaves the rest as they were`, async () => {
    const r = ctx.store.reference
    const people = Array.from({ length: N }, (_, i) => bulkPerson(i))
    await r.saveUsers(people)
    expect(await r.getUsers(people.map((u) => u.id))).toEqual(people)
    const { homeGridId: _dropped, ...movedOut } = SEED.users[0]
    const changed = [{ ...people[0], phone: '021-9999' }, movedOut, { ...people[1], leave: { from: 1, until: 2, substituteId: people[2].id } }]
    await r.saveUsers([...changed, people[3]])
    expect(await r.getUsers([people[0].id, SEED.users[0].id, people[1].id, people[3].id])).toEqual([...changed, people[3]])
    expect(await r.getUser(SEED.users[0].id)).not.toHaveProperty('homeGridId')
  }, TIMEOUT_MS)

  if (wireDbInUse()) describe('on the CloudBase wire', () => wireContract(ctx))
}

function wireContract(ctx: StoreContext) {
  const wire = (): WireDb => currentWireDb() ?? (() => { throw new Error('no wire database in this test') })()
  const since = (mark: number) => wire().requests.slice(mark)

  it(`writes ${N} grids in a number of requests that does not grow with the map, not one per grid`, async () => {
    const mark = wire().requests.length
    await ctx.store.reference.saveMap({ grids: Array.from({ length: N }, (_, i) => bulkGrid(i)) })
    const sent = since(mark)
    const inserts = sent.filter((q) => q.action === 'database.insertDocument')
    // lease (2) + clean-up walk of three collections (3) + inserts + commit (start, read, 4 writes, commit)
    expect(inserts.map((q) => q.collection)).toEqual(['grids', 'grids'])
    expect(sent.length).toBeLessThanOrEqual(15)
    expect(sent.filter((q) => q.error)).toEqual([])
  }, TIMEOUT_MS)

  it('leaves readers on the old map when an import fails at any one of its requests, and the next import commits and cleans up', async () => {
    const r = ctx.store.reference
    const old = Array.from({ length: N }, (_, i) => bulkGrid(i))
    await r.saveMap({ grids: old })
    const probe = [old[0].id, old[1].id, bulkGrid(N).id, 'g1']
    const seenBefore = await mapSeen(ctx, probe)
    const change = { grids: [{ ...old[0], name: '改过的网格', version: 2 }, bulkGrid(N)], removedGridIds: [old[1].id, 'g1'] }
    let failedAt = 0
    for (let k = 1; ; k++) {
      wire().failRequest(k)
      // each failed attempt also adds a grid of its own, which only a leftover could show
      const attempt = r.saveMap({ ...change, grids: [...change.grids, bulkGrid(N + k)] })
      const outcome = await attempt.then(() => 'committed', (err: { code?: string }) => err.code)
      wire().clearFailure()
      if (outcome === 'committed') break
      failedAt = k
      expect({ k, outcome }).toEqual({ k, outcome: 'WIRE_DB_INJECTED_FAILURE' })
      expect({ k, seen: asText(await mapSeen(ctx, probe)) }).toEqual({ k, seen: asText(seenBefore) })
    }
    expect(failedAt).toBeGreaterThan(10)
    // the attempt that went through failed nowhere: the map it wrote is whole
    const after = await mapSeen(ctx, probe)
    expect(after.generation).toBe(seenBefore.generation + 1)
    expect(after.probed).toEqual([change.grids[0], null, change.grids[1], null])
    expect(after.grids.map((g) => g.id)).toContain(bulkGrid(N + failedAt + 1).id)

    // what the failed attempts wrote is gone from the database, not just hidden
    const failedOnly = new Set(Array.from({ length: failedAt }, (_, i) => bulkGrid(N + i + 1).id))
    expect(wire().docs('grids').filter((d) => failedOnly.has(stampOf(d).id) || stampOf(d).gen > after.generation).map((d) => d._id)).toEqual([])
  }, TIMEOUT_MS)

  it("keeps a record's versions for the generation before the committed one only, and forgets a removed record an import after", async () => {
    const r = ctx.store.reference
    const start = await r.mapGeneration()
    const versionsOf = (id: string) => wire().docs('grids').filter((d) => stampOf(d).id === id).map((d) => stampOf(d).gen - start)
    for (const name of ['甲', '乙', '丙']) await r.saveMap({ grids: [{ ...SEED.grids[0], name }] })
    // a walk of many pages begun under the generation before may still be reading the one before that
    expect(versionsOf('g1')).toEqual([1, 2, 3])
    await r.saveMap({ removedGridIds: ['g2'] })
    expect(versionsOf('g2')).toEqual([0, 4])
    await r.saveMap({})
    expect(versionsOf('g2')).toEqual([0, 4])
    await r.saveMap({})
    expect(versionsOf('g2')).toEqual([])
    expect(versionsOf('g1')).toEqual([3])
    expect(await r.getGrid('g1')).toEqual({ ...SEED.grids[0], name: '丙' })
  }, TIMEOUT_MS)

  it('holds the import lease of a function that died mid-import until it runs out, then the next import commits and cleans up', async () => {
    let now = Date.UTC(2025, 2, 3, 1, 0)
    const r = new CloudbaseReference((ctx.store as unknown as CloudbaseStore).db, () => now)
    const seenBefore = await mapSeen(ctx, ['g1', 'g-dead'])
    // dies as it starts the commit: its versions are written, the generation has not moved
    wire().failRequest(1, { andAfter: true, matching: (q) => q.action === 'database.startTransaction' })
    await expect(r.saveMap({ grids: [{ ...SEED.grids[0], name: '死去的导入' }, { ...SEED.grids[1], id: 'g-dead' }] })).rejects.toMatchObject({ code: 'WIRE_DB_INJECTED_FAILURE' })
    wire().clearFailure()
    expect(await mapSeen(ctx, ['g1', 'g-dead'])).toEqual(seenBefore)

    now += MAP_LEASE_MS - 1
    await expect(r.saveMap({ grids: [] })).rejects.toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('另一次网格导入正在进行') })
    now += 2
    expect(await r.saveMap({ grids: [{ ...SEED.grids[0], name: '接着导入' }] })).toBe(seenBefore.generation + 1)
    expect(await mapSeen(ctx, ['g1', 'g-dead'])).toMatchObject({ generation: seenBefore.generation + 1, probed: [{ ...SEED.grids[0], name: '接着导入' }, null] })
    expect(wire().docs('grids').filter((d) => stampOf(d).id === 'g-dead')).toEqual([])
  }, TIMEOUT_MS)

  it(`inserts ${N} new people in one request, and changes people in one transaction without touching what the database keeps beside them`, async () => {
    const r = ctx.store.reference
    const people = Array.from({ length: N }, (_, i) => bulkPerson(i))
    let mark = wire().requests.length
    await r.saveUsers(people)
    expect(since(mark).map((q) => q.action)).toEqual(['database.getDocument', 'database.insertDocument'])

    await (ctx.store as unknown as CloudbaseStore).db.collection('users').doc(people[0].id).update({ openid: 'o_bound' })
    mark = wire().requests.length
    await r.saveUsers([{ ...people[0], phone: '021-9999' }, { ...people[1], phone: '021-9998' }, people[2]])
    expect(since(mark).map((q) => q.action.replace('database.', ''))).toEqual(['getDocument', 'startTransaction', 'modifyDocument', 'modifyDocument', 'commitTransaction'])
    expect(wire().docs('users').find((d) => d._id === people[0].id)).toMatchObject({ openid: 'o_bound', phone: '021-9999' })
  }, TIMEOUT_MS)

  it('changes no one when a write of people fails at any one of its requests', async () => {
    const r = ctx.store.reference
    const people = Array.from({ length: N }, (_, i) => bulkPerson(i))
    const write = [...people, { ...SEED.users[2], phone: '021-7777' }, { ...SEED.users[3], phone: '021-6666' }]
    const ids = write.map((u) => u.id)
    const before = await r.getUsers(ids)
    for (let k = 1; ; k++) {
      wire().failRequest(k)
      const outcome = await r.saveUsers(write).then(() => 'committed', (err: { code?: string }) => err.code)
      wire().clearFailure()
      if (outcome === 'committed') break
      expect({ k, outcome, seen: await r.getUsers(ids) }).toEqual({ k, outcome: 'WIRE_DB_INJECTED_FAILURE', seen: before })
    }
    expect(await r.getUsers(ids)).toEqual(write)
  }, TIMEOUT_MS)
}
