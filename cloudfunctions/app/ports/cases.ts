import type { Level } from '../../../shared/levels'
import type { Message, QueueScope, Report, Task, TimelineEvent } from '../../../shared/model'
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
  /** fields of the task's report that change with it (a rating, the followers of "me too" and merges) */
  reportPatch?: Partial<Pick<Report, 'rating' | 'followerIds'>>
}

/** A dispatchers' queue: the open tasks that no grid holds, per community, street or the district. */
export interface QueueRef { scope: Exclude<QueueScope, 'grid'>; id: string }

/** The area a console lists: a community's tasks, a street's (its communities' included), or the whole district's. */
export type AreaRef = { communityId: string } | { streetId: string } | { all: true }
/** What a console narrows an area's open tasks to; every filter given must hold. */
export interface AreaFilter {
  level?: Level
  /** held by this grid */
  gridId?: string
  /** waiting in a dispatchers' queue (no grid holds it) */
  queued?: boolean
  /** its current deadline (dueAt) is before this instant */
  dueBefore?: number
  /** a 延期 request waits on it */
  extensionRequested?: boolean
}

/** "Me too": reports of one category made since an instant, within a box around a point (the use case measures the circle). */
export interface NearbyQuery {
  category: string
  /** south-west and north-east corners of the box (GCJ-02) */
  box: { minLng: number; minLat: number; maxLng: number; maxLat: number }
  /** created at or after this instant */
  since: number
  /** at most this many, newest first */
  limit: number
}

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
  /** Open tasks of an area, filtered, earliest deadline first (the dispatchers' console). */
  listArea(area: AreaRef, filter: AreaFilter, page: PageQuery): Promise<PageOf<Task>>
  /** How many open tasks of an area match the filter (the console's counts). */
  countArea(area: AreaRef, filter: AreaFilter): Promise<number>
  /** The task with this 工单编号, or null. */
  findByCaseNumber(caseNumber: string): Promise<Task | null>
  /** Open tasks whose checkAt (warning, then deadline) is before `before`, earliest first: what the escalate job sweeps. */
  listChecks(before: number, limit: number): Promise<Task[]>
  /** The next sequence number of a day's 工单编号 (YYYYMMDD): 1, 2, 3 … never the same twice. */
  nextCaseSequence(day: string): Promise<number>
  /** Applies the change only if the stored version equals expectedVersion; false otherwise. */
  saveTaskChange(change: TaskChange): Promise<boolean>
  listTimeline(taskId: string): Promise<TimelineEvent[]>
  /** "Me too": reports of a category in a box since an instant, newest first (open or not: the use case reads their tasks). */
  listNearbyReports(query: NearbyQuery): Promise<Report[]>
  /** A grid's public board: its tasks resolved or closed (after a resolution), the latest resolution first. */
  listResolvedForGrid(gridId: string, page: PageQuery): Promise<PageOf<Task>>
}
