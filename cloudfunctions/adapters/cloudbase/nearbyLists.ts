import type { Db } from '@cloudbase/database'
import type { NearbyQuery, PageOf, PageQuery } from '../../app/ports'
import type { Report, Task } from '../../../shared/model'
import { decodeCursor, fetchSize, pageSize, toPage } from '../paging'
import { COLLECTIONS, fromDoc } from './docs'
import { query, type SortField } from './keyset'
import { taskFromDoc } from './taskDocs'

// "Me too" and the public board, each one query on one index (docs/deploy.md): a category's
// reports of the last days inside a box (`category`, `createdAt` ↓; the box rides along on
// the few documents of that range), and a grid's resolved cases by the latest resolution
// (`gridId`, `status`, `resolvedAt` ↓, `_id` ↓).

const NEWEST: SortField[] = [{ field: 'createdAt', dir: 'desc' }, { field: '_id', dir: 'desc' }]
const LATEST_RESOLVED: SortField[] = [{ field: 'resolvedAt', dir: 'desc' }, { field: '_id', dir: 'desc' }]
/** The board lists what was resolved: a case stays on it once closed after its resolution. */
const ON_BOARD = ['resolved', 'closed']

export async function listNearbyReports(db: Db, q: NearbyQuery): Promise<Report[]> {
  const _ = db.command
  const where = {
    category: q.category,
    createdAt: _.gte(q.since),
    'location.lat': _.and([_.gte(q.box.minLat), _.lte(q.box.maxLat)]),
    'location.lng': _.and([_.gte(q.box.minLng), _.lte(q.box.maxLng)]),
  }
  const docs = await query(db, COLLECTIONS.reports, where, NEWEST, pageSize(q.limit))
  return docs.map((d) => fromDoc<Report>(d))
}

export async function listResolvedForGrid(db: Db, gridId: string, page: PageQuery): Promise<PageOf<Task>> {
  const limit = pageSize(page.limit)
  const key = page.cursor ? (decodeCursor('board', page.cursor, ['number', 'string']) as [number, string]) : undefined
  const docs = await query(db, COLLECTIONS.tasks, { gridId, status: db.command.in(ON_BOARD) }, LATEST_RESOLVED, fetchSize(limit), key)
  return toPage(docs.map(taskFromDoc), limit, 'board', (t) => [t.resolvedAt ?? 0, t.id])
}
