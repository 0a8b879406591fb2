import { OPEN_STATUSES } from '../../../shared/workflow/status'
import { UNDATED } from '../../../cloudfunctions/adapters/cloudbase/lists'
import { fileDocId } from '../../../cloudfunctions/adapters/cloudbase/docs'
import { encodeCursor } from '../../../cloudfunctions/adapters/paging'
import { docsReply, errorReply } from './captureServer'
import { useCaptureServer } from './sdkEnv'
import { dbRequest, int, long, T0, wireStore } from './wire'

// What the CloudBase store sends for each read, and how it takes the answers.
const cap = useCaptureServer()

const taskDoc = (n: number, dueAt: number | null) => ({
  _id: `t_${n}`, kind: 'report', reportId: `r_${n}`, caseNumber: `20250303${String(n).padStart(5, '0')}`, category: 'garbage',
  gridId: 'g1', queue: { scope: 'grid', id: 'g1' }, area: { communityId: 'c1', streetId: 's1' },
  level: 'grid', status: 'assigned', assigneeId: 'u_w1', acceptedById: null, acceptDueAt: T0, resolveDueAt: null, dueAt,
  reopenCount: 0, returnCount: 0, warnAt: dueAt, checkAt: dueAt, version: 1, createdAt: T0 + n, updatedAt: T0 + n, dueKey: dueAt ?? UNDATED,
})

describe('CloudBase store reads on the wire', () => {
  it('reads one person by _id and drops the fields only the database keeps', async () => {
    cap.server.once('database.getDocument', docsReply({ _id: 'u_1', _openid: 'client-writer', openid: 'o_1', name: '张三', role: 'resident', phone: '1', gridIds: [] }))
    expect(await wireStore().reference.getUser('u_1')).toEqual({ id: 'u_1', name: '张三', role: 'resident', phone: '1', gridIds: [] })
    expect(cap.server.requests.map(dbRequest)).toEqual([
      { action: 'database.getDocument', collection: 'users', query: { _id: 'u_1' }, queryType: 'DOC', multi: false },
    ])
    expect(cap.server.requests[0].env).toBe('gridlink-test-1a2b3c')
    expect(await wireStore().reference.getGrid('nope')).toBeNull()
  })

  const readOne = { getUser: (id: string) => wireStore().reference.getUser(id), getGrid: (id: string) => wireStore().reference.getGrid(id),
    getCommunity: (id: string) => wireStore().reference.getCommunity(id), getStreet: (id: string) => wireStore().reference.getStreet(id),
    getReport: (id: string) => wireStore().cases.getReport(id), getTask: (id: string) => wireStore().cases.getTask(id) }
  it.each([['getUser', 'users'], ['getReport', 'reports'], ['getTask', 'tasks']] as const)('%s reads one document by _id from %s', async (method, collection) => {
    cap.server.once('database.getDocument', docsReply({ _id: 'x1', name: '甲', dueKey: 1 }))
    const record = await readOne[method]('x1')
    expect(record).toMatchObject({ id: 'x1', name: '甲' })
    expect(record).not.toHaveProperty('_id')
    expect(cap.server.requests.map(dbRequest)).toEqual([{ action: 'database.getDocument', collection, query: { _id: 'x1' }, queryType: 'DOC', multi: false }])
  })

  // the grid map is kept as versions (cloudfunctions/adapters/cloudbase/mapDocs.ts): a record, its
  // versions `<id>:<generation>` and the collection's marker come back from one query by _id
  it.each([['getGrid', 'grids'], ['getCommunity', 'communities'], ['getStreet', 'streets']] as const)("%s reads one map record from %s in one query, as its marker's generation shows it", async (method, collection) => {
    const version = (gen: number, name: string) => ({ _id: `x1:${gen}`, name, _map: { id: 'x1', gen } })
    cap.server.once('database.getDocument', docsReply({ _id: '!map', generation: 2 }, { _id: 'x1', name: '甲' }, version(2, '乙'), version(3, '未提交')))
    expect(await readOne[method]('x1')).toEqual({ id: 'x1', name: '乙' })
    expect(cap.server.requests.map(dbRequest)).toEqual([{
      action: 'database.getDocument', collection, queryType: 'WHERE', limit: 100,
      query: { $or: [{ _id: { $in: ['!map', 'x1'] } }, { $and: [{ _id: { $gte: 'x1:' } }, { _id: { $lt: 'x1;' } }] }] },
    }])
  })

  const readAllOf = { listGrids: () => wireStore().reference.listGrids(), listCommunities: () => wireStore().reference.listCommunities(), listStreets: () => wireStore().reference.listStreets() }
  it.each([['listGrids', 'grids'], ['listCommunities', 'communities'], ['listStreets', 'streets']] as const)('%s reads all of %s by _id order', async (method, collection) => {
    cap.server.once('database.getDocument', docsReply({ _id: 'a' }, { _id: 'b' }))
    expect((await readAllOf[method]()).map((r) => r.id)).toEqual(['a', 'b'])
    expect(cap.server.requests.map(dbRequest)).toEqual([{ action: 'database.getDocument', collection, queryType: 'WHERE', query: {}, order: { _id: int(1) }, limit: 1000 }])
  })

  it('finds tasks by a list of ids without their sort key, and asks nothing for an empty list', async () => {
    cap.server.once('database.getDocument', docsReply(taskDoc(2, null), taskDoc(1, T0)))
    const tasks = await wireStore().cases.getTasks(['t_1', 't_2', 't_9'])
    expect(tasks.map((t) => t.id)).toEqual(['t_1', 't_2'])
    expect(tasks[1]).not.toHaveProperty('dueKey')
    expect(dbRequest(cap.server.requests[0])).toEqual({ action: 'database.getDocument', collection: 'tasks', queryType: 'WHERE', query: { _id: { $in: ['t_1', 't_2', 't_9'] } }, limit: 3 })
    expect(await wireStore().cases.getTasks([])).toEqual([])
    expect(await wireStore().reference.getUsers([])).toEqual([])
    expect(cap.server.requests).toHaveLength(1)
  })

  it('finds a page of tasks\' reports in one query, in the order asked', async () => {
    cap.server.once('database.getDocument', docsReply({ _id: 'r_2', description: '二' }, { _id: 'r_1', description: '一' }))
    const reports = await wireStore().cases.getReports(['r_1', 'r_2', 'r_9'])
    expect(reports.map((r) => [r.id, r.description])).toEqual([['r_1', '一'], ['r_2', '二']])
    expect(dbRequest(cap.server.requests[0])).toEqual({ action: 'database.getDocument', collection: 'reports', queryType: 'WHERE', query: { _id: { $in: ['r_1', 'r_2', 'r_9'] } }, limit: 3 })
    expect(await wireStore().cases.getReports([])).toEqual([])
    expect(cap.server.requests).toHaveLength(1)
  })

  it('finds people by a list of ids in the order asked, asking 1,000 ids a query', async () => {
    const ids = Array.from({ length: 1001 }, (_, i) => `u_${String(i).padStart(4, '0')}`)
    cap.server.once('database.getDocument', docsReply({ _id: 'u_0002', name: 'b' }, { _id: 'u_0000', name: 'a' }), docsReply({ _id: 'u_1000', name: 'c' }))
    const found = await wireStore().reference.getUsers([...ids, 'u_0000'])
    expect(found.map((u) => u.id)).toEqual(['u_0000', 'u_0002', 'u_1000'])
    const [first, second] = cap.server.requests.map(dbRequest)
    expect(first).toEqual({ action: 'database.getDocument', collection: 'users', queryType: 'WHERE', query: { _id: { $in: ids.slice(0, 1000) } }, limit: 1000 })
    expect(second).toEqual({ action: 'database.getDocument', collection: 'users', queryType: 'WHERE', query: { _id: { $in: ['u_1000'] } }, limit: 1 })
  })

  it('lists every grid past the 1,000-document cap by walking on from the last _id', async () => {
    const page = Array.from({ length: 1000 }, (_, i) => ({ _id: `g_${String(i).padStart(4, '0')}`, name: `网格${i}` }))
    cap.server.once('database.getDocument', docsReply(...page), docsReply({ _id: 'g_1000', name: '网格1000' }))
    expect(await wireStore().reference.listGrids()).toHaveLength(1001)
    expect(cap.server.requests.map(dbRequest)).toEqual([
      { action: 'database.getDocument', collection: 'grids', queryType: 'WHERE', query: {}, order: { _id: int(1) }, limit: 1000 },
      { action: 'database.getDocument', collection: 'grids', queryType: 'WHERE', query: { $and: [{}, { _id: { $gt: 'g_0999' } }] }, order: { _id: int(1) }, limit: 1000 },
    ])
  })

  it('asks for the inbox by grid and open status, earliest deadline first, one more than the page', async () => {
    cap.server.once('database.getDocument', docsReply(taskDoc(1, T0 + 5), taskDoc(2, null), taskDoc(3, null)))
    const page = await wireStore().cases.listOpenTasksForGrids(['g1', 'g2'], { limit: 2 })
    expect(page.items.map((t) => [t.id, t.dueAt])).toEqual([['t_1', T0 + 5], ['t_2', null]])
    expect(page.items[0]).not.toHaveProperty('dueKey')
    expect(dbRequest(cap.server.requests[0])).toEqual({
      action: 'database.getDocument', collection: 'tasks', queryType: 'WHERE',
      query: { gridId: { $in: ['g1', 'g2'] }, status: { $in: [...OPEN_STATUSES] } },
      order: { dueKey: int(1), createdAt: int(1), _id: int(1) }, limit: 3,
    })
    expect(page.nextCursor).toBe(encodeCursor('inbox', [null, T0 + 2, 't_2']))
  })

  it('continues the inbox after an undated task from the largest date, so undated tasks come last', async () => {
    await wireStore().cases.listOpenTasksForGrids(['g1'], { limit: 2, cursor: encodeCursor('inbox', [null, T0 + 2, 't_2']) })
    expect(dbRequest(cap.server.requests[0]).query).toEqual({
      $and: [
        { gridId: { $in: ['g1'] }, status: { $in: [...OPEN_STATUSES] } },
        { $or: [
          { dueKey: { $gt: long(UNDATED) } },
          { dueKey: long(UNDATED), createdAt: { $gt: long(T0 + 2) } },
          { dueKey: long(UNDATED), createdAt: long(T0 + 2), _id: { $gt: 't_2' } },
        ] },
      ],
    })
  })

  it("pages a reporter's reports and a person's messages newest first", async () => {
    const store = wireStore()
    await store.cases.listReportsByReporter('u_res', { limit: 10, cursor: encodeCursor('reports', [T0, 'r_9']) })
    await store.messages.listMessages('u_res', { limit: 20 })
    expect(cap.server.requests.map(dbRequest)).toEqual([
      {
        action: 'database.getDocument', collection: 'reports', queryType: 'WHERE',
        query: { $and: [{ reporterId: 'u_res' }, { $or: [{ createdAt: { $lt: long(T0) } }, { createdAt: long(T0), _id: { $lt: 'r_9' } }] }] },
        order: { createdAt: int(-1), _id: int(-1) }, limit: 11,
      },
      { action: 'database.getDocument', collection: 'messages', queryType: 'WHERE', query: { userId: 'u_res' }, order: { createdAt: int(-1), _id: int(-1) }, limit: 21 },
    ])
  })

  it('asks for 1,000 at the cap and gives a full page a cursor, since the extra document cannot be fetched', async () => {
    const docs = Array.from({ length: 1000 }, (_, i) => ({ _id: `m_${i}`, userId: 'u', createdAt: T0 - i }))
    cap.server.once('database.getDocument', docsReply(...docs))
    const page = await wireStore().messages.listMessages('u', { limit: 5000 })
    expect(dbRequest(cap.server.requests[0]).limit).toBe(1000)
    expect(page.items).toHaveLength(1000)
    expect(page.nextCursor).toBe(encodeCursor('messages', [T0 - 999, 'm_999']))
  })

  it('reads the timeline from its task document, in the order it was written', async () => {
    const line = (id: string, at: number) => ({ id, at, actorId: 'u', actorName: 'u', action: 'submit', text: '提交' })
    cap.server.once('database.getDocument', docsReply({ ...taskDoc(1, T0), timeline: [line('e1', T0), line('e2', T0)] }))
    expect(await wireStore().cases.listTimeline('t_1')).toEqual([{ ...line('e1', T0), taskId: 't_1' }, { ...line('e2', T0), taskId: 't_1' }])
    expect(dbRequest(cap.server.requests[0])).toEqual({ action: 'database.getDocument', collection: 'tasks', query: { _id: 't_1' }, queryType: 'DOC', multi: false })
    expect(await wireStore().cases.listTimeline('nope')).toEqual([])
  })

  it('never hands the timeline out as part of a task', async () => {
    cap.server.once('database.getDocument', docsReply({ ...taskDoc(1, T0), timeline: [{ id: 'e1' }] }))
    expect(await wireStore().cases.getTask('t_1')).not.toHaveProperty('timeline')
  })

  it('counts unread messages and marks them read with one update of the matching documents', async () => {
    cap.server.once('database.calculateDocument', { requestId: 'req', data: { total: 7 } })
    const store = wireStore()
    expect(await store.messages.countUnread('u_1')).toBe(7)
    await store.messages.markRead('u_1', ['m_1', 'm_2'], T0)
    await store.messages.markRead('u_1', [], T0)
    await store.messages.markRead('u_1', 'all', T0)
    expect(cap.server.requests.map(dbRequest)).toEqual([
      { action: 'database.calculateDocument', collection: 'messages', queryType: 'WHERE', query: { userId: 'u_1', readAt: null } },
      { action: 'database.modifyDocument', collection: 'messages', queryType: 'WHERE', query: { userId: 'u_1', readAt: null, _id: { $in: ['m_1', 'm_2'] } }, data: { $set: { readAt: long(T0) } }, multi: true, merge: true, upsert: false },
      { action: 'database.modifyDocument', collection: 'messages', queryType: 'WHERE', query: { userId: 'u_1', readAt: null }, data: { $set: { readAt: long(T0) } }, multi: true, merge: true, upsert: false },
    ])
  })

  it('finds known files by their record and checks new uploads with storage before recording them', async () => {
    const upload = `cloud://gridlink-test-1a2b3c.6772-gridlink-test-1a2b3c-1300000000/photos/u_res/${'ab'.repeat(16)}.jpg`
    const otherEnv = `cloud://other-env.6772-other-1300000000/photos/u_res/${'cd'.repeat(16)}.jpg`
    const known = { id: 'f_1', ownerId: 'u_res', mime: 'image/png', size: 10, createdAt: T0 }
    cap.server.once('database.getDocument', docsReply({ _id: fileDocId('f_1'), ...known, check: { status: 'pass' } }))
    const files = await wireStore(T0 + 1).files.getFiles([upload, 'f_1', otherEnv, 'junk'])
    expect(files).toEqual([{ id: upload, ownerId: 'u_res', mime: 'image/jpeg', size: 0, createdAt: T0 + 1 }, known])
    expect(cap.server.requests.map(dbRequest)).toEqual([
      { action: 'database.getDocument', collection: 'files', queryType: 'WHERE', query: { _id: { $in: [upload, 'f_1', otherEnv, 'junk'].map(fileDocId) } }, limit: 4 },
      { action: 'storage.batchGetDownloadUrl', file_list: [{ fileid: upload, max_age: 3600 }] },
      { action: 'database.insertDocument', collection: 'files', data: [{ _id: fileDocId(upload), id: upload, ownerId: 'u_res', mime: 'image/jpeg', size: int(0), createdAt: long(T0 + 1) }] },
    ])
  })

  it('skips an upload id that storage does not know', async () => {
    const upload = `cloud://gridlink-test-1a2b3c.bucket-1/photos/u_res/${'ef'.repeat(16)}.png`
    cap.server.once('storage.batchGetDownloadUrl', { requestId: 'req', data: { download_list: [{ fileID: upload, tempFileURL: '', code: 'STORAGE_FILE_NONEXIST' }] } })
    expect(await wireStore().files.getFiles([upload])).toEqual([])
    expect(cap.server.actions()).toEqual(['database.getDocument', 'storage.batchGetDownloadUrl'])
  })

  it('passes an error reply on as a rejection carrying its code', async () => {
    cap.server.once('database.getDocument', errorReply('DATABASE_COLLECTION_NOT_EXIST', 'Db or Table not exist'))
    await expect(wireStore().cases.getTask('t_1')).rejects.toMatchObject({ code: 'DATABASE_COLLECTION_NOT_EXIST', message: 'Db or Table not exist' })
  })

  it('refuses a foreign cursor before sending anything', async () => {
    await expect(wireStore().messages.listMessages('u', { limit: 5, cursor: encodeCursor('inbox', [1, 2, 'x']) })).rejects.toMatchObject({ code: 'VALIDATION' })
    expect(cap.server.requests).toEqual([])
  })
})
