import type { AreaFilter, AreaRef } from '../../app/ports'
import { OPEN_STATUSES } from '../../../shared/workflow/status'
import { TASK_SELECT } from './rows'

// The task lists' SQL: the inbox, the queues, the console's areas and the escalate job's
// sweep. Each is answered from a partial index of open tasks (migrations.ts), so every query
// repeats the index's IN list term for term, or SQLite silently skips the index.

export const OPEN_IN = OPEN_STATUSES.map((s) => `'${s}'`).join(',')

export type After = 'none' | 'due' | 'undated'

// the inbox's order: the deadline, undated last, then creation time and id
const ORDER = 'ORDER BY due_at IS NULL, due_at, created_at, id'
const KEYSET: Record<After, string> = {
  none: '',
  // nulls sort last, so past a dated row come later-dated rows and then all undated ones
  due: 'AND (due_at IS NULL OR (due_at, created_at, id) > (@due, @created, @id))',
  undated: 'AND due_at IS NULL AND (created_at, id) > (@created, @id)',
}
// The same keys for an index that holds the order itself (due_at IS NULL first): past an
// undated row as a row value, since `due_at IS NULL AND …` makes SQLite sort the undated rows
// it then reads (a TEMP B-TREE for the last terms) instead of walking the index.
const ORDERED_KEYSET: Record<After, string> = {
  ...KEYSET,
  undated: 'AND (due_at IS NULL, created_at, id) > (1, @created, @id)',
}

/** The inbox and queue queries; exported so a test can check that their plans use the partial indexes. */
export function openTasksSql(after: After, by: 'grids' | 'queue' | 'gridsOrAssignee' = 'grids'): string {
  const which = {
    grids: `grid_id IN (SELECT value FROM json_each(@grids)) AND status IN (${OPEN_IN})`,
    queue: `queue_scope = @scope AND queue_id = @queue AND queue_scope IN ('community', 'street', 'district') AND status IN (${OPEN_IN})`,
    // each side repeats the status list, so SQLite serves each from its partial index (a MULTI-INDEX OR)
    gridsOrAssignee: `((grid_id IN (SELECT value FROM json_each(@grids)) AND status IN (${OPEN_IN})) OR (assignee_id = @assignee AND status IN (${OPEN_IN})))`,
  }[by]
  const keyset = by === 'queue' ? ORDERED_KEYSET : KEYSET
  return `SELECT ${TASK_SELECT} FROM tasks
    WHERE ${which} ${keyset[after]}
    ${ORDER} LIMIT @limit`
}

/** The conditions and named parameters of an area's open tasks narrowed by a console filter. */
export function areaWhere(area: AreaRef, filter: AreaFilter): { sql: string; params: Record<string, string | number> } {
  const terms: string[] = []
  const params: Record<string, string | number> = {}
  if ('communityId' in area) {
    terms.push('community_id = @area')
    params.area = area.communityId
  } else if ('streetId' in area) {
    // a street's tasks carry its id whichever of its communities they lie in
    terms.push('street_id = @area')
    params.area = area.streetId
  }
  terms.push(`status IN (${OPEN_IN})`)
  if (filter.level !== undefined) {
    terms.push('level = @level')
    params.level = filter.level
  }
  if (filter.gridId !== undefined) {
    terms.push('grid_id = @grid')
    params.grid = filter.gridId
  }
  if (filter.queued !== undefined) terms.push(filter.queued ? "queue_scope <> 'grid'" : "queue_scope = 'grid'")
  if (filter.dueBefore !== undefined) {
    terms.push('due_at < @dueBefore')
    params.dueBefore = filter.dueBefore
  }
  if (filter.extensionRequested !== undefined) terms.push(`status ${filter.extensionRequested ? '=' : '<>'} 'extension_requested'`)
  return { sql: terms.join(' AND '), params }
}

/** A page of an area's open tasks in the inbox's order (tasks_open_by_community, _by_street, _by_deadline). */
export function areaTasksSql(where: string, after: After): string {
  return `SELECT ${TASK_SELECT} FROM tasks WHERE ${where} ${ORDERED_KEYSET[after]} ${ORDER} LIMIT @limit`
}

export const areaCountSql = (where: string) => `SELECT count(*) AS n FROM tasks WHERE ${where}`

/** What the escalate job sweeps: open tasks whose next look is due, by that instant (tasks_checks). */
export const CHECKS_SQL = `SELECT ${TASK_SELECT} FROM tasks
  WHERE check_at IS NOT NULL AND check_at < @before AND status IN (${OPEN_IN})
  ORDER BY check_at, id LIMIT @limit`

/** A grid's public board: resolved and closed tasks, the latest resolution first (tasks_resolved_by_grid, same IN list). */
export function resolvedForGridSql(after: boolean): string {
  return `SELECT ${TASK_SELECT} FROM tasks
    WHERE grid_id = @grid AND status IN ('resolved','closed') ${after ? 'AND (resolved_at, id) < (@resolved, @id)' : ''}
    ORDER BY resolved_at DESC, id DESC LIMIT @limit`
}

/** "Me too": one category's reports since an instant inside a box, newest first (reports_by_category). */
export const NEARBY_REPORTS_SQL = `SELECT * FROM reports
  WHERE category = @category AND created_at >= @since
    AND json_extract(doc, '$.location.lng') BETWEEN @minLng AND @maxLng
    AND json_extract(doc, '$.location.lat') BETWEEN @minLat AND @maxLat
  ORDER BY created_at DESC, id DESC LIMIT @limit`
