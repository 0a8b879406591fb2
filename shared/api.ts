import type { Category } from './catalogue'
import type { Level } from './levels'
import type { Message, Routing, TimelineEvent, User } from './model'
import type { Role } from './roles'
import type { RateReportInput, SubmitReportInput, PageInput } from './schemas/report'
import type { AcceptTaskInput, ResolveTaskInput, MarkReadInput } from './schemas/task'
import type { TaskStatus } from './workflow/status'

// The typed contract between the mini-program and the cloud functions: one entry per
// function and action, its payload and its result (docs/api.md explains each).

export interface Page<T> { items: T[]; nextCursor: string | null }

export interface ContactCard {
  gridId: string
  gridName: string
  communityName: string
  leader: { name: string; phone: string; duties: string; photoUrl?: string } | null
  workers: { name: string; phone: string; role: Role }[]
  hotline: string
}

export interface ReportSummary {
  reportId: string
  category: string
  categoryName: string
  description: string
  thumbnail: string | null
  status: TaskStatus
  level: Level
  gridName: string | null
  createdAt: number
  updatedAt: number
  canRate: boolean
}

export interface ReportDetail extends ReportSummary {
  photos: string[]
  location: { lng: number; lat: number; accuracyM?: number }
  address?: string
  routing: Routing
  result: { text: string; photos: string[]; at: number; byName: string } | null
  rating: { stars: number; solved: boolean; comment?: string; at: number } | null
  timeline: TimelineEvent[]
  handler: { name: string; phone: string } | null
}

export interface TaskSummary {
  taskId: string
  reportId: string
  category: string
  categoryName: string
  description: string
  thumbnail: string | null
  status: TaskStatus
  level: Level
  gridId: string | null
  gridName: string | null
  address?: string
  dueAt: number | null
  overdue: boolean
  nearBorder: boolean
  reopenCount: number
  version: number
  createdAt: number
}

export interface TaskDetail extends TaskSummary {
  photos: string[]
  location: { lng: number; lat: number; accuracyM?: number }
  routing: Routing
  acceptDueAt: number
  resolveDueAt: number | null
  result: { text: string; photos: string[]; at: number; byName: string } | null
  rating: { stars: number; solved: boolean; comment?: string; at: number } | null
  timeline: TimelineEvent[]
  reporter: { name: string; phoneMasked: string }
  canAccept: boolean
  canResolve: boolean
}

export interface SubmitReportResult {
  reportId: string
  gridId: string | null
  gridName: string | null
  routing: Routing
  status: TaskStatus
}

/** Subscription-message templates whose grants the client asks for on each tap (empty: none configured). */
export interface SubscribeTemplates { submit: string[]; accept: string[]; resolve: string[] }

/** What wx.requestSubscribeMessage answered per template id. */
export type GrantAnswer = 'accept' | 'reject' | 'ban' | 'filter'

export type Me = Pick<User, 'id' | 'name' | 'role' | 'gridIds' | 'communityId' | 'streetId' | 'homeGridId'> & { roleName: string }

export interface Api {
  user: {
    me: { payload: Record<string, never>; result: Me }
    catalogue: { payload: Record<string, never>; result: Category[] }
    myGrid: { payload: { lng?: number; lat?: number }; result: ContactCard | null }
    listMessages: { payload: PageInput; result: Page<Message> & { unread: number } }
    markMessagesRead: { payload: MarkReadInput; result: { unread: number } }
    subscribeTemplates: { payload: Record<string, never>; result: SubscribeTemplates }
    recordGrants: { payload: { answers: Record<string, GrantAnswer> }; result: { recorded: number } }
  }
  resident: {
    submitReport: { payload: SubmitReportInput; result: SubmitReportResult }
    listMyReports: { payload: PageInput; result: Page<ReportSummary> }
    getMyReport: { payload: { reportId: string }; result: ReportDetail }
    rateReport: { payload: RateReportInput; result: ReportDetail }
  }
  worker: {
    listInbox: { payload: PageInput; result: Page<TaskSummary> }
    getTask: { payload: { taskId: string }; result: TaskDetail }
    acceptTask: { payload: AcceptTaskInput; result: TaskDetail }
    resolveTask: { payload: ResolveTaskInput; result: TaskDetail }
  }
}

export type FunctionName = keyof Api
export type ActionName<F extends FunctionName> = keyof Api[F] & string
export type PayloadOf<F extends FunctionName, A extends ActionName<F>> = Api[F][A] extends { payload: infer P } ? P : never
export type ResultOf<F extends FunctionName, A extends ActionName<F>> = Api[F][A] extends { result: infer R } ? R : never
