import { UNDATED } from '../../../cloudfunctions/adapters/cloudbase/lists'
import { acceptChange, at, newCase } from '../store/fixtures'
import { docsReply, errorReply } from './captureServer'
import { useCaptureServer } from './sdkEnv'
import { dbRequest, int, long, wireStore } from './wire'

// The CloudBase store's transactions on the wire: which single-document operations, under
// which transaction id, and what happens on a duplicate key or a conflict.
const cap = useCaptureServer()
const tx = (id: string) => ({ transactionId: id })
const sent = () => cap.server.requests.map(dbRequest)
const { _id: _, ...taskBody } = { _id: 't_1', ...withoutId(newCase({ n: 1 }).task) }

function withoutId<T extends { id: string }>(record: T) {
  const { id, ...rest } = record
  return rest
}

/** A record as the EJSON the SDK writes: integers as $numberInt/$numberLong. */
function asEjson(value: unknown): unknown {
  if (typeof value === 'number') return Number.isInteger(value) && Math.abs(value) < 2 ** 31 ? int(value) : Number.isInteger(value) ? long(value) : { $numberDouble: String(value) }
  if (Array.isArray(value)) return value.map(asEjson)
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined).map(([k, v]) => [k, asEjson(v)]))
  return value
}

describe('CloudBase store writes on the wire', () => {
  it('creates a report with its task (its timeline inside) and messages in one transaction', async () => {
    const input = newCase({ n: 1 })
    expect(await wireStore().cases.createReport(input)).toEqual({ reportId: 'r_1', created: true })
    const insert = (collection: string, doc: object) => ({ action: 'database.insertDocument', collection, data: [asEjson(doc)], ...tx('tx1') })
    expect(sent()).toEqual([
      { action: 'database.startTransaction' },
      insert('reports', { _id: 'r_1', ...withoutId(input.report) }),
      insert('tasks', { _id: 't_1', ...withoutId(input.task), dueKey: input.task.dueAt, timeline: input.events.map(({ taskId, ...e }) => e) }),
      insert('messages', { _id: 'm_1_assigned', ...withoutId(input.messages[0]) }),
      { action: 'database.commitTransaction', ...tx('tx1') },
    ])
  })

  it('claims the request key first, as a document whose _id is the key', async () => {
    await wireStore().cases.createReport(newCase({ n: 1, requestKey: 'u_res:submitReport:req-0001' }))
    expect(sent()[1]).toEqual({
      action: 'database.insertDocument', collection: 'idempotency', ...tx('tx1'),
      data: [{ _id: 'u_res:submitReport:req-0001', reportId: 'r_1', createdAt: long(at(1)) }],
    })
  })

  it('answers a key already claimed with the first report, after aborting its own transaction', async () => {
    cap.server.once('database.insertDocument', errorReply('DATABASE_DUPLICATE_WRITE', 'E11000 duplicate key'))
    cap.server.once('database.getDocument', docsReply({ _id: 'k-1', reportId: 'r_first', createdAt: at(0) }))
    expect(await wireStore().cases.createReport(newCase({ n: 1, requestKey: 'k-1' }))).toEqual({ reportId: 'r_first', created: false })
    expect(sent()).toEqual([
      { action: 'database.startTransaction' },
      expect.objectContaining({ action: 'database.insertDocument', collection: 'idempotency', ...tx('tx1') }),
      { action: 'database.abortTransaction', ...tx('tx1') },
      { action: 'database.getDocument', collection: 'idempotency', query: { _id: 'k-1' }, queryType: 'DOC', multi: false },
    ])
  })

  it('waits out a create of the same key still in flight, then answers with its report', async () => {
    cap.server.once('database.insertDocument', errorReply('DATABASE_TRANSACTION_CONFLICT'), errorReply('DATABASE_DUPLICATE_WRITE'))
    cap.server.once('database.getDocument', docsReply(), docsReply({ _id: 'k-2', reportId: 'r_other', createdAt: at(0) }))
    expect(await wireStore().cases.createReport(newCase({ n: 1, requestKey: 'k-2' }))).toEqual({ reportId: 'r_other', created: false })
    expect(cap.server.actions()).toEqual([
      'database.startTransaction', 'database.insertDocument', 'database.abortTransaction', 'database.getDocument',
      'database.startTransaction', 'database.insertDocument', 'database.abortTransaction', 'database.getDocument',
    ])
    expect(sent()[5]).toMatchObject(tx('tx2'))
  })

  it('answers a replay with the first report whatever error the claim met, and passes the error on when the key is free', async () => {
    cap.server.once('database.insertDocument', errorReply('DATABASE_REQUEST_FAILED', 'E11000'), errorReply('DATABASE_REQUEST_FAILED', 'E11000'))
    cap.server.once('database.getDocument', docsReply({ _id: 'k-3', reportId: 'r_first', createdAt: at(0) }))
    expect(await wireStore().cases.createReport(newCase({ n: 1, requestKey: 'k-3' }))).toEqual({ reportId: 'r_first', created: false })
    await expect(wireStore().cases.createReport(newCase({ n: 1, requestKey: 'k-4' }))).rejects.toMatchObject({ code: 'DATABASE_REQUEST_FAILED' })
  })

  it('gives up after five conflicts and passes the last one on', async () => {
    cap.server.respond((req) => (req.action === 'database.insertDocument' ? errorReply('DATABASE_TRANSACTION_CONFLICT') : undefined))
    await expect(wireStore().cases.createReport(newCase({ n: 1 }))).rejects.toMatchObject({ code: 'DATABASE_TRANSACTION_CONFLICT' })
    expect(cap.server.actions().filter((a) => a === 'database.startTransaction')).toHaveLength(5)
  })

  it('changes a task inside a transaction after checking the version it was read at', async () => {
    const input = newCase({ n: 1 })
    const change = acceptChange(input.task, at(2))
    const submitted = input.events.map(({ taskId, ...e }) => e)
    cap.server.once('database.getDocument', docsReply({ _id: 't_1', ...taskBody, dueKey: input.task.dueAt, timeline: submitted }))
    expect(await wireStore().cases.saveTaskChange(change)).toBe(true)
    expect(sent()).toEqual([
      { action: 'database.startTransaction' },
      { action: 'database.getDocument', collection: 'tasks', query: { _id: 't_1' }, queryType: 'DOC', multi: false, ...tx('tx1') },
      {
        action: 'database.modifyDocument', collection: 'tasks', query: { _id: 't_1' }, queryType: 'DOC', multi: false, merge: false, upsert: true, ...tx('tx1'),
        // the new timeline line is appended to the ones the task already had
        data: asEjson({ ...withoutId(change.task), dueKey: change.task.dueAt, timeline: [...submitted, ...change.events.map(({ taskId, ...e }) => e)] }),
      },
      { action: 'database.insertDocument', collection: 'messages', data: [asEjson({ _id: change.messages[0].id, ...withoutId(change.messages[0]) })], ...tx('tx1') },
      { action: 'database.commitTransaction', ...tx('tx1') },
    ])
  })

  it('refuses a change made at a stale version without writing anything', async () => {
    cap.server.once('database.getDocument', docsReply({ _id: 't_1', ...taskBody, version: 2 }))
    expect(await wireStore().cases.saveTaskChange(acceptChange(newCase({ n: 1 }).task, at(2)))).toBe(false)
    expect(cap.server.actions()).toEqual(['database.startTransaction', 'database.getDocument', 'database.abortTransaction'])
  })

  it('retries a conflict inside the transaction and then sees the winner’s version', async () => {
    cap.server.once('database.getDocument', docsReply({ _id: 't_1', ...taskBody }), docsReply({ _id: 't_1', ...taskBody, version: 2 }))
    cap.server.once('database.modifyDocument', errorReply('DATABASE_TRANSACTION_CONFLICT', 'write conflict'))
    expect(await wireStore().cases.saveTaskChange(acceptChange(newCase({ n: 1 }).task, at(2)))).toBe(false)
    expect(sent().map((r) => [r.action, r.transactionId])).toEqual([
      ['database.startTransaction', undefined], ['database.getDocument', 'tx1'], ['database.modifyDocument', 'tx1'], ['database.abortTransaction', 'tx1'],
      ['database.startTransaction', undefined], ['database.getDocument', 'tx2'], ['database.abortTransaction', 'tx2'],
    ])
  })

  it('patches the report in the same transaction when a rating comes with the change, without reading it first', async () => {
    const input = newCase({ n: 1 })
    const rating = { stars: 5, solved: true, at: at(3) }
    cap.server.once('database.getDocument', docsReply({ _id: 't_1', ...taskBody }))
    cap.server.once('database.modifyDocument', { requestId: 'req', data: { updated: 1 } }, { requestId: 'req', data: { updated: 1 } })
    expect(await wireStore().cases.saveTaskChange({ ...acceptChange(input.task, at(3)), reportPatch: { rating } })).toBe(true)
    const patch = sent().slice(-2, -1)[0]
    expect(patch).toMatchObject({ action: 'database.modifyDocument', collection: 'reports', query: { _id: 'r_1' }, queryType: 'DOC', ...tx('tx1') })
    expect(patch.data).toEqual({ $set: { rating: asEjson(rating) } })
    expect(sent().filter((r) => r.action === 'database.getDocument')).toHaveLength(1)
  })

  it('aborts and passes on a failure that is not a conflict', async () => {
    cap.server.once('database.getDocument', docsReply({ _id: 't_1', ...taskBody }))
    cap.server.once('database.commitTransaction', errorReply('DATABASE_TIMEOUT', 'timeout'))
    await expect(wireStore().cases.saveTaskChange(acceptChange(newCase({ n: 1 }).task, at(2)))).rejects.toMatchObject({ code: 'DATABASE_TIMEOUT' })
    expect(cap.server.actions().slice(-2)).toEqual(['database.commitTransaction', 'database.abortTransaction'])
  })

  it('throws before sending anything when the new version is not the expected one plus one', async () => {
    const change = acceptChange(newCase({ n: 1 }).task, at(2))
    await expect(wireStore().cases.saveTaskChange({ ...change, task: { ...change.task, version: 7 } })).rejects.toThrow(/version/)
    expect(cap.server.requests).toEqual([])
  })

  it("hands out a day's first 工单编号 by inserting its counter, and the next ones by _.inc(1) on it, each in a transaction", async () => {
    cap.server.once('database.getDocument', docsReply(), docsReply({ _id: '20251201', seq: 4 }))
    expect(await wireStore().cases.nextCaseSequence('20251201')).toBe(1)
    expect(await wireStore().cases.nextCaseSequence('20251201')).toBe(5)
    const read = (id: string) => ({ action: 'database.getDocument', collection: 'case_sequences', query: { _id: '20251201' }, queryType: 'DOC', multi: false, ...tx(id) })
    expect(sent()).toEqual([
      { action: 'database.startTransaction' },
      read('tx1'),
      { action: 'database.insertDocument', collection: 'case_sequences', data: [{ _id: '20251201', seq: int(1) }], ...tx('tx1') },
      { action: 'database.commitTransaction', ...tx('tx1') },
      { action: 'database.startTransaction' },
      read('tx2'),
      { action: 'database.modifyDocument', collection: 'case_sequences', query: { _id: '20251201' }, queryType: 'DOC', multi: false, merge: true, upsert: false, data: { $inc: { seq: int(1) } }, ...tx('tx2') },
      { action: 'database.commitTransaction', ...tx('tx2') },
    ])
  })

  it('starts a number again when another call won the counter, and reads the number it wrote', async () => {
    cap.server.once('database.getDocument', docsReply(), docsReply({ _id: '20251201', seq: 1 }))
    cap.server.once('database.insertDocument', errorReply('DATABASE_DUPLICATE_WRITE', 'E11000 duplicate key'))
    expect(await wireStore().cases.nextCaseSequence('20251201')).toBe(2)
    expect(sent().map((r) => [r.action, r.transactionId])).toEqual([
      ['database.startTransaction', undefined], ['database.getDocument', 'tx1'], ['database.insertDocument', 'tx1'], ['database.abortTransaction', 'tx1'],
      ['database.startTransaction', undefined], ['database.getDocument', 'tx2'], ['database.modifyDocument', 'tx2'], ['database.commitTransaction', 'tx2'],
    ])
  })

  it('passes on a failure of the counter that is not a conflict, and refuses a day that is not YYYYMMDD before sending anything', async () => {
    cap.server.once('database.commitTransaction', errorReply('DATABASE_TIMEOUT', 'timeout'))
    await expect(wireStore().cases.nextCaseSequence('20251201')).rejects.toMatchObject({ code: 'DATABASE_TIMEOUT' })
    const before = cap.server.requests.length
    await expect(wireStore().cases.nextCaseSequence('2025121')).rejects.toThrow(/YYYYMMDD/)
    expect(cap.server.requests).toHaveLength(before)
  })

  it('stores an undated task with the largest date as its sort key', async () => {
    await wireStore().cases.createReport(newCase({ n: 1, dueAt: null }))
    expect(sent()[2].data[0]).toMatchObject({ dueAt: null, dueKey: long(UNDATED) })
  })
})
