import { isDuplicate } from '../../../cloudfunctions/adapters/cloudbase/docs'
import { OPEN_STATUSES } from '../../../shared/workflow/status'
import { acceptChange, newCase } from '../store/fixtures'
import type { CapturedRequest } from './captureServer'
import { TEST_ENV_ID } from './sdkEnv'
import { WireDb, useWireDb } from './wireDb'
import { int, long, T0, wireApp, wireStore } from './wire'

// The wire database answers requests in the shapes the SDK sends: those below are copied
// from the captures in storeReads/storeWrites/subscribeNotifier/contentCheck.wire.test.ts.
const wire = useWireDb()

/** A request as the wire tests state it (EJSON decoded) → as the SDK sends it (EJSON strings). */
function request({ action, collection, query, order, data, ...rest }: Record<string, any>): CapturedRequest {
  const body: Record<string, any> = { ...rest }
  if (collection !== undefined) body.collectionName = collection
  if (query !== undefined) body.query = JSON.stringify(query)
  if (order !== undefined) body.order = JSON.stringify(order)
  if (data !== undefined) body.data = Array.isArray(data) ? data.map((d) => JSON.stringify(d)) : JSON.stringify(data)
  return { action, env: TEST_ENV_ID, body }
}
const send = (db: WireDb, shape: Record<string, any>) => db.handle(request(shape)) as Record<string, any>
const insert = (db: WireDb, collection: string, doc: object, extra: object = {}) => send(db, { action: 'database.insertDocument', collection, data: [doc], ...extra })
const ids = (reply: Record<string, any>) => (reply.data.list as string[]).map((d) => JSON.parse(d)._id)
const where = (collection: string, query: object, more: object = {}) => ({ action: 'database.getDocument', collection, queryType: 'WHERE', query, limit: 100, ...more })

const task = (n: number, gridId: string, status: string, dueKey: number, createdAt = T0) => ({ _id: `t_${n}`, gridId, status, dueKey: long(dueKey), createdAt: long(createdAt) })

describe('wire database: reads', () => {
  it('finds one document by _id and answers an empty list for an unknown one', () => {
    const db = new WireDb()
    insert(db, 'users', { _id: 'u_1', name: '张三', gridIds: [] })
    const byId = (id: string) => send(db, { action: 'database.getDocument', collection: 'users', query: { _id: id }, queryType: 'DOC', multi: false })
    expect(byId('u_1').data.list.map((d: string) => JSON.parse(d))).toEqual([{ _id: 'u_1', name: '张三', gridIds: [] }])
    expect(byId('nope').data.list).toEqual([])
  })

  it('answers the inbox query: grids and open statuses, by deadline, creation and id, limited', () => {
    const db = new WireDb()
    for (const t of [task(1, 'g1', 'assigned', T0 + 5), task(2, 'g2', 'accepted', T0 + 1), task(3, 'g1', 'closed', T0), task(4, 'g3', 'assigned', T0), task(5, 'g1', 'reopened', T0 + 1, T0 - 1)]) insert(db, 'tasks', t)
    const inbox = where('tasks', { gridId: { $in: ['g1', 'g2'] }, status: { $in: [...OPEN_STATUSES] } }, { order: { dueKey: int(1), createdAt: int(1), _id: int(1) }, limit: 3 })
    expect(ids(send(db, inbox))).toEqual(['t_5', 't_2', 't_1'])
    const after = { $and: [inbox.query, { $or: [{ dueKey: { $gt: long(T0 + 1) } }, { dueKey: long(T0 + 1), createdAt: { $gt: long(T0 - 1) } }, { dueKey: long(T0 + 1), createdAt: long(T0 - 1), _id: { $gt: 't_5' } }] }] }
    expect(ids(send(db, { ...inbox, query: after }))).toEqual(['t_2', 't_1'])
  })

  it('pages newest first with $lt, walks on past an _id with $gt, and skips', () => {
    const db = new WireDb()
    for (const [id, at] of [['r_1', T0], ['r_2', T0 + 1], ['r_3', T0 + 1], ['r_9', T0 - 1]] as const) insert(db, 'reports', { _id: id, reporterId: id === 'r_9' ? 'u_other' : 'u_res', createdAt: long(at) })
    const newest = { order: { createdAt: int(-1), _id: int(-1) }, limit: 11 }
    expect(ids(send(db, where('reports', { reporterId: 'u_res' }, newest)))).toEqual(['r_3', 'r_2', 'r_1'])
    const rest = { $and: [{ reporterId: 'u_res' }, { $or: [{ createdAt: { $lt: long(T0 + 1) } }, { createdAt: long(T0 + 1), _id: { $lt: 'r_3' } }] }] }
    expect(ids(send(db, where('reports', rest, newest)))).toEqual(['r_2', 'r_1'])
    expect(ids(send(db, where('reports', { $and: [{}, { _id: { $gt: 'r_1' } }] }, { order: { _id: int(1) }, limit: 1000 })))).toEqual(['r_2', 'r_3', 'r_9'])
    expect(ids(send(db, where('reports', {}, { order: { _id: int(1) }, offset: 2, limit: 1 })))).toEqual(['r_3'])
  })

  it('matches a missing field as null, compares like with like, and tests existence and inequality', () => {
    const db = new WireDb()
    insert(db, 'messages', { _id: 'm_1', userId: 'u_1', readAt: null, n: int(1) })
    insert(db, 'messages', { _id: 'm_2', userId: 'u_1', readAt: long(T0), n: 'x' })
    insert(db, 'messages', { _id: 'm_3', userId: 'u_1' })
    const q = (query: object) => ids(send(db, where('messages', query)))
    expect(q({ userId: 'u_1', readAt: null })).toEqual(['m_1', 'm_3'])
    expect(q({ n: { $gte: int(0) } })).toEqual(['m_1'])
    expect(q({ readAt: { $exists: false } })).toEqual(['m_3'])
    expect(q({ readAt: { $ne: null } })).toEqual(['m_2'])
    expect(q({ _id: { $nin: ['m_1'] }, n: { $lte: 'y' } })).toEqual(['m_2'])
  })

  it('counts the matches of a where-query', () => {
    const db = new WireDb()
    for (const id of ['m_1', 'm_2', 'm_3']) insert(db, 'messages', { _id: id, userId: id === 'm_3' ? 'u_2' : 'u_1', readAt: null })
    expect(send(db, { action: 'database.calculateDocument', collection: 'messages', queryType: 'WHERE', query: { userId: 'u_1', readAt: null } }).data).toEqual({ total: 2 })
  })

  it('finds a photo by a dotted path and keeps only the projected fields', () => {
    const db = new WireDb()
    insert(db, 'files', { _id: 'f1', id: 'p1', ownerId: 'u_res', check: { status: 'pending', traceId: 'trace-1' } })
    const found = send(db, where('files', { 'check.traceId': 'trace-1' }, { projection: JSON.stringify({ 'check.status': 1 }) }))
    expect(found.data.list.map((d: string) => JSON.parse(d))).toEqual([{ _id: 'f1', check: { status: 'pending' } }])
  })
})

describe('wire database: writes', () => {
  it('marks only the matching unread messages read, and says how many changed', () => {
    const db = new WireDb()
    for (const id of ['m_1', 'm_2', 'm_3']) insert(db, 'messages', { _id: id, userId: 'u_1', readAt: id === 'm_3' ? long(1) : null })
    const mark = { action: 'database.modifyDocument', collection: 'messages', queryType: 'WHERE', query: { userId: 'u_1', readAt: null, _id: { $in: ['m_1', 'm_3'] } }, data: { $set: { readAt: long(T0) } }, multi: true, merge: true, upsert: false }
    expect(send(db, mark).data).toEqual({ updated: 1, upsert_id: null })
    expect(db.docs('messages').map((m) => [m._id, m.readAt])).toEqual([['m_1', T0], ['m_2', null], ['m_3', 1]])
  })

  it('counts a grant down only while the guard matches, and starts a count with $inc', () => {
    const db = new WireDb()
    insert(db, 'grants', { _id: 'u:T', oneTime: int(1), longTerm: false })
    const take = { action: 'database.modifyDocument', collection: 'grants', queryType: 'WHERE', multi: true, merge: true, upsert: false, query: { _id: 'u:T', oneTime: { $gt: int(0) } }, data: { $inc: { oneTime: int(-1) }, $set: { updatedAt: long(T0) } } }
    expect(send(db, take).data.updated).toBe(1)
    expect(send(db, take).data.updated).toBe(0)
    const record = { action: 'database.modifyDocument', collection: 'grants', queryType: 'DOC', multi: false, merge: true, upsert: false, query: { _id: 'u:T' }, data: { $inc: { oneTime: int(2) }, $set: { updatedAt: long(T0 + 1) } } }
    expect(send(db, record).data.updated).toBe(1)
    expect(send(db, { ...record, query: { _id: 'nobody:T' } }).data.updated).toBe(0)
    expect(db.docs('grants')).toEqual([{ _id: 'u:T', oneTime: 2, longTerm: false, updatedAt: T0 + 1 }])
  })

  it('sets dotted fields into a nested object, and removes fields with $unset', () => {
    const db = new WireDb()
    insert(db, 'files', { _id: 'f1', check: { status: 'pending', traceId: 'trace-1' }, tmp: 1 })
    send(db, { action: 'database.modifyDocument', collection: 'files', queryType: 'WHERE', multi: true, merge: true, upsert: false, query: { 'check.traceId': 'trace-1' }, data: { $set: { 'check.status': 'risky', 'check.label': int(20002) }, $unset: { tmp: '' } } })
    expect(db.docs('files')).toEqual([{ _id: 'f1', check: { status: 'risky', traceId: 'trace-1', label: 20002 } }])
  })

  it('replaces a whole document with doc(id).set(), creating it when missing', () => {
    const db = new WireDb()
    const set = (body: object) => send(db, { action: 'database.modifyDocument', collection: 'streets', query: { _id: 's1' }, queryType: 'DOC', multi: false, merge: false, upsert: true, data: body })
    expect(set({ name: '旧', hotline: '1' }).data).toEqual({ updated: 0, upsert_id: 's1' })
    expect(set({ name: '新' }).data).toEqual({ updated: 1, upsert_id: null })
    expect(db.docs('streets')).toEqual([{ _id: 's1', name: '新' }])
  })

  it('removes what a query names', () => {
    const db = new WireDb()
    for (const id of ['a', 'b']) insert(db, 'pushes', { _id: id })
    expect(send(db, { action: 'database.removeDocument', collection: 'pushes', queryType: 'WHERE', query: { _id: { $exists: true } }, multi: true }).data).toEqual({ deleted: 2 })
    expect(db.docs('pushes')).toEqual([])
  })

  it('refuses a second document with the same _id with the code the adapters take for a duplicate', async () => {
    const db = wireApp().database()
    await db.collection('pushes').add({ _id: 'm_1', status: 'pending' })
    const again = await db.collection('pushes').add({ _id: 'm_1', status: 'pending' }).catch((e: unknown) => e)
    expect(isDuplicate(again)).toBe(true)
    expect(wire.db.docs('pushes')).toHaveLength(1)
  })
})

describe('wire database: transactions', () => {
  const start = (db: WireDb) => String(send(db, { action: 'database.startTransaction' }).transactionId)
  const end = (db: WireDb, tx: string, commit = true) => send(db, { action: commit ? 'database.commitTransaction' : 'database.abortTransaction', transactionId: tx })
  const get = (db: WireDb, collection: string, id: string, tx?: string) => ids(send(db, { action: 'database.getDocument', collection, query: { _id: id }, queryType: 'DOC', multi: false, ...(tx ? { transactionId: tx } : {}) }))

  it('shows its writes to itself, to others only once committed, and to nobody once aborted', () => {
    const db = new WireDb()
    const tx = start(db)
    insert(db, 'reports', { _id: 'r_1' }, { transactionId: tx })
    expect([get(db, 'reports', 'r_1', tx), get(db, 'reports', 'r_1')]).toEqual([['r_1'], []])
    end(db, tx)
    expect(get(db, 'reports', 'r_1')).toEqual(['r_1'])
    const aborted = start(db)
    insert(db, 'reports', { _id: 'r_2' }, { transactionId: aborted })
    end(db, aborted, false)
    expect(get(db, 'reports', 'r_2')).toEqual([])
  })

  it('gives the second of two transactions claiming one key a conflict, and the loser sees the key taken after the commit', () => {
    const db = new WireDb()
    const [a, b] = [start(db), start(db)]
    expect(insert(db, 'idempotency', { _id: 'k' }, { transactionId: a }).data).toEqual({ insertedIds: ['k'] })
    expect(insert(db, 'idempotency', { _id: 'k' }, { transactionId: b })).toMatchObject({ code: 'DATABASE_TRANSACTION_CONFLICT' })
    end(db, b, false)
    end(db, a)
    expect(insert(db, 'idempotency', { _id: 'k' }, { transactionId: start(db) })).toMatchObject({ code: 'DATABASE_DUPLICATE_WRITE' })
  })

  it('reads its snapshot, and refuses to write a document committed after it', () => {
    const db = new WireDb()
    insert(db, 'tasks', { _id: 't_1', version: int(1) })
    const tx = start(db)
    send(db, { action: 'database.modifyDocument', collection: 'tasks', query: { _id: 't_1' }, queryType: 'DOC', multi: false, merge: false, upsert: true, data: { version: int(2) } })
    const seen = send(db, { action: 'database.getDocument', collection: 'tasks', query: { _id: 't_1' }, queryType: 'DOC', multi: false, transactionId: tx })
    expect(JSON.parse(seen.data.list[0]).version).toBe(1)
    const write = { action: 'database.modifyDocument', collection: 'tasks', query: { _id: 't_1' }, queryType: 'DOC', multi: false, merge: false, upsert: true, data: { version: int(3) }, transactionId: tx }
    expect(send(db, write)).toMatchObject({ code: 'DATABASE_TRANSACTION_CONFLICT' })
  })

  it('refuses a where-query inside a transaction, as CloudBase does', () => {
    const db = new WireDb()
    expect(send(db, { ...where('tasks', { gridId: 'g1' }), transactionId: start(db) })).toMatchObject({ code: 'DATABASE_REQUEST_FAILED', message: expect.stringContaining('single documents by _id') })
  })

  it('lets one of two task changes from the same version through', async () => {
    const input = newCase({ n: 1 })
    await wireStore().cases.createReport(input)
    const results = await Promise.all([T0 + 1, T0 + 2].map((at) => wireStore().cases.saveTaskChange(acceptChange(input.task, at))))
    expect(results.filter(Boolean)).toHaveLength(1)
    // the winner's accept line joined the submit line inside the task document
    expect(wire.db.docs('tasks')[0].timeline).toHaveLength(2)
  })
})

describe('wire database: what it does not model, and what it records', () => {
  it.each([
    [where('tasks', { title: { $regex: 'a' } }), 'the query operator $regex'],
    [where('tasks', { $nor: [{ a: 1 }] }), 'the query operator $nor'],
    [{ action: 'database.modifyDocument', collection: 'tasks', queryType: 'DOC', query: { _id: 't' }, multi: false, merge: true, upsert: false, data: { $push: { tags: 'x' } } }, 'the update operator $push'],
    [{ action: 'database.insertDocument', collection: 'tasks', data: [{ _id: 't2', at: { $date: { $numberLong: '1' } } }] }, '$date in a document'],
    [{ action: 'database.aggregateDocuments', collection: 'tasks', stages: [] }, 'action database.aggregateDocuments'],
  ])('answers an error naming what it does not understand: %j', (shape, named) => {
    const db = new WireDb()
    insert(db, 'tasks', { _id: 't', title: 'a', tags: [] })
    expect(send(db, shape)).toMatchObject({ code: 'WIRE_DB_UNSUPPORTED', message: expect.stringContaining(named) })
  })

  it('refuses a collection that docs/deploy.md does not create', () => {
    expect(send(new WireDb(), where('reportz', {}))).toMatchObject({ code: 'DATABASE_COLLECTION_NOT_EXIST' })
  })

  it('records each request with its action, collection and kind, through the real SDK', async () => {
    await wireStore().cases.createReport(newCase({ n: 1 }))
    await wireStore().cases.getReport('r_1')
    expect(wire.db.requests.map((r) => [r.kind, r.action.replace('database.', ''), r.collection])).toEqual([
      ['transaction', 'startTransaction', null],
      ['write', 'insertDocument', 'reports'],
      ['write', 'insertDocument', 'tasks'],
      ['write', 'insertDocument', 'messages'],
      ['transaction', 'commitTransaction', null],
      ['read', 'getDocument', 'reports'],
    ])
    expect([wire.db.count('read'), wire.db.count('write'), wire.db.count('transaction')]).toEqual([1, 3, 2])
    expect(wire.server.actions()).toHaveLength(6)
  })
})
