import type { Db } from '@cloudbase/database'
import type { AreaFilter, AreaRef, PageOf, PageQuery } from '../../app/ports'
import type { Task } from '../../../shared/model'
import { OPEN_STATUSES } from '../../../shared/workflow/status'
import { pageSize } from '../paging'
import { COLLECTIONS } from './docs'
import { query } from './keyset'
import { openPage, taskFromDoc, UNDATED } from './lists'

// The dispatchers' console and the escalate job's sweep, each one query on one index of
// `tasks` (docs/deploy.md): an area is `area.communityId` or `area.streetId` (fields of the
// task itself, nested), the whole district is the open states alone; the console's other
// filters ride along on the index the area picked. One read a page, one read a count.

const OPEN_BUT_EXTENSION = OPEN_STATUSES.filter((s) => s !== 'extension_requested')

/** The query of an area's open tasks narrowed by a console filter: every filter given holds. */
function areaQuery(db: Db, area: AreaRef, filter: AreaFilter): Record<string, unknown> {
  const _ = db.command
  const where: Record<string, unknown> = {}
  if ('communityId' in area) where['area.communityId'] = area.communityId
  else if ('streetId' in area) where['area.streetId'] = area.streetId
  // the state stays an `in`, so the area's index (…, status, dueKey, …) serves it whichever filter is set
  const states = filter.extensionRequested === undefined ? OPEN_STATUSES : filter.extensionRequested ? ['extension_requested'] : OPEN_BUT_EXTENSION
  where.status = _.in([...states])
  if (filter.level !== undefined) where.level = filter.level
  if (filter.gridId !== undefined) where.gridId = filter.gridId
  if (filter.queued !== undefined) where['queue.scope'] = filter.queued ? _.neq('grid') : 'grid'
  // an undated task's dueKey is UNDATED: never before anything
  if (filter.dueBefore !== undefined) where.dueKey = _.lt(Math.min(filter.dueBefore, UNDATED))
  return where
}

export function listArea(db: Db, area: AreaRef, filter: AreaFilter, page: PageQuery): Promise<PageOf<Task>> {
  return openPage(db, areaQuery(db, area, filter), page, 'area')
}

export async function countArea(db: Db, area: AreaRef, filter: AreaFilter): Promise<number> {
  const res = await db.collection(COLLECTIONS.tasks).where(areaQuery(db, area, filter)).count()
  return res.total ?? 0
}

/** The task with this 工单编号 (index: caseNumber). */
export async function findByCaseNumber(db: Db, caseNumber: string): Promise<Task | null> {
  const res = await db.collection(COLLECTIONS.tasks).where({ caseNumber }).limit(1).get()
  const [doc] = res.data as Parameters<typeof taskFromDoc>[0][]
  return doc ? taskFromDoc(doc) : null
}

/** Open tasks whose next look is before `before`, by that instant (index: checkAt, _id); a null checkAt is no number, so never less. */
export async function listChecks(db: Db, before: number, limit: number): Promise<Task[]> {
  const _ = db.command
  const where = { checkAt: _.lt(before), status: _.in([...OPEN_STATUSES]) }
  const docs = await query(db, COLLECTIONS.tasks, where, [{ field: 'checkAt', dir: 'asc' }, { field: '_id', dir: 'asc' }], pageSize(limit))
  return docs.map(taskFromDoc)
}
