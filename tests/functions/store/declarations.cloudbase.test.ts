import { CloudbaseAudit } from '../../../cloudfunctions/adapters/cloudbase/cloudbaseAudit'
import { CloudbaseStore } from '../../../cloudfunctions/adapters/cloudbase/cloudbaseStore'
import { COLLECTIONS } from '../../../cloudfunctions/adapters/cloudbase/docs'
import type { AuditEntry } from '../../../shared/model'
import { errorReply } from '../cloudbase/captureServer'
import { TEST_ENV_ID } from '../cloudbase/sdkEnv'
import { wireApp } from '../cloudbase/wire'
import { useWireDb, type DbRequest } from '../cloudbase/wireDb'
import { declarationsPortContract } from './contract/declarationsPort'
import { DAY, MIN, T0, declaration, decided, message, person, residentsOf } from './contract/declarations'
import { allPages } from './fixtures'

// The declarations port and the audit log on CloudBase's wire format: the real node-sdk and
// the CloudBase adapters, answered by the in-memory wire database (a fresh one per test).
// First the adapter-neutral contract, then what only the wire shows: which requests each
// method sends (the daily quota counts them), the index and count documents kept beside the
// records, and that nothing ever asks to change or remove an audit entry.
const wire = useWireDb()

const openStore = () => {
  const app = wireApp()
  return new CloudbaseStore(app.database(), { storage: app, env: TEST_ENV_ID })
}

declarationsPortContract('cloudbase wire', async () => {
  const store = openStore()
  return { declarations: store.declarations, messages: store.messages, close: async () => undefined }
})

/** What the database was asked since `from`: action and collection, "(tx)" on a transaction's reads and writes. */
const since = (from: number) => wire.db.requests.slice(from).map((r: DbRequest) => {
  const action = r.action.replace('database.', '')
  return r.collection === null ? action : `${action} ${r.collection}${r.transactionId ? ' (tx)' : ''}`
})
const writesOf = (requests: DbRequest[]) => requests.filter((r) => r.kind === 'write')
const idsIn = (collection: string) => wire.db.docs(collection).map((d) => d._id)

describe('declarations on CloudBase', () => {
  it('creates a declaration with its index documents and messages in one transaction', async () => {
    const store = openStore()
    const d = declaration('d_1', { persons: [person('p_1', '王芳', 'a'), person('p_2', '刘洋', 'b')] })
    await store.declarations.create({ requestKey: 'u_res:declareResidence:r1', declaration: d, messages: [message('m_1', 'u_w1', 'd_1', T0, 'declaration_received')] })
    expect(since(0)).toEqual([
      'startTransaction', 'insertDocument idempotency (tx)', 'insertDocument declarations (tx)',
      'insertDocument id_index (tx)', 'insertDocument id_index (tx)', 'insertDocument messages (tx)', 'commitTransaction',
    ])
    expect(wire.db.docs(COLLECTIONS.idempotency)).toEqual([{ _id: 'u_res:declareResidence:r1', declarationId: 'd_1', createdAt: T0 }])
    expect(wire.db.docs(COLLECTIONS.declarations)[0]).toMatchObject({ _id: 'd_1', dueKey: d.dueAt })
    expect(wire.db.docs(COLLECTIONS.idIndex)).toEqual([
      { _id: 'd:d_1:p_1', index: 'k1.a', ownerKind: 'declaration', ownerId: 'd_1', roomId: 'b1.101' },
      { _id: 'd:d_1:p_2', index: 'k1.b', ownerKind: 'declaration', ownerId: 'd_1', roomId: 'b1.101' },
    ])
  })

  it('answers a repeated request key with the first declaration, its own transaction aborted and nothing of it kept', async () => {
    const store = openStore()
    await store.declarations.create({ requestKey: 'k1', declaration: declaration('d_1'), messages: [message('m_1', 'u_w1', 'd_1', T0, 'declaration_received')] })
    const from = wire.db.requests.length
    const again = await store.declarations.create({ requestKey: 'k1', declaration: declaration('d_2'), messages: [message('m_2', 'u_w1', 'd_2', T0, 'declaration_received')] })
    expect(again).toEqual({ declarationId: 'd_1', created: false })
    // the claim is refused as a duplicate key, the transaction aborted, then the key's owner read
    expect(since(from)).toEqual(['startTransaction', 'insertDocument idempotency (tx)', 'abortTransaction', 'getDocument idempotency'])
    expect(wire.db.requests[from + 1].error).toBe('DATABASE_DUPLICATE_WRITE')
    expect([idsIn(COLLECTIONS.declarations), idsIn(COLLECTIONS.messages), idsIn(COLLECTIONS.idIndex)]).toEqual([['d_1'], ['m_1'], ['d:d_1:d_1.p1']])
  })

  it('refuses a stale change after reading only the version: no write is sent', async () => {
    const store = openStore()
    const d = declaration('d_1', { persons: [person('p_1', '王芳', 'a')] })
    await store.declarations.create({ requestKey: null, declaration: d, messages: [] })
    await store.declarations.saveChange({ declaration: decided(d, 'reject', T0 + MIN, '房号不符'), expectedVersion: 1, messages: [] })
    const from = wire.db.requests.length
    const stale = await store.declarations.saveChange({
      declaration: decided(d, 'approve', T0 + 2 * MIN), expectedVersion: 1, messages: [message('m_late', 'u_res', 'd_1', T0 + 2 * MIN)], addResidents: residentsOf(d, T0 + 2 * MIN),
    })
    expect(stale).toBe(false)
    expect(since(from)).toEqual(['startTransaction', 'getDocument declarations (tx)', 'abortTransaction'])
    expect([idsIn(COLLECTIONS.residents), idsIn(COLLECTIONS.messages), idsIn(COLLECTIONS.registerCounts)]).toEqual([[], [], []])
  })

  it('throws before sending anything when the new version does not follow the expected one', async () => {
    const store = openStore()
    const d = declaration('d_1')
    await store.declarations.create({ requestKey: null, declaration: d, messages: [] })
    const from = wire.db.requests.length
    await expect(store.declarations.saveChange({ declaration: { ...d, status: 'withdrawn', version: 5 }, expectedVersion: 1, messages: [] })).rejects.toThrow('must carry version 2')
    expect(since(from)).toEqual([])
  })

  it('verifies a move-in in one transaction: the declaration, its index documents handed to the residents, the grid counts, the message', async () => {
    const store = openStore()
    const d = declaration('d_1', { persons: [person('p_1', '王芳', 'a'), person('p_2', '刘洋', 'b')] })
    await store.declarations.create({ requestKey: null, declaration: d, messages: [] })
    const from = wire.db.requests.length
    const ok = await store.declarations.saveChange({ declaration: decided(d, 'approve', T0 + DAY), expectedVersion: 1, messages: [message('m_ok', 'u_res', 'd_1', T0 + DAY)], addResidents: residentsOf(d, T0 + DAY) })
    expect(ok).toBe(true)
    expect(since(from)).toEqual([
      'startTransaction', 'getDocument declarations (tx)', 'modifyDocument declarations (tx)',
      'removeDocument id_index (tx)', 'removeDocument id_index (tx)',
      'insertDocument residents (tx)', 'insertDocument id_index (tx)', 'insertDocument residents (tx)', 'insertDocument id_index (tx)',
      'getDocument register_counts (tx)', 'modifyDocument register_counts (tx)',
      'insertDocument messages (tx)', 'commitTransaction',
    ])
    expect(wire.db.docs(COLLECTIONS.idIndex).map((x) => [x._id, x.index, x.ownerKind])).toEqual([['r:p_1', 'k1.a', 'resident'], ['r:p_2', 'k1.b', 'resident']])
    expect(wire.db.docs(COLLECTIONS.registerCounts)).toEqual([{ _id: 'g1', rooms: [{ roomId: 'b1.101', residents: 2 }] }])
    expect(wire.db.docs(COLLECTIONS.residents).map((r) => [r._id, r.state])).toEqual([['p_1', 'current'], ['p_2', 'current']])
  })

  it('asks for more without touching the index documents: the persons are unchanged and it is still open', async () => {
    const store = openStore()
    const d = declaration('d_1')
    await store.declarations.create({ requestKey: null, declaration: d, messages: [] })
    const from = wire.db.requests.length
    await store.declarations.saveChange({ declaration: decided(d, 'ask_more', T0 + MIN, '请补充租赁合同'), expectedVersion: 1, messages: [] })
    expect(since(from)).toEqual(['startTransaction', 'getDocument declarations (tx)', 'modifyDocument declarations (tx)', 'commitTransaction'])
  })

  it('fails a move-out of someone no longer current, keeping everything as it was', async () => {
    const store = openStore()
    const d = declaration('d_1', { persons: [person('p_1', '王芳', 'a'), person('p_2', '刘洋', 'b')] })
    await store.declarations.create({ requestKey: null, declaration: d, messages: [] })
    await store.declarations.saveChange({ declaration: decided(d, 'approve', T0 + DAY), expectedVersion: 1, messages: [], addResidents: residentsOf(d, T0 + DAY) })
    const out = declaration('d_out', { kind: 'move_out', persons: d.persons })
    await store.declarations.create({ requestKey: null, declaration: out, messages: [] })
    const moved = { date: '2025-03-20', at: T0 + 2 * DAY, declarationId: 'd_out' }
    const before = { counts: wire.db.docs(COLLECTIONS.registerCounts), index: wire.db.docs(COLLECTIONS.idIndex), residents: wire.db.docs(COLLECTIONS.residents) }
    await expect(store.declarations.saveChange({ declaration: decided(out, 'approve', T0 + 2 * DAY), expectedVersion: 1, messages: [], moveOut: { residentIds: ['p_2', 'p_nobody'], movedOut: moved } }))
      .rejects.toThrow('resident p_nobody is not a current resident')
    expect((await store.declarations.get('d_out'))!.status).toBe('pending')
    expect({ counts: wire.db.docs(COLLECTIONS.registerCounts), index: wire.db.docs(COLLECTIONS.idIndex), residents: wire.db.docs(COLLECTIONS.residents) }).toEqual(before)
  })

  it('retries a change refused for a conflict from the start, in a new transaction', async () => {
    const store = openStore()
    const d = declaration('d_1')
    await store.declarations.create({ requestKey: null, declaration: d, messages: [] })
    const from = wire.db.requests.length
    wire.server.once('database.modifyDocument', errorReply('DATABASE_TRANSACTION_CONFLICT', 'write conflict'))
    expect(await store.declarations.saveChange({ declaration: decided(d, 'reject', T0 + MIN, '房号不符'), expectedVersion: 1, messages: [] })).toBe(true)
    // the refused write never reached the wire database: its request is answered before it
    expect(since(from)).toEqual([
      'startTransaction', 'getDocument declarations (tx)', 'abortTransaction',
      'startTransaction', 'getDocument declarations (tx)', 'modifyDocument declarations (tx)', 'removeDocument id_index (tx)', 'commitTransaction',
    ])
    expect((await store.declarations.get('d_1'))!.status).toBe('rejected')
  })

  it('lets one of two workers deciding at once win; the other finds the version moved on and writes nothing', async () => {
    const store = openStore()
    const d = declaration('d_1')
    await store.declarations.create({ requestKey: null, declaration: d, messages: [] })
    const results = await Promise.all([
      store.declarations.saveChange({ declaration: decided(d, 'approve', T0 + MIN), expectedVersion: 1, messages: [], addResidents: residentsOf(d, T0 + MIN) }),
      store.declarations.saveChange({ declaration: decided(d, 'reject', T0 + MIN, '房号不符'), expectedVersion: 1, messages: [] }),
    ])
    expect(results.sort()).toEqual([false, true])
    const stored = (await store.declarations.get('d_1'))!
    expect(stored.version).toBe(2)
    expect(idsIn(COLLECTIONS.residents)).toEqual(stored.status === 'verified' ? ['d_1.p1'] : [])
  })

  it('answers the reads with few requests each', async () => {
    const store = openStore()
    const d = declaration('d_1', { persons: [person('p_1', '王芳', 'a')] })
    await store.declarations.create({ requestKey: null, declaration: d, messages: [] })
    await store.declarations.saveChange({ declaration: decided(d, 'approve', T0 + DAY), expectedVersion: 1, messages: [], addResidents: residentsOf(d, T0 + DAY) })
    await store.declarations.create({ requestKey: null, declaration: declaration('d_2', { roomId: 'b2.101', persons: [person('p_9', '王芳', 'a')] }), messages: [] })

    const cost = async (call: () => Promise<unknown>) => {
      const from = wire.db.requests.length
      await call()
      return since(from)
    }
    expect(await cost(() => store.declarations.findByIdIndexes(['k2.a', 'k1.a']))).toEqual(['getDocument id_index', 'getDocument residents', 'getDocument declarations'])
    expect(await cost(() => store.declarations.findByIdIndexes(['k1.nobody']))).toEqual(['getDocument id_index'])
    expect(await cost(() => store.declarations.findByIdIndexes(['']))).toEqual([])
    expect(await cost(() => store.declarations.registerCounts(['g1', 'g2', 'g3']))).toEqual(['getDocument register_counts'])
    expect(await cost(() => store.declarations.registerCounts([]))).toEqual([])
    expect(await cost(() => store.declarations.listRegister({ gridId: 'g1', movedOut: false }, { limit: 20 }))).toEqual(['getDocument residents'])
    expect(await cost(() => store.declarations.listOpen(['g1'], { limit: 20 }, 'u_sub'))).toEqual(['getDocument declarations'])
    expect(await cost(() => store.declarations.listOpen([], { limit: 20 }))).toEqual([])
    expect(await cost(() => store.declarations.roomResidents('b1.101'))).toEqual(['getDocument residents'])
    expect(await cost(() => store.declarations.listExpired(T0 + 200 * DAY, 100))).toEqual(['getDocument residents', 'getDocument declarations'])
  })

  it('writes each anonymised record once, outside any transaction', async () => {
    const store = openStore()
    const rejected = declaration('d_no', { status: 'rejected', dueAt: null, persons: [person('p_9', '陈静', 'z')] })
    await store.declarations.create({ requestKey: null, declaration: rejected, messages: [] })
    const from = wire.db.requests.length
    const erased = { token: '', index: '', masked: '' }
    await store.declarations.saveAnonymised({ residents: [], declarations: [{ ...rejected, persons: rejected.persons.map((p) => ({ ...p, name: '已匿名', idNumber: erased, phone: null })), anonymisedAt: T0 + 200 * DAY }] })
    expect(since(from)).toEqual(['modifyDocument declarations'])
  })
})

describe('the audit log on CloudBase', () => {
  const entry = (id: string, at: number, over: Partial<AuditEntry> = {}): AuditEntry => ({
    id, at, actorId: 'u_w1', actorName: '李网格', actorRole: 'grid_worker', action: 'reveal', field: 'idNumber',
    declarationId: 'd_1', personId: 'p_1', personName: '张*明', gridId: 'g1', reason: '核对证件照片', ...over,
  })

  it('lists entries newest first, a page at a time', async () => {
    const audit = openStore().audit
    const entries = [entry('a_1', T0), entry('a_2', T0 + 5000, { field: 'phone' }), entry('a_3', T0 + 1000), entry('a_4', T0 + 5000)]
    for (const e of entries) await audit.append(e)
    const pages = await allPages((cursor) => audit.list({ limit: 3, cursor }))
    // the same moment: the larger id first
    expect(pages.map((p) => p.map((e) => e.id))).toEqual([['a_4', 'a_2', 'a_3'], ['a_1']])
    expect(pages.flat().find((e) => e.id === 'a_2')).toEqual(entries[1])
  })

  it('lists nothing before the first entry', async () => {
    expect(await openStore().audit.list({ limit: 20 })).toEqual({ items: [], nextCursor: null })
  })

  it('refuses a second entry with the same id, keeping the first', async () => {
    const audit = openStore().audit
    await audit.append(entry('a_1', T0))
    await expect(audit.append(entry('a_1', T0 + 1, { reason: '改写' }))).rejects.toMatchObject({ code: 'DATABASE_DUPLICATE_WRITE' })
    expect((await audit.list({ limit: 5 })).items).toEqual([entry('a_1', T0)])
  })

  it('only ever inserts and reads: no update or remove request reaches audit_log, and the adapter has no method that could send one', async () => {
    const audit = openStore().audit
    for (let i = 0; i < 5; i++) await audit.append(entry(`a_${i}`, T0 + i))
    await allPages((cursor) => audit.list({ limit: 2, cursor }))
    await audit.append(entry('a_0', T0 + 9)).catch(() => undefined)
    const touching = wire.db.requests.filter((r) => r.collection === COLLECTIONS.auditLog)
    expect(new Set(touching.map((r) => r.action))).toEqual(new Set(['database.insertDocument', 'database.getDocument']))
    expect(writesOf(touching).every((r) => r.action === 'database.insertDocument')).toBe(true)
    expect(Object.getOwnPropertyNames(CloudbaseAudit.prototype).sort()).toEqual(['append', 'constructor', 'list'])
  })
})
