import type Database from 'better-sqlite3'
import type { NewReport, PageOf, PageQuery, TaskChange } from '../../app/ports'
import type { Message, Report, Task, TimelineEvent } from '../../../shared/model'
import { OPEN_STATUSES } from '../../../shared/workflow/status'
import { pageSize, decodeCursor, toPage } from './cursor'
import {
  TASK_SELECT, eventFromRow, eventToRow, inOrder, messageFromRow, messageToRow, reportFromRow, reportToRow,
  taskFromRow, taskToRow, type EventRow, type MessageRow, type ReportRow, type TaskRow,
} from './rows'

// Reports, tasks, timelines and the message centre on SQLite. Writes that belong
// together run in one IMMEDIATE transaction: it takes the write lock up front, so a
// second process waits (busy_timeout) instead of failing half-way with SQLITE_BUSY.

// Must stay term for term the IN list of the partial index (see migrations.ts).
const OPEN_IN = OPEN_STATUSES.map((s) => `'${s}'`).join(',')

/** The inbox query; exported so a test can check that its plan uses the partial index. */
export function openTasksSql(after: 'none' | 'due' | 'undated'): string {
  const keyset = {
    none: '',
    // nulls sort last, so past a dated row come later-dated rows and then all undated ones
    due: 'AND (due_at IS NULL OR (due_at, created_at, id) > (@due, @created, @id))',
    undated: 'AND due_at IS NULL AND (created_at, id) > (@created, @id)',
  }[after]
  return `SELECT ${TASK_SELECT} FROM tasks
    WHERE grid_id IN (SELECT value FROM json_each(@grids)) AND status IN (${OPEN_IN}) ${keyset}
    ORDER BY due_at IS NULL, due_at, created_at, id LIMIT @limit`
}

export class SqliteCases {
  private readonly s
  // built once: better-sqlite3 wraps the function with BEGIN/COMMIT/ROLLBACK statements
  private readonly createTx: Database.Transaction<(input: NewReport) => { reportId: string; created: boolean }>
  private readonly changeTx: Database.Transaction<(change: TaskChange) => boolean>

  constructor(db: Database.Database) {
    const p = <R>(sql: string) => db.prepare<unknown[], R>(sql)
    this.s = {
      claimKey: p('INSERT INTO idempotency (request_key, report_id, created_at) VALUES (?, ?, ?) ON CONFLICT (request_key) DO NOTHING'),
      keyOwner: p<{ report_id: string }>('SELECT report_id FROM idempotency WHERE request_key = ?'),
      insertReport: p('INSERT INTO reports (id, reporter_id, task_id, category, created_at, doc) VALUES (@id, @reporter_id, @task_id, @category, @created_at, @doc)'),
      report: p<ReportRow>('SELECT * FROM reports WHERE id = ?'),
      patchReport: p('UPDATE reports SET doc = @doc WHERE id = @id'),
      reportsFirst: p<ReportRow>('SELECT * FROM reports WHERE reporter_id = @reporter ORDER BY created_at DESC, id DESC LIMIT @limit'),
      reportsAfter: p<ReportRow>(`SELECT * FROM reports WHERE reporter_id = @reporter AND (created_at, id) < (@created, @id)
        ORDER BY created_at DESC, id DESC LIMIT @limit`),
      insertTask: p(`INSERT INTO tasks (${TASK_SELECT}) VALUES (@id, @report_id, @kind, @category, @grid_id, @queue_scope, @queue_id,
        @level, @status, @assignee_id, @accepted_by_id, @accept_due_at, @resolve_due_at, @due_at, @reopen_count, @version,
        @created_at, @updated_at, @extra)`),
      // the version guard: two people acting on one task, the second matches no row
      updateTask: p(`UPDATE tasks SET kind = @kind, category = @category, grid_id = @grid_id, queue_scope = @queue_scope,
        queue_id = @queue_id, level = @level, status = @status, assignee_id = @assignee_id, accepted_by_id = @accepted_by_id,
        accept_due_at = @accept_due_at, resolve_due_at = @resolve_due_at, due_at = @due_at, reopen_count = @reopen_count,
        version = @version, updated_at = @updated_at, extra = @extra
        WHERE id = @id AND version = @expected_version`),
      reports: p<ReportRow>('SELECT * FROM reports WHERE id IN (SELECT value FROM json_each(?))'),
      tasks: p<TaskRow>(`SELECT ${TASK_SELECT} FROM tasks WHERE id IN (SELECT value FROM json_each(?))`),
      openFirst: p<TaskRow>(openTasksSql('none')),
      openAfterDue: p<TaskRow>(openTasksSql('due')),
      openAfterUndated: p<TaskRow>(openTasksSql('undated')),
      insertEvent: p('INSERT INTO timeline (id, task_id, at, doc) VALUES (@id, @task_id, @at, @doc)'),
      timeline: p<EventRow>('SELECT id, task_id, at, doc FROM timeline WHERE task_id = ? ORDER BY at, seq'),
      insertMessage: p(`INSERT INTO messages (id, user_id, kind, title, body, report_id, task_id, created_at, read_at, extra)
        VALUES (@id, @user_id, @kind, @title, @body, @report_id, @task_id, @created_at, @read_at, @extra)`),
      messagesFirst: p<MessageRow>('SELECT * FROM messages WHERE user_id = @user ORDER BY created_at DESC, id DESC LIMIT @limit'),
      messagesAfter: p<MessageRow>(`SELECT * FROM messages WHERE user_id = @user AND (created_at, id) < (@created, @id)
        ORDER BY created_at DESC, id DESC LIMIT @limit`),
      unread: p<{ n: number }>('SELECT count(*) AS n FROM messages WHERE user_id = ? AND read_at IS NULL'),
      readSome: p(`UPDATE messages SET read_at = @at WHERE user_id = @user AND read_at IS NULL
        AND id IN (SELECT value FROM json_each(@ids))`),
      readAll: p('UPDATE messages SET read_at = @at WHERE user_id = @user AND read_at IS NULL'),
    }
    this.createTx = db.transaction((input: NewReport) => this.insertReport(input))
    this.changeTx = db.transaction((change: TaskChange) => this.applyChange(change))
  }

  createReport(input: NewReport): { reportId: string; created: boolean } {
    return this.createTx.immediate(input)
  }

  saveTaskChange(change: TaskChange): boolean {
    return this.changeTx.immediate(change)
  }

  private insertReport(input: NewReport): { reportId: string; created: boolean } {
    const { requestKey, report, task } = input
    // Claiming the key first lets the UNIQUE constraint, not a prior read, pick the winner.
    if (requestKey !== null && this.s.claimKey.run(requestKey, report.id, report.createdAt).changes === 0) {
      const owner = this.s.keyOwner.get(requestKey)
      if (!owner) throw new Error(`idempotency key ${requestKey} vanished while claimed`)
      return { reportId: owner.report_id, created: false }
    }
    this.s.insertReport.run(reportToRow(report))
    this.s.insertTask.run(taskToRow(task))
    this.appendEvents(input.events)
    this.appendMessages(input.messages)
    return { reportId: report.id, created: true }
  }

  getReport(id: string): Report | null {
    const row = this.s.report.get(id)
    return row ? reportFromRow(row) : null
  }

  getReports(ids: string[]): Report[] {
    return ids.length === 0 ? [] : inOrder(ids, this.s.reports.all(JSON.stringify(ids)).map(reportFromRow))
  }

  listReportsByReporter(reporterId: string, page: PageQuery): PageOf<Report> {
    const limit = pageSize(page.limit)
    const q = { reporter: reporterId, limit: limit + 1 }
    const rows = page.cursor
      ? this.afterKey(this.s.reportsAfter, q, decodeCursor('reports', page.cursor, ['number', 'string']))
      : this.s.reportsFirst.all(q)
    return toPage(rows.map(reportFromRow), limit, 'reports', (r) => [r.createdAt, r.id])
  }

  getTasks(ids: string[]): Task[] {
    return ids.length === 0 ? [] : inOrder(ids, this.s.tasks.all(JSON.stringify(ids)).map(taskFromRow))
  }

  listOpenTasksForGrids(gridIds: string[], page: PageQuery): PageOf<Task> {
    const limit = pageSize(page.limit)
    if (gridIds.length === 0) return { items: [], nextCursor: null }
    const q = { grids: JSON.stringify(gridIds), limit: limit + 1 }
    let rows: TaskRow[]
    if (!page.cursor) rows = this.s.openFirst.all(q)
    else {
      const [due, created, id] = decodeCursor('inbox', page.cursor, ['number?', 'number', 'string'])
      rows = due === null
        ? this.s.openAfterUndated.all({ ...q, created, id })
        : this.s.openAfterDue.all({ ...q, due, created, id })
    }
    return toPage(rows.map(taskFromRow), limit, 'inbox', (t) => [t.dueAt, t.createdAt, t.id])
  }

  private applyChange(change: TaskChange): boolean {
    const { task, expectedVersion } = change
    if (task.version !== expectedVersion + 1) {
      throw new Error(`task ${task.id}: a change from version ${expectedVersion} must carry version ${expectedVersion + 1}, got ${task.version}`)
    }
    if (this.s.updateTask.run({ ...taskToRow(task), expected_version: expectedVersion }).changes === 0) return false
    this.appendEvents(change.events)
    this.appendMessages(change.messages)
    if (change.reportPatch) {
      const report = this.getReport(task.reportId)
      if (!report) throw new Error(`task ${task.id} points at missing report ${task.reportId}`)
      const row = reportToRow({ ...report, ...change.reportPatch })
      this.s.patchReport.run({ id: row.id, doc: row.doc })
    }
    return true
  }

  listTimeline(taskId: string): TimelineEvent[] {
    return this.s.timeline.all(taskId).map(eventFromRow)
  }

  listMessages(userId: string, page: PageQuery): PageOf<Message> {
    const limit = pageSize(page.limit)
    const q = { user: userId, limit: limit + 1 }
    const rows = page.cursor
      ? this.afterKey(this.s.messagesAfter, q, decodeCursor('messages', page.cursor, ['number', 'string']))
      : this.s.messagesFirst.all(q)
    return toPage(rows.map(messageFromRow), limit, 'messages', (m) => [m.createdAt, m.id])
  }

  countUnread(userId: string): number {
    return this.s.unread.get(userId)?.n ?? 0
  }

  /** Only the caller's own unread messages change; an earlier readAt is kept. */
  markRead(userId: string, ids: string[] | 'all', at: number): void {
    if (ids === 'all') this.s.readAll.run({ user: userId, at })
    else if (ids.length > 0) this.s.readSome.run({ user: userId, at, ids: JSON.stringify(ids) })
  }

  private afterKey<R>(stmt: Database.Statement<unknown[], R>, q: object, [created, id]: (string | number | null)[]): R[] {
    return stmt.all({ ...q, created, id })
  }

  private appendEvents(events: TimelineEvent[]) {
    for (const e of events) this.s.insertEvent.run(eventToRow(e))
  }

  private appendMessages(messages: Message[]) {
    for (const m of messages) this.s.insertMessage.run(messageToRow(m))
  }
}
