import type { FileRecord } from '../../app/ports'
import type { Message, Report, Task, TimelineEvent } from '../../../shared/model'

// Records ⇄ rows. Columns carry what lists filter and sort on; everything else travels
// in a JSON document, so a field added to a record is stored without a migration.

/** The record's fields that are not stored in columns. */
function rest<T extends object>(record: T, columns: readonly (keyof T)[]): string {
  const out: Record<string, unknown> = {}
  for (const [k, v] of Object.entries(record)) if (!columns.includes(k as keyof T)) out[k] = v
  return JSON.stringify(out)
}

/** A nullable column that maps to an optional field: null means absent. */
const opt = <K extends string, V>(key: K, value: V | null) => (value === null ? {} : ({ [key]: value } as { [P in K]: V }))

export interface TaskRow {
  id: string; report_id: string; case_number: string; kind: string; category: string; grid_id: string | null
  queue_scope: string; queue_id: string; community_id: string | null; street_id: string | null; level: string; status: string
  assignee_id: string | null; accepted_by_id: string | null
  accept_due_at: number; resolve_due_at: number | null; due_at: number | null
  reopen_count: number; version: number; created_at: number; updated_at: number
  accepted_at: number | null; resolved_at: number | null; closed_at: number | null; check_at: number | null; extra: string
}
// the console's area, the 工单编号 and the escalate job's checkAt are columns because lists
// filter on them; returnCount, warnAt and the moves (transfer, extension, supervision) stay in `extra`
const TASK_COLUMNS = ['id', 'reportId', 'caseNumber', 'kind', 'category', 'gridId', 'queue', 'area', 'level', 'status', 'assigneeId', 'acceptedById',
  'acceptDueAt', 'resolveDueAt', 'dueAt', 'reopenCount', 'version', 'createdAt', 'updatedAt', 'acceptedAt', 'resolvedAt', 'closedAt', 'checkAt'] as const

export const TASK_SELECT = `id, report_id, case_number, kind, category, grid_id, queue_scope, queue_id, community_id, street_id, level, status, assignee_id,
  accepted_by_id, accept_due_at, resolve_due_at, due_at, reopen_count, version, created_at, updated_at,
  accepted_at, resolved_at, closed_at, check_at, extra`

export const taskToRow = (t: Task): TaskRow => ({
  id: t.id, report_id: t.reportId, case_number: t.caseNumber, kind: t.kind, category: t.category, grid_id: t.gridId,
  queue_scope: t.queue.scope, queue_id: t.queue.id, community_id: t.area.communityId, street_id: t.area.streetId, level: t.level, status: t.status,
  assignee_id: t.assigneeId, accepted_by_id: t.acceptedById,
  accept_due_at: t.acceptDueAt, resolve_due_at: t.resolveDueAt, due_at: t.dueAt,
  reopen_count: t.reopenCount, version: t.version, created_at: t.createdAt, updated_at: t.updatedAt,
  accepted_at: t.acceptedAt, resolved_at: t.resolvedAt, closed_at: t.closedAt, check_at: t.checkAt,
  extra: rest(t, TASK_COLUMNS),
})

export const taskFromRow = (r: TaskRow): Task => ({
  ...(JSON.parse(r.extra) as Pick<Task, 'returnCount' | 'warnAt' | 'result' | 'calendarUnconfirmed' | 'transfer' | 'transferRefused' | 'extension' | 'supervision'>),
  id: r.id, kind: r.kind as Task['kind'], reportId: r.report_id, caseNumber: r.case_number, category: r.category, gridId: r.grid_id,
  queue: { scope: r.queue_scope as Task['queue']['scope'], id: r.queue_id },
  area: { communityId: r.community_id, streetId: r.street_id },
  level: r.level as Task['level'], status: r.status as Task['status'],
  assigneeId: r.assignee_id, acceptedById: r.accepted_by_id,
  acceptDueAt: r.accept_due_at, resolveDueAt: r.resolve_due_at, dueAt: r.due_at,
  reopenCount: r.reopen_count, version: r.version, createdAt: r.created_at, updatedAt: r.updated_at,
  acceptedAt: r.accepted_at, resolvedAt: r.resolved_at, closedAt: r.closed_at, checkAt: r.check_at,
})

export interface ReportRow { id: string; reporter_id: string; task_id: string; category: string; created_at: number; doc: string }
const REPORT_COLUMNS = ['id', 'reporterId', 'taskId', 'category', 'createdAt'] as const

export const reportToRow = (r: Report): ReportRow => ({
  id: r.id, reporter_id: r.reporterId, task_id: r.taskId, category: r.category, created_at: r.createdAt,
  doc: rest(r, REPORT_COLUMNS),
})

export const reportFromRow = (r: ReportRow): Report => ({
  ...(JSON.parse(r.doc) as Omit<Report, (typeof REPORT_COLUMNS)[number]>),
  id: r.id, reporterId: r.reporter_id, taskId: r.task_id, category: r.category, createdAt: r.created_at,
})

export interface EventRow { id: string; task_id: string; at: number; doc: string }
const EVENT_COLUMNS = ['id', 'taskId', 'at'] as const

export const eventToRow = (e: TimelineEvent): EventRow => ({ id: e.id, task_id: e.taskId, at: e.at, doc: rest(e, EVENT_COLUMNS) })

export const eventFromRow = (r: EventRow): TimelineEvent => ({
  ...(JSON.parse(r.doc) as Omit<TimelineEvent, (typeof EVENT_COLUMNS)[number]>),
  id: r.id, taskId: r.task_id, at: r.at,
})

export interface MessageRow {
  id: string; user_id: string; kind: string; title: string; body: string
  report_id: string | null; task_id: string | null; created_at: number; read_at: number | null; extra: string
}
const MESSAGE_COLUMNS = ['id', 'userId', 'kind', 'title', 'body', 'reportId', 'taskId', 'createdAt', 'readAt'] as const

export const messageToRow = (m: Message): MessageRow => ({
  id: m.id, user_id: m.userId, kind: m.kind, title: m.title, body: m.body,
  report_id: m.reportId ?? null, task_id: m.taskId ?? null, created_at: m.createdAt, read_at: m.readAt,
  extra: rest(m, MESSAGE_COLUMNS),
})

export const messageFromRow = (r: MessageRow): Message => ({
  ...(JSON.parse(r.extra) as object),
  id: r.id, userId: r.user_id, kind: r.kind as Message['kind'], title: r.title, body: r.body,
  ...opt('reportId', r.report_id), ...opt('taskId', r.task_id),
  createdAt: r.created_at, readAt: r.read_at,
})

export interface FileRow { id: string; owner_id: string; mime: string; size: number; created_at: number }

export const fileToRow = (f: FileRecord): FileRow => ({ id: f.id, owner_id: f.ownerId, mime: f.mime, size: f.size, created_at: f.createdAt })
export const fileFromRow = (r: FileRow): FileRecord => ({ id: r.id, ownerId: r.owner_id, mime: r.mime, size: r.size, createdAt: r.created_at })
