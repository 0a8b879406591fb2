import { randomUUID } from 'node:crypto'
import type Database from 'better-sqlite3'
import type { AreaFilter, AreaRef, Cases, NearbyQuery, NewReport, PageOf, PageQuery, QueueRef, TaskChange } from '../../app/ports'
import { messageSteps } from './messageSteps'
import type { Step, WriteThread } from './writeThread'
import type { Report, Task, TimelineEvent } from '../../../shared/model'
import type { TaskStatus } from '../../../shared/workflow/status'
import { decodeCursor, inOrder, pageSize, toPage } from '../paging'
import { keysetPage } from './keysetPage'
import { areaCountSql, areaTasksSql, areaWhere, CHECKS_SQL, NEARBY_REPORTS_SQL, openTasksSql, resolvedForGridSql, type After } from './taskQueries'
import {
  TASK_SELECT, eventFromRow, eventToRow, reportFromRow, reportToRow,
  taskFromRow, taskToRow, type EventRow, type ReportRow, type TaskRow,
} from './rows'

// Reports, tasks and timelines on SQLite: the reads on the host's connection, the writes as
// step lists for the write thread. Writes that belong together (a change, its timeline
// lines, its messages) are one job, so they commit or fail together.

export { openTasksSql } from './taskQueries'

// Run by the write thread (writeThread.ts), on its own connection.
const WRITES = {
  claimKey: 'INSERT INTO idempotency (request_key, report_id, created_at) VALUES (?, ?, ?) ON CONFLICT (request_key) DO NOTHING',
  insertReport: 'INSERT INTO reports (id, reporter_id, task_id, category, created_at, doc) VALUES (@id, @reporter_id, @task_id, @category, @created_at, @doc)',
  insertTask: `INSERT INTO tasks (${TASK_SELECT}) VALUES (@id, @report_id, @case_number, @kind, @category, @grid_id, @queue_scope, @queue_id,
    @community_id, @street_id, @level, @status, @assignee_id, @accepted_by_id, @accept_due_at, @resolve_due_at, @due_at, @reopen_count, @version,
    @created_at, @updated_at, @accepted_at, @resolved_at, @closed_at, @check_at, @extra)`,
  // the version guard: two people acting on one task, the second matches no row
  updateTask: `UPDATE tasks SET case_number = @case_number, kind = @kind, category = @category, grid_id = @grid_id, queue_scope = @queue_scope,
    queue_id = @queue_id, community_id = @community_id, street_id = @street_id, level = @level, status = @status,
    assignee_id = @assignee_id, accepted_by_id = @accepted_by_id,
    accept_due_at = @accept_due_at, resolve_due_at = @resolve_due_at, due_at = @due_at, reopen_count = @reopen_count,
    version = @version, updated_at = @updated_at, accepted_at = @accepted_at, resolved_at = @resolved_at,
    closed_at = @closed_at, check_at = @check_at, extra = @extra
    WHERE id = @id AND version = @expected_version`,
  // the next number of a day, claimed under the one writer's lock (migrations.ts, v9: case_sequences)
  claimSequence: `INSERT INTO case_sequences (day, seq, claim)
    SELECT @day, coalesce(max(seq), 0) + 1, @claim FROM case_sequences WHERE day = @day`,
  insertEvent: 'INSERT INTO timeline (id, task_id, at, doc) VALUES (@id, @task_id, @at, @doc)',
}

/** 工单编号's day: YYYYMMDD. */
const CASE_DAY = /^\d{8}$/

export class SqliteCases implements Cases {
  private readonly s
  /** the console's statements, one per filter combination, prepared on first use */
  private readonly areaStatements = new Map<string, Database.Statement<unknown[], TaskRow>>()
  private readonly countStatements = new Map<string, Database.Statement<unknown[], { n: number }>>()

  constructor(private readonly db: Database.Database, private readonly writer: WriteThread) {
    const p = <R>(sql: string) => db.prepare<unknown[], R>(sql)
    this.s = {
      keyOwner: p<{ report_id: string }>('SELECT report_id FROM idempotency WHERE request_key = ?'),
      report: p<ReportRow>('SELECT * FROM reports WHERE id = ?'),
      reportsFirst: p<ReportRow>('SELECT * FROM reports WHERE reporter_id = @reporter ORDER BY created_at DESC, id DESC LIMIT @limit'),
      reportsAfter: p<ReportRow>(`SELECT * FROM reports WHERE reporter_id = @reporter AND (created_at, id) < (@created, @id)
        ORDER BY created_at DESC, id DESC LIMIT @limit`),
      reports: p<ReportRow>('SELECT * FROM reports WHERE id IN (SELECT value FROM json_each(?))'),
      tasks: p<TaskRow>(`SELECT ${TASK_SELECT} FROM tasks WHERE id IN (SELECT value FROM json_each(?))`),
      openFirst: p<TaskRow>(openTasksSql('none')),
      openAfterDue: p<TaskRow>(openTasksSql('due')),
      openAfterUndated: p<TaskRow>(openTasksSql('undated')),
      mineFirst: p<TaskRow>(openTasksSql('none', 'gridsOrAssignee')),
      mineAfterDue: p<TaskRow>(openTasksSql('due', 'gridsOrAssignee')),
      mineAfterUndated: p<TaskRow>(openTasksSql('undated', 'gridsOrAssignee')),
      queueFirst: p<TaskRow>(openTasksSql('none', 'queue')),
      queueAfterDue: p<TaskRow>(openTasksSql('due', 'queue')),
      queueAfterUndated: p<TaskRow>(openTasksSql('undated', 'queue')),
      due: p<TaskRow>(`SELECT ${TASK_SELECT} FROM tasks WHERE status IN (SELECT value FROM json_each(@statuses))
        AND due_at < @before ORDER BY due_at, created_at, id LIMIT @limit`),
      checks: p<TaskRow>(CHECKS_SQL),
      byCaseNumber: p<TaskRow>(`SELECT ${TASK_SELECT} FROM tasks WHERE case_number = ?`),
      claimedSequence: p<{ seq: number }>('SELECT seq FROM case_sequences WHERE claim = ?'),
      timeline: p<EventRow>('SELECT id, task_id, at, doc FROM timeline WHERE task_id = ? ORDER BY at, seq'),
      nearby: p<ReportRow>(NEARBY_REPORTS_SQL),
      resolvedFirst: p<TaskRow>(resolvedForGridSql(false)),
      resolvedAfter: p<TaskRow>(resolvedForGridSql(true)),
    }
  }

  async createReport(input: NewReport): Promise<{ reportId: string; created: boolean }> {
    const { stoppedAt } = await this.writer.run(this.reportSteps(input))
    // stopped at the key claim (nothing of this try kept): the key was taken by an earlier try
    if (stoppedAt !== null && input.requestKey !== null) return { reportId: this.keyOwner(input.requestKey), created: false }
    return { reportId: input.report.id, created: true }
  }

  async saveTaskChange(change: TaskChange): Promise<boolean> {
    const { stoppedAt } = await this.writer.run(this.changeSteps(change))
    return stoppedAt === null
  }

  async getTask(id: string): Promise<Task | null> {
    return this.getTasksNow([id])[0] ?? null
  }

  async getTasks(ids: string[]): Promise<Task[]> {
    return this.getTasksNow(ids)
  }

  async listDue(before: number, limit: number, statuses: readonly TaskStatus[]): Promise<Task[]> {
    if (statuses.length === 0) return []
    return this.s.due.all({ statuses: JSON.stringify(statuses), before, limit: pageSize(limit) }).map(taskFromRow)
  }

  async listQueue(queue: QueueRef, page: PageQuery): Promise<PageOf<Task>> {
    return this.openPage({ scope: queue.scope, queue: queue.id }, page, 'queue', this.s.queueFirst, this.s.queueAfterDue, this.s.queueAfterUndated)
  }

  async listArea(area: AreaRef, filter: AreaFilter, page: PageQuery): Promise<PageOf<Task>> {
    const { sql, params } = areaWhere(area, filter)
    const [first, afterDue, afterUndated] = (['none', 'due', 'undated'] as After[]).map((after) => this.areaStatement(areaTasksSql(sql, after)))
    return this.openPage(params, page, 'area', first, afterDue, afterUndated)
  }

  async countArea(area: AreaRef, filter: AreaFilter): Promise<number> {
    const { sql, params } = areaWhere(area, filter)
    const text = areaCountSql(sql)
    let stmt = this.countStatements.get(text)
    if (!stmt) this.countStatements.set(text, (stmt = this.db.prepare<unknown[], { n: number }>(text)))
    return stmt.get(params)?.n ?? 0
  }

  async findByCaseNumber(caseNumber: string): Promise<Task | null> {
    const row = this.s.byCaseNumber.get(caseNumber)
    return row ? taskFromRow(row) : null
  }

  async listChecks(before: number, limit: number): Promise<Task[]> {
    return this.s.checks.all({ before, limit: pageSize(limit) }).map(taskFromRow)
  }

  /** Claims the number in the write thread, then reads back which one this claim got. */
  async nextCaseSequence(day: string): Promise<number> {
    if (!CASE_DAY.test(day)) throw new RangeError(`a case-number day is YYYYMMDD, got ${day}`)
    const claim = randomUUID()
    await this.writer.run([{ sql: WRITES.claimSequence, params: { day, claim }, expect: 'required', missing: `no case number claimed for ${day}` }])
    const row = this.s.claimedSequence.get(claim)
    if (!row) throw new Error(`case-number claim ${claim} vanished after its commit`)
    return row.seq
  }

  private areaStatement(sql: string): Database.Statement<unknown[], TaskRow> {
    let stmt = this.areaStatements.get(sql)
    if (!stmt) this.areaStatements.set(sql, (stmt = this.db.prepare<unknown[], TaskRow>(sql)))
    return stmt
  }

  /** The write of a new report as one job. Claiming the key first lets the UNIQUE
   * constraint, not a prior read, pick the winner of two identical requests: a job whose
   * claim changes nothing lost, and stops before writing anything else. */
  private reportSteps(input: NewReport): Step[] {
    const { requestKey, report, task } = input
    return [
      ...(requestKey === null ? [] : [{ sql: WRITES.claimKey, params: [requestKey, report.id, report.createdAt], expect: 'changed' as const }]),
      { sql: WRITES.insertReport, params: reportToRow(report) },
      { sql: WRITES.insertTask, params: taskToRow(task) },
      ...this.eventSteps(input.events),
      ...messageSteps(input.messages),
    ]
  }

  /** The report that claimed a request key (read once the claiming write has committed). */
  private keyOwner(requestKey: string): string {
    const owner = this.s.keyOwner.get(requestKey)
    if (!owner) throw new Error(`idempotency key ${requestKey} vanished while claimed`)
    return owner.report_id
  }

  async getReport(id: string): Promise<Report | null> {
    const row = this.s.report.get(id)
    return row ? reportFromRow(row) : null
  }

  async getReports(ids: string[]): Promise<Report[]> {
    return ids.length === 0 ? [] : inOrder(ids, this.s.reports.all(JSON.stringify(ids)).map(reportFromRow))
  }

  async listReportsByReporter(reporterId: string, page: PageQuery): Promise<PageOf<Report>> {
    const s = { first: this.s.reportsFirst, after: this.s.reportsAfter, key: 'created' }
    return keysetPage(s, { reporter: reporterId }, page, 'reports', reportFromRow, (r) => [r.createdAt, r.id])
  }

  private getTasksNow(ids: string[]): Task[] {
    return ids.length === 0 ? [] : inOrder(ids, this.s.tasks.all(JSON.stringify(ids)).map(taskFromRow))
  }

  async listOpenTasksForGrids(gridIds: string[], page: PageQuery, alsoAssignedTo?: string): Promise<PageOf<Task>> {
    pageSize(page.limit) // a bad limit fails here too, not only when there are grids
    if (alsoAssignedTo !== undefined) {
      return this.openPage({ grids: JSON.stringify(gridIds), assignee: alsoAssignedTo }, page, 'inbox', this.s.mineFirst, this.s.mineAfterDue, this.s.mineAfterUndated)
    }
    if (gridIds.length === 0) return { items: [], nextCursor: null }
    return this.openPage({ grids: JSON.stringify(gridIds) }, page, 'inbox', this.s.openFirst, this.s.openAfterDue, this.s.openAfterUndated)
  }

  /** A page of open tasks by deadline, undated last (the inbox's and the queues' order). */
  private openPage(where: object, page: PageQuery, list: string, ...[first, afterDue, afterUndated]: Database.Statement<unknown[], TaskRow>[]): PageOf<Task> {
    const limit = pageSize(page.limit)
    const q = { ...where, limit: limit + 1 }
    let rows: TaskRow[]
    if (!page.cursor) rows = first.all(q)
    else {
      const [due, created, id] = decodeCursor(list, page.cursor, ['number?', 'number', 'string'])
      rows = due === null ? afterUndated.all({ ...q, created, id }) : afterDue.all({ ...q, due, created, id })
    }
    return toPage(rows.map(taskFromRow), limit, list, (t) => [t.dueAt, t.createdAt, t.id])
  }

  /** A task change as one job; a job that stops at the version guard met a newer version
   * (two people acting on one task) and wrote nothing. */
  private changeSteps(change: TaskChange): Step[] {
    const { task, expectedVersion } = change
    if (task.version !== expectedVersion + 1) {
      throw new Error(`task ${task.id}: a change from version ${expectedVersion} must carry version ${expectedVersion + 1}, got ${task.version}`)
    }
    const patch = Object.entries(change.reportPatch ?? {}).filter(([, v]) => v !== undefined)
    return [
      { sql: WRITES.updateTask, params: { ...taskToRow(task), expected_version: expectedVersion }, expect: 'changed' },
      ...this.eventSteps(change.events),
      ...messageSteps(change.messages),
      ...(patch.length === 0 ? [] : [{
        // json_set replaces the patched top-level fields of the document, as {...report, ...patch} would
        sql: `UPDATE reports SET doc = json_set(doc, ${patch.map(() => '?, json(?)').join(', ')}) WHERE id = ?`,
        params: [...patch.flatMap(([k, v]) => [`$.${k}`, JSON.stringify(v)]), task.reportId],
        expect: 'required' as const,
        missing: `task ${task.id} points at missing report ${task.reportId}`,
      }]),
    ]
  }

  async listTimeline(taskId: string): Promise<TimelineEvent[]> {
    return this.s.timeline.all(taskId).map(eventFromRow)
  }

  async listNearbyReports(query: NearbyQuery): Promise<Report[]> {
    const { category, since, box } = query
    return this.s.nearby.all({ category, since, ...box, limit: pageSize(query.limit) }).map(reportFromRow)
  }

  async listResolvedForGrid(gridId: string, page: PageQuery): Promise<PageOf<Task>> {
    const s = { first: this.s.resolvedFirst, after: this.s.resolvedAfter, key: 'resolved' }
    return keysetPage(s, { grid: gridId }, page, 'board', taskFromRow, (t) => [t.resolvedAt ?? 0, t.id])
  }

  private eventSteps(events: TimelineEvent[]): Step[] {
    return events.map((e) => ({ sql: WRITES.insertEvent, params: eventToRow(e) }))
  }

}
