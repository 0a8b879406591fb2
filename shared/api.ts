import type { Level } from './levels'
import type { Routing, TimelineEvent, User } from './model'
import type { Role } from './roles'
import type { TaskStatus } from './workflow/status'

// What the functions answer: the views a screen shows (docs/api.md explains each). The
// actions themselves, their payloads and which result each returns, are in contracts.ts.

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

export type { Api, ActionName, FunctionName, InputOf, PayloadOf, ResultOf } from './contracts'
