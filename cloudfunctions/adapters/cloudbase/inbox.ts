import type { Db } from '@cloudbase/database'
import type { PageOf, PageQuery } from '../../app/ports'
import type { Task } from '../../../shared/model'
import { OPEN_STATUSES } from '../../../shared/workflow/status'
import { decodeCursor, fetchSize, pageSize, toPage } from '../paging'
import { COLLECTIONS } from './docs'
import { query, type SortField } from './keyset'
import { taskFromDoc, UNDATED } from './lists'

// A worker's inbox with the tasks handed to them as a substitute: the open tasks of their
// grids or assigned to them, in the inbox's order, still one query. Each side of the `or`
// names its own index (gridId … and assigneeId, status, dueKey, createdAt, _id:
// docs/deploy.md), so the database can serve both; the cursor is the plain inbox's.
const INBOX: SortField[] = [{ field: 'dueKey', dir: 'asc' }, { field: 'createdAt', dir: 'asc' }, { field: '_id', dir: 'asc' }]

export async function listInboxWithAssigned(db: Db, gridIds: string[], assigneeId: string, page: PageQuery): Promise<PageOf<Task>> {
  const limit = pageSize(page.limit)
  const _ = db.command
  const open = _.in([...OPEN_STATUSES])
  const where = _.or([
    ...(gridIds.length > 0 ? [{ gridId: _.in(gridIds), status: open }] : []),
    { assigneeId, status: open },
  ])
  let key: (string | number)[] | undefined
  if (page.cursor) {
    const [due, created, id] = decodeCursor('inbox', page.cursor, ['number?', 'number', 'string'])
    key = [due ?? UNDATED, created as number, id as string]
  }
  const docs = await query(db, COLLECTIONS.tasks, where, INBOX, fetchSize(limit), key)
  return toPage(docs.map(taskFromDoc), limit, 'inbox', (t) => [t.dueAt, t.createdAt, t.id])
}
