import type { Level } from './levels'
import type { Role } from './roles'
import type { RoutingOutcome } from './routing/outcome'
import type { TaskStatus } from './workflow/status'
import type { TimelineAction } from './workflow/timeline'

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
  /** staff: when they can be found, in their own words (e.g. "工作日 9:00–17:30，社区党群服务中心") */
  officeHours?: string
  /** the file id of the contact-card photo (admin.setStaffPhoto); a web address from an old roster is never shown */
  photoUrl?: string
  /** staff: a leave and who covers it; new tasks of their grids go to the substitute while it runs */
  leave?: Leave
  /** staff: the account (WeChat or local identity) bound to this record with a binding code */
  binding?: { accountId: string; at: number }
}

export interface Leave {
  from: number
  until: number
  substituteId: string
  note?: string
}

/** One polygon in GCJ-02: its outer ring first, then its holes; each ring closed or open. */
export type PolygonRings = [number, number][][]

/** A grid's area as GeoJSON gives it: one polygon, or several parts (an island, a split grid). */
export type GridGeometry = { type: 'Polygon'; coordinates: PolygonRings } | { type: 'MultiPolygon'; coordinates: PolygonRings[] }

export interface Grid {
  id: string
  /** 6-digit administrative code + 3-digit street + 3-digit community + 3-digit grid (imports match on it) */
  code?: string
  name: string
  communityId: string
  streetId: string
  geometry: GridGeometry
  /** moves whenever this grid's boundary changes */
  version: number
  workerIds: string[]
  leaderId?: string
}

export interface Community {
  id: string
  /** 12 digits: the district's administrative code, the street's 3 and the community's 3 */
  code?: string
  name: string
  streetId: string
  dispatcherIds: string[]
  /** the community's outline, when the map has one: a report far from every grid but inside it goes to its queue */
  geometry?: GridGeometry
}
export interface Street {
  id: string
  /** 9 digits: the district's administrative code and the street's 3 */
  code?: string
  name: string
  district: string
  hotline: string
  polygon: PolygonRings
  /** the street's dispatchers (街道分拨中心), who receive its queue */
  dispatcherIds: string[]
}

export interface Routing {
  outcome: RoutingOutcome
  gridId: string | null
  gridVersion: number
  /** the generation of the whole grid map this point was routed against */
  mapGeneration: number
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
  /** when it was last accepted (签收), resolved and closed: what the monthly statistics count */
  acceptedAt: number | null
  resolvedAt: number | null
  closedAt: number | null
}

export interface TimelineEvent {
  id: string
  taskId: string
  at: number
  actorId: string
  actorName: string
  action: TimelineAction
  /** words for the person reading the timeline */
  text: string
  note?: string
  photos?: string[]
}

export const MESSAGE_KINDS = ['task_assigned', 'task_reopened', 'report_accepted', 'report_resolved', 'report_closed'] as const
export type MessageKind = (typeof MESSAGE_KINDS)[number]

export interface Message {
  id: string
  userId: string
  kind: MessageKind
  title: string
  body: string
  reportId?: string
  taskId?: string
  createdAt: number
  readAt: number | null
}

/**
 * A residential building (楼栋) of a community, located so it routes to its grid. Its id is
 * made from the community's code and the building's name (shared/buildings/ids.ts), so
 * importing the same file again finds the same building.
 */
export interface Building {
  id: string
  communityId: string
  /** the grid its location routed to when it was imported */
  gridId: string
  /** as the community names it: "3栋", "A座" */
  name: string
  address: string
  /** GCJ-02, one point for the building (its entrance or centre) */
  location: LngLat
}

/** A room (户) of a building; a declaration names it by id. The id begins with its building's id. */
export interface Room {
  id: string
  buildingId: string
  /** "2单元"; '' for a building without units */
  unit: string
  /** "301" */
  number: string
}
