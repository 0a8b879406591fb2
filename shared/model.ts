import type { Level } from './levels'
import type { Role } from './roles'
import type { RoutingOutcome } from './routing/outcome'
import type { TaskStatus } from './workflow/status'

// Domain records as the app layer and the client see them. Times are epoch milliseconds.

export interface LngLat { lng: number; lat: number }

export interface User {
  id: string
  name: string
  role: Role
  /** work number for staff (shown to residents), own number for residents */
  phone: string
  /** staff scope: the grids a worker/leader serves, the community or street of a dispatcher */
  gridIds: string[]
  communityId?: string
  streetId?: string
  /** a resident's home grid, when known (from a verified declaration or chosen) */
  homeGridId?: string
  duties?: string
  photoUrl?: string
}

export interface Grid {
  id: string
  name: string
  communityId: string
  streetId: string
  /** GCJ-02 rings: outer ring first, then holes; each ring closed or open */
  polygon: [number, number][][]
  version: number
  workerIds: string[]
  leaderId?: string
}

export interface Community { id: string; name: string; streetId: string; dispatcherIds: string[] }
export interface Street { id: string; name: string; district: string; hotline: string; polygon: [number, number][][] }

export interface Routing {
  outcome: RoutingOutcome
  gridId: string | null
  gridVersion: number
  /** grids within the border tolerance, so a worker can transfer in one tap */
  neighbourGridIds: string[]
  /** distance to the chosen grid's border in metres (0 inside) */
  distanceM: number
  communityId: string | null
  streetId: string | null
}

export interface Report {
  id: string
  reporterId: string
  category: string
  description: string
  photos: string[]
  location: LngLat & { accuracyM?: number }
  address?: string
  routing: Routing
  taskId: string
  createdAt: number
  rating?: { stars: number; solved: boolean; comment?: string; at: number }
}

export interface Task {
  id: string
  kind: 'report'
  reportId: string
  category: string
  gridId: string | null
  /** when no grid: the queue of a community or street dispatcher */
  queue: { scope: 'grid' | 'community' | 'street'; id: string }
  level: Level
  status: TaskStatus
  assigneeId: string | null
  acceptedById: string | null
  acceptDueAt: number
  resolveDueAt: number | null
  /** the deadline that matters now: accept while unaccepted, resolve after; null once done */
  dueAt: number | null
  result?: { text: string; photos: string[]; at: number; byId: string }
  reopenCount: number
  version: number
  createdAt: number
  updatedAt: number
}

export interface TimelineEvent {
  id: string
  taskId: string
  at: number
  actorId: string
  actorName: string
  action: string
  /** words for the person reading the timeline */
  text: string
  note?: string
  photos?: string[]
}

export interface Message {
  id: string
  userId: string
  kind: 'report_accepted' | 'report_resolved' | 'report_closed' | 'task_assigned' | 'task_reopened'
  title: string
  body: string
  reportId?: string
  taskId?: string
  createdAt: number
  readAt: number | null
}
