import type { Db } from '@cloudbase/database'
import type { PageOf, PageQuery } from '../../app/ports'
import type { Message, Report, Task, TimelineEvent } from '../../../shared/model'
import { OPEN_STATUSES } from '../../../shared/workflow/status'
import { decodeCursor, pageSize } from '../local/cursor'
import { COLLECTIONS, fromDoc, type Doc } from './docs'
import { fetchSize, query, toPage, type SortField } from './keyset'

// The lists the use cases page through, each served by one index (docs/deploy.md).

/**
 * Undated tasks sort last in the inbox, but the database sorts null first, so a task
 * document carries `dueKey`: its deadline, or this value (the largest Date) when it has none.
 */
export const UNDATED = 8_640_000_000_000_000
export const TASK_QUERY_FIELDS = ['dueKey'] as const
export const taskFromDoc = (doc: Doc) => fromDoc<Task>(doc, TASK_QUERY_FIELDS)

/** Timeline events carry `n`, their place within the write, to keep same-millisecond order. */
export const EVENT_QUERY_FIELDS = ['n'] as const

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
  const limit = pageSize(page.limit)
  if (gridIds.length === 0) return { items: [], nextCursor: null }
  let key: (string | number)[] | undefined
  if (page.cursor) {
    const [due, created, id] = decodeCursor('inbox', page.cursor, ['number?', 'number', 'string'])
    key = [due ?? UNDATED, created as number, id as string]
  }
  const _ = db.command
  const where = { gridId: _.in(gridIds), status: _.in([...OPEN_STATUSES]) }
  const docs = await query(db, COLLECTIONS.tasks, where, INBOX, fetchSize(limit), key)
  return toPage(docs.map(taskFromDoc), limit, 'inbox', (t) => [t.dueAt, t.createdAt, t.id])
}

export async function listTimeline(db: Db, taskId: string): Promise<TimelineEvent[]> {
  const order: SortField[] = [{ field: 'at', dir: 'asc' }, { field: 'n', dir: 'asc' }, { field: '_id', dir: 'asc' }]
  const out: TimelineEvent[] = []
  let key: (string | number)[] | undefined
  for (;;) {
    const docs = await query(db, COLLECTIONS.timeline, { taskId }, order, 1000, key)
    out.push(...docs.map((d) => fromDoc<TimelineEvent>(d, EVENT_QUERY_FIELDS)))
    if (docs.length < 1000) return out
    const last = docs[docs.length - 1]
    key = [last.at, last.n, last._id]
  }
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
