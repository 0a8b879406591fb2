import type { Community, Grid, Message, Report, Street, Task, TimelineEvent, User } from '../../shared/model'
import type { Category } from '../../shared/catalogue'
import type { Routing, LngLat } from '../../shared/model'
import type { GrantAnswer, SubscribeTemplates } from '../../shared/api'

// The small interfaces the use cases receive (STYLE.md 5). Only adapters know SQLite or
// CloudBase. Every method is async so both kinds of adapter fit.

export interface Cursor { items: unknown[]; nextCursor: string | null }
export interface PageOf<T> { items: T[]; nextCursor: string | null }
export interface PageQuery { cursor?: string; limit: number }

export interface FileRecord { id: string; ownerId: string; mime: string; size: number; createdAt: number }

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

export interface Store {
  // reference data
  getUser(id: string): Promise<User | null>
  getUsers(ids: string[]): Promise<User[]>
  listUsers(): Promise<User[]>
  getGrid(id: string): Promise<Grid | null>
  listGrids(): Promise<Grid[]>
  getCommunity(id: string): Promise<Community | null>
  getStreet(id: string): Promise<Street | null>
  listStreets(): Promise<Street[]>

  // files uploaded by a person (photos)
  getFiles(ids: string[]): Promise<FileRecord[]>

  // reports and tasks
  /** Returns the stored report id: the new one, or the first one made with the same requestKey. */
  createReport(input: NewReport): Promise<{ reportId: string; created: boolean }>
  getReport(id: string): Promise<Report | null>
  /** Reports by id in the order asked, unknown ids skipped (one query for a page of tasks). */
  getReports(ids: string[]): Promise<Report[]>
  listReportsByReporter(reporterId: string, page: PageQuery): Promise<PageOf<Report>>
  getTask(id: string): Promise<Task | null>
  getTasks(ids: string[]): Promise<Task[]>
  /** Open tasks of these grids, earliest deadline first (the worker's inbox). */
  listOpenTasksForGrids(gridIds: string[], page: PageQuery): Promise<PageOf<Task>>
  /** Applies the change only if the stored version equals expectedVersion; false otherwise. */
  saveTaskChange(change: TaskChange): Promise<boolean>
  listTimeline(taskId: string): Promise<TimelineEvent[]>

  // the in-app message centre
  listMessages(userId: string, page: PageQuery): Promise<PageOf<Message>>
  countUnread(userId: string): Promise<number>
  markRead(userId: string, ids: string[] | 'all', at: number): Promise<void>
}

export interface Clock { now(): number }
export interface IdGen { next(prefix: string): string }

/** Locates a point against the current grid map. */
export interface GridRouter { route(point: LngLat): Routing }

/** Pushes beyond the in-app message centre (WeChat subscription messages in CloudBase). */
export interface Notifier { notify(messages: Message[]): Promise<void> }

export type TextVerdict = 'pass' | 'rejected' | 'unavailable'

/**
 * Content security: user text is checked before anyone else sees it; photos are sent for
 * review and shown to others only once passed (WeChat security API in CloudBase, a word
 * list locally).
 */
export interface ContentCheck {
  checkText(texts: string[], userId: string): Promise<TextVerdict>
  submitPhotos(fileIds: string[], userId: string): Promise<void>
  /** The photos among these that people other than their uploader may see. */
  visiblePhotos(fileIds: string[]): Promise<Set<string>>
}

/** Subscription-message grants: which templates to ask for on which tap, and the answers. */
export interface Subscriptions {
  templates(): SubscribeTemplates
  /** Records the grants among the answers; returns how many were recorded. */
  record(userId: string, answers: Record<string, GrantAnswer>): Promise<number>
}

export interface Config {
  catalogue: Category[]
  timezone: string
}

export interface Deps {
  store: Store
  router: GridRouter
  notifier: Notifier
  content: ContentCheck
  subscriptions: Subscriptions
  clock: Clock
  ids: IdGen
  config: Config
  calendar: import('../../shared/calendar/workingTime').WorkingCalendar
}
