import type { Db } from '@cloudbase/database'
import type { PageOf, PageQuery, QueueRef } from '../../app/ports'
import type { Message, Report, Task, TimelineEvent } from '../../../shared/model'
import { OPEN_STATUSES, type TaskStatus } from '../../../shared/workflow/status'
import { decodeCursor, fetchSize, pageSize, toPage } from '../paging'
import { eventsOf, taskFromDoc, TASK_QUERY_FIELDS, UNDATED } from './taskDocs'
import { COLLECTIONS, fromDoc, type Doc } from './docs'
import { query, type SortField } from './keyset'

// The lists the use cases page through, each served by one index (docs/deploy.md).

export { taskFromDoc, TASK_QUERY_FIELDS, UNDATED }


const REPORTS: SortField[] = [{ field: 'createdAt', dir: 'desc' }, { field: '_id', dir: 'desc' }]
const INBOX: SortField[] = [{ field: 'dueKey', dir: 'asc' }, { field: 'createdAt', dir: 'asc' }, { field: '_id', dir: 'asc' }]
const MESSAGES: SortField[] = [{ field: 'createdAt', dir: 'desc' }, { field: '_id', dir: 'desc' }]

export async function listReportsByReporter(db: Db, reporterId: string, page: PageQuery): Promise<PageOf<Report>> {
  const limit = pageSize(page.limit)
  const key = page.cursor ? (decodeCursor('reports', page.cursor, ['number', 'string']) as [number, string]) : undefined
  const docs = await query(db, COLLECTIONS.reports, { reporterId }, REPORTS, fetchSize(limit), key)
  return toPage(docs.map((d) => fromDoc<Report>(d)), limit, 'reports', (r) => [r.createdAt, r.id])
}

export async function listOpenTasksForGrids(db: Db, gridIds: string[], page: PageQuery): Promise<PageOf<Task>> {
  pageSize(page.limit) // a bad limit fails here too, not only when there are grids
  if (gridIds.length === 0) return { items: [], nextCursor: null }
  const _ = db.command
  return openPage(db, { gridId: _.in(gridIds), status: _.in([...OPEN_STATUSES]) }, page, 'inbox')
}

/** A dispatchers' queue: open tasks no grid holds, by deadline (index: queue.scope, queue.id, dueKey). */
export async function listQueue(db: Db, queue: QueueRef, page: PageQuery): Promise<PageOf<Task>> {
  const _ = db.command
  return openPage(db, { 'queue.scope': queue.scope, 'queue.id': queue.id, status: _.in([...OPEN_STATUSES]) }, page, 'queue')
}

/** Open tasks by deadline, undated last: the inbox's, the queues' and the console's order. */
export async function openPage(db: Db, where: object, page: PageQuery, list: string): Promise<PageOf<Task>> {
  const limit = pageSize(page.limit)
  let key: (string | number)[] | undefined
  if (page.cursor) {
    const [due, created, id] = decodeCursor(list, page.cursor, ['number?', 'number', 'string'])
    key = [due ?? UNDATED, created as number, id as string]
  }
  const docs = await query(db, COLLECTIONS.tasks, where, INBOX, fetchSize(limit), key)
  return toPage(docs.map(taskFromDoc), limit, list, (t) => [t.dueAt, t.createdAt, t.id])
}

/** What a job sweeps: tasks in these states due before `before`, earliest first (index: status, dueKey, createdAt, _id). */
export async function listDue(db: Db, before: number, limit: number, statuses: readonly TaskStatus[]): Promise<Task[]> {
  if (statuses.length === 0) return []
  const _ = db.command
  const where = { status: _.in([...statuses]), dueKey: _.lt(Math.min(before, UNDATED)) }
  const docs = await query(db, COLLECTIONS.tasks, where, INBOX, pageSize(limit))
  return docs.map(taskFromDoc)
}

/** A case's timeline, in the order written: it lives in its task document (cases.ts). */
export async function listTimeline(db: Db, taskId: string): Promise<TimelineEvent[]> {
  const res = await db.collection(COLLECTIONS.tasks).doc(taskId).get()
  const doc = (res.data as Doc[])[0]
  return doc ? eventsOf(doc) : []
}

export async function listMessages(db: Db, userId: string, page: PageQuery): Promise<PageOf<Message>> {
  const limit = pageSize(page.limit)
  const key = page.cursor ? (decodeCursor('messages', page.cursor, ['number', 'string']) as [number, string]) : undefined
  const docs = await query(db, COLLECTIONS.messages, { userId }, MESSAGES, fetchSize(limit), key)
  return toPage(docs.map((d) => fromDoc<Message>(d)), limit, 'messages', (m) => [m.createdAt, m.id])
}

export async function countUnread(db: Db, userId: string): Promise<number> {
  const res = await db.collection(COLLECTIONS.messages).where({ userId, readAt: null }).count()
  return res.total ?? 0
}

/** Only the caller's own unread messages change, so an earlier readAt is kept. */
export async function markRead(db: Db, userId: string, ids: string[] | 'all', at: number): Promise<void> {
  if (ids !== 'all' && ids.length === 0) return
  const _ = db.command
  const where = ids === 'all' ? { userId, readAt: null } : { userId, readAt: null, _id: _.in(ids) }
  await db.collection(COLLECTIONS.messages).where(where).update({ readAt: at })
}
