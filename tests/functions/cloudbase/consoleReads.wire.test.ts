import { OPEN_STATUSES } from '../../../shared/workflow/status'
import { UNDATED } from '../../../cloudfunctions/adapters/cloudbase/lists'
import { encodeCursor } from '../../../cloudfunctions/adapters/paging'
import { docsReply } from './captureServer'
import { useCaptureServer } from './sdkEnv'
import { dbRequest, int, long, T0, wireStore } from './wire'

// What the CloudBase store sends for the dispatchers' console and the escalate job: each list
// one query whose equality fields lead the index docs/deploy.md lists for it, in its order.
const cap = useCaptureServer()
const sent = () => cap.server.requests.map(dbRequest)
const open = { $in: [...OPEN_STATUSES] }
const INBOX_ORDER = { dueKey: int(1), createdAt: int(1), _id: int(1) }

describe("CloudBase store: the console's and the escalate job's reads on the wire", () => {
  it("asks for a community's, a street's and the district's open tasks by the area's own field, in the inbox's order", async () => {
    const store = wireStore()
    await store.cases.listArea({ communityId: 'c1' }, {}, { limit: 20 })
    await store.cases.listArea({ streetId: 's1' }, {}, { limit: 20 })
    await store.cases.listArea({ all: true }, {}, { limit: 20 })
    const page = (query: object) => ({ action: 'database.getDocument', collection: 'tasks', queryType: 'WHERE', query, order: INBOX_ORDER, limit: 21 })
    expect(sent()).toEqual([page({ 'area.communityId': 'c1', status: open }), page({ 'area.streetId': 's1', status: open }), page({ status: open })])
  })

  it('narrows by every filter given, the state still an `in` so the area index serves it', async () => {
    await wireStore().cases.listArea({ streetId: 's1' }, { level: 'street', gridId: 'g2', queued: true, dueBefore: T0, extensionRequested: true }, { limit: 5 })
    await wireStore().cases.listArea({ communityId: 'c1' }, { queued: false, extensionRequested: false }, { limit: 5 })
    expect(sent().map((r) => r.query)).toEqual([
      { 'area.streetId': 's1', status: { $in: ['extension_requested'] }, level: 'street', gridId: 'g2', 'queue.scope': { $ne: 'grid' }, dueKey: { $lt: long(T0) } },
      { 'area.communityId': 'c1', status: { $in: OPEN_STATUSES.filter((s) => s !== 'extension_requested') }, 'queue.scope': 'grid' },
    ])
  })

  it('continues an area after an undated task from the largest date, as the inbox does', async () => {
    await wireStore().cases.listArea({ communityId: 'c1' }, {}, { limit: 2, cursor: encodeCursor('area', [null, T0, 't_2']) })
    expect(sent()[0].query).toEqual({
      $and: [
        { 'area.communityId': 'c1', status: open },
        { $or: [
          { dueKey: { $gt: long(UNDATED) } },
          { dueKey: long(UNDATED), createdAt: { $gt: long(T0) } },
          { dueKey: long(UNDATED), createdAt: long(T0), _id: { $gt: 't_2' } },
        ] },
      ],
    })
  })

  it('counts with one count request on the same query', async () => {
    cap.server.once('database.calculateDocument', { requestId: 'req', data: { total: 12 } })
    expect(await wireStore().cases.countArea({ streetId: 's1' }, { level: 'community' })).toBe(12)
    expect(sent()).toEqual([{ action: 'database.calculateDocument', collection: 'tasks', queryType: 'WHERE', query: { 'area.streetId': 's1', status: open, level: 'community' } }])
  })

  it('finds a task by its 工单编号 with one query of one document', async () => {
    cap.server.once('database.getDocument', docsReply({ _id: 't_1', caseNumber: '2025030300001', dueKey: 1, timeline: [] }))
    expect(await wireStore().cases.findByCaseNumber('2025030300001')).toMatchObject({ id: 't_1', caseNumber: '2025030300001' })
    expect(await wireStore().cases.findByCaseNumber('2025030300002')).toBeNull()
    expect(sent()[0]).toEqual({ action: 'database.getDocument', collection: 'tasks', queryType: 'WHERE', query: { caseNumber: '2025030300001' }, limit: 1 })
  })

  it('sweeps open tasks by checkAt, and what is due by deadline with ties by creation time', async () => {
    await wireStore().cases.listChecks(T0, 50)
    await wireStore().cases.listDue(T0, 50, ['resolved'])
    expect(sent()).toEqual([
      { action: 'database.getDocument', collection: 'tasks', queryType: 'WHERE', query: { checkAt: { $lt: long(T0) }, status: open }, order: { checkAt: int(1), _id: int(1) }, limit: 50 },
      { action: 'database.getDocument', collection: 'tasks', queryType: 'WHERE', query: { status: { $in: ['resolved'] }, dueKey: { $lt: long(T0) } }, order: INBOX_ORDER, limit: 50 },
    ])
  })

  it('reads a task written before the console as lying in no known area, never returned, with nothing to look at', async () => {
    cap.server.once('database.getDocument', docsReply({ _id: 't_old', status: 'assigned', dueAt: T0, dueKey: T0, reopenCount: 0 }))
    expect(await wireStore().cases.getTask('t_old')).toEqual({
      id: 't_old', status: 'assigned', dueAt: T0, reopenCount: 0,
      area: { communityId: null, streetId: null }, returnCount: 0, warnAt: null, checkAt: null,
    })
  })
})
