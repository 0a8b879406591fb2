import type { Message, Report, Task, TimelineEvent } from '../../../shared/model'
import type { TaskStatus } from '../../../shared/workflow/status'
import type { PageOf, PageQuery } from './paging'

// Cases: reports, their tasks and timelines. A change to a task, its timeline lines and the
// messages that tell people about it are one write, so they land together or not at all.

/** A create that is keyed by the caller's requestId: the same key twice yields the first record. */
export interface NewReport { requestKey: string | null; report: Report; task: Task; events: TimelineEvent[]; messages: Message[] }

/** A task change guarded by the version the actor saw. */
export interface TaskChange {
  task: Task
  expectedVersion: number
  events: TimelineEvent[]
  messages: Message[]
  /** fields of the task's report that change with it (a rating) */
  reportPatch?: Partial<Pick<Report, 'rating'>>
}

/** A dispatchers' queue: the open tasks that no grid holds, per community or street. */
export interface QueueRef { scope: 'community' | 'street'; id: string }

export interface Cases {
  /** Returns the stored report id: the new one, or the first one made with the same requestKey. */
  createReport(input: NewReport): Promise<{ reportId: string; created: boolean }>
  getReport(id: string): Promise<Report | null>
  /** Reports by id in the order asked, unknown ids skipped (one query for a page of tasks). */
  getReports(ids: string[]): Promise<Report[]>
  listReportsByReporter(reporterId: string, page: PageQuery): Promise<PageOf<Report>>
  getTask(id: string): Promise<Task | null>
  getTasks(ids: string[]): Promise<Task[]>
  /**
   * Open tasks of these grids, earliest deadline first (the worker's inbox); with
   * `alsoAssignedTo`, also the open tasks assigned to that person in other grids (a
   * substitute's, while the worker they cover is on leave).
   */
  listOpenTasksForGrids(gridIds: string[], page: PageQuery, alsoAssignedTo?: string): Promise<PageOf<Task>>
  /** Open tasks of a dispatchers' queue, earliest deadline first. */
  listQueue(queue: QueueRef, page: PageQuery): Promise<PageOf<Task>>
  /** Tasks in these states whose current deadline (dueAt) is before `before`, earliest first: what a job sweeps. */
  listDue(before: number, limit: number, statuses: readonly TaskStatus[]): Promise<Task[]>
  /** Applies the change only if the stored version equals expectedVersion; false otherwise. */
  saveTaskChange(change: TaskChange): Promise<boolean>
  listTimeline(taskId: string): Promise<TimelineEvent[]>
}
