import type { Level } from './levels'
import type { Role } from './roles'
import type { RoutingOutcome } from './routing/outcome'
import type { TaskStatus } from './workflow/status'
import type { TimelineAction } from './workflow/timeline'
import type { IdKind } from './identity/idDocuments'
import type { DeclarationKind, DeclarationStatus, Relation, ReviewDecision, RevealableField, Standing } from './declarations/words'

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
  /** the verified address the home grid came from (a verified declaration sets it; choosing a grid clears it) */
  homeAddress?: { roomId: string; label: string }
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
  /** the task's 工单编号, which the reporter is shown */
  caseNumber: string
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
  /** "me too" (我也遇到): the people who joined it instead of filing a duplicate, and the reporters of reports merged into it; its results reach them */
  followerIds?: string[]
  /** filed by a worker or volunteer for a resident who phoned or walked in (代报) */
  onBehalf?: OnBehalf
}

/**
 * 代报 / 代申报: the resident a worker or volunteer filed for, to give the answer back to. The
 * phone is sealed like a declared person's; only the staff handling the case see it whole.
 */
export interface OnBehalf {
  name: string
  phone: SealedValue
  byId: string
  byName: string
  byRole: Role
  at: number
}

/** Where a task waits: a grid (its staff), or the dispatchers' queue of a community, street or the district. */
export type QueueScope = 'grid' | 'community' | 'street' | 'district'
/** The one district queue: a deployment serves one district, whose admins (区网格办) hold it. */
export const DISTRICT_QUEUE_ID = 'district'

/** A move between people, as the task keeps it while it matters (docs/workflow.md). */
export interface TransferNote { fromGridId: string; toGridId: string; reason: string; byId: string; at: number }
export interface ExtensionRequest { days: number; reason: string; byId: string; byName: string; at: number }
/** 督办: who pressed the task and why; `overdue` when the escalate job marked a red task past its deadline. */
export interface Supervision { count: number; note: string; byId: string; byName: string; at: number; overdue?: true }

export interface Task {
  id: string
  kind: 'report'
  reportId: string
  /** 工单编号: the day (Asia/Shanghai, YYYYMMDD) and that day's sequence, e.g. 2026120100123 */
  caseNumber: string
  category: string
  /** the grid that holds it now; null while it waits in a dispatchers' queue */
  gridId: string | null
  /** where it waits: its grid, or a community's, street's or the district's dispatchers' queue */
  queue: { scope: QueueScope; id: string }
  /** the community and street it lies in: whose dispatchers see it, whichever queue holds it */
  area: { communityId: string | null; streetId: string | null }
  level: Level
  status: TaskStatus
  assigneeId: string | null
  acceptedById: string | null
  acceptDueAt: number
  resolveDueAt: number | null
  /** the deadline that matters now: accept while unaccepted, resolve after; null once done */
  dueAt: number | null
  /** that deadline ran into a year the working calendar does not hold (fixed statutory holidays only) */
  calendarUnconfirmed?: true
  result?: { text: string; photos: string[]; at: number; byId: string }
  reopenCount: number
  /** 退回 to the dispatcher so far: the third escalates */
  returnCount: number
  /** when 80% of the current deadline's working time has gone (the assignee is warned); null with no deadline */
  warnAt: number | null
  /**
   * The next instant the escalate job must look at the task: its warning, then its deadline;
   * null when nothing is due (resolved, closed, or supervised at the top past its deadline).
   */
  checkAt: number | null
  /** the last transfer to a neighbouring grid, while the receiving grid has it to accept or refuse */
  transfer?: TransferNote
  /** the receiving grid refused a transfer once: a task is refused once at most */
  transferRefused?: true
  /** a pending 延期 request, until the level above decides */
  extension?: ExtensionRequest
  supervision?: Supervision
  /** 催办: when its reporter last urged it; once a day at most */
  urgedAt?: number
  /** merged into another case (a duplicate): its reporter and followers follow that one now */
  mergedInto?: { taskId: string; reportId: string; caseNumber: string }
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

export const MESSAGE_KINDS = [
  'task_assigned', 'task_reopened', 'report_accepted', 'report_resolved', 'report_closed',
  // the four levels and the moves between people (docs/workflow.md)
  'task_escalated', 'task_warning', 'task_transferred', 'task_returned', 'task_supervised', 'extension_requested', 'extension_decided', 'report_progress',
  // what the reporter does after submitting, to whoever holds it (docs/workflow.md)
  'report_withdrawn', 'report_info_added', 'report_urged',
  // "me too", merging and volunteers' points (docs/workflow.md)
  'report_followed', 'report_merged', 'points_granted',
  // residence declarations: to the verifying worker, to the declarant, and a duplicate ID to both grids' workers
  'declaration_received', 'declaration_verified', 'declaration_rejected', 'declaration_more_info', 'declaration_duplicate',
] as const
export type MessageKind = (typeof MESSAGE_KINDS)[number]

export interface Message {
  id: string
  userId: string
  kind: MessageKind
  title: string
  body: string
  reportId?: string
  taskId?: string
  declarationId?: string
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

/**
 * An ID or phone number as stored (docs/privacy.md): the cipher's token (AES-256-GCM, the
 * field's name as associated data), the blind index a duplicate search finds it by, and the
 * masked form every view shows. An anonymised record has none of them.
 */
export interface SealedValue { token: string; index: string; masked: string }

/** One person of a declaration. Its id becomes the register resident's id once verified. */
export interface DeclaredPerson {
  id: string
  name: string
  idKind: IdKind
  idNumber: SealedValue
  phone: SealedValue | null
  relation: Relation
  /** YYYY-MM-DD, Asia/Shanghai */
  moveInDate: string
}

/** A line of a declaration's history: who did what, when, and why. */
export interface DeclarationEvent {
  at: number
  actorId: string
  actorName: string
  action: 'submitted' | 'amended' | 'withdrawn' | ReviewDecision
  note?: string
}

/**
 * A residence declaration (居住登记自主申报): people moving into a room, or moving out of it
 * (注销), as its declarant says; a verification task (核查) for the room's grid until a worker
 * approves, rejects or asks for more. Routed by address: the room's building → its grid.
 */
export interface Declaration {
  id: string
  kind: DeclarationKind
  roomId: string
  buildingId: string
  communityId: string
  streetId: string | null
  gridId: string
  /** "3栋2单元301", as the register and messages name the room */
  addressLabel: string
  declarantId: string
  standing: Standing
  /** move_in: the people moving in; move_out: the register residents moving out (their ids) */
  persons: DeclaredPerson[]
  /** move_out: the day they left (YYYY-MM-DD) */
  moveOutDate?: string
  consentVersion: string
  status: DeclarationStatus
  /** the worker who verifies it: the grid's first worker not on leave, or their substitute */
  assigneeId: string | null
  /** the verification deadline while open; null once decided */
  dueAt: number | null
  /** the last decision and its reason */
  review: { decision: ReviewDecision; reason?: string; byId: string; byName: string; at: number } | null
  history: DeclarationEvent[]
  version: number
  createdAt: number
  updatedAt: number
  /** when its personal fields were removed (retention, app/jobs/anonymiseExpired.ts) */
  anonymisedAt: number | null
  /** 代申报: filed by a worker or volunteer for the resident named here */
  onBehalf?: OnBehalf
}

/**
 * A person of the population register (实有人口): someone living in a room, from the
 * verified declaration that moved them in until the verified one that moved them out.
 */
export interface Resident {
  /** the declared person's id */
  id: string
  roomId: string
  buildingId: string
  communityId: string
  gridId: string
  /** the room's place in the register's order (shared/declarations/registerOrder.ts) */
  registerOrder: string
  name: string
  idKind: IdKind
  idNumber: SealedValue
  phone: SealedValue | null
  relation: Relation
  standing: Standing
  moveInDate: string
  declarationId: string
  declarantId: string
  verifiedAt: number
  verifiedById: string
  movedOut: { date: string; at: number; declarationId: string } | null
  anonymisedAt: number | null
}

/** One unmasked read (or another act on personal data): who, whose, when, why. Never changed, never removed. */
export interface AuditEntry {
  id: string
  at: number
  actorId: string
  actorName: string
  actorRole: Role
  action: 'reveal'
  field: RevealableField
  declarationId: string
  personId: string
  /** masked (张*明): the log says whose without repeating the register */
  personName: string
  /** the declaration's room as the register names it ("3栋2单元301"; the grid says where) */
  addressLabel?: string
  gridId: string
  reason: string
}

/**
 * A volunteer's points for one report (志愿积分): granted once per case when it is resolved,
 * never for a withdrawn, rejected or merged one; past the day's cap the entry is kept with 0
 * points so the history says why.
 */
export interface PointsEntry {
  /** the report's id: one entry per case, whatever retries or reopenings */
  id: string
  userId: string
  reportId: string
  caseNumber: string
  category: string
  /** the community the case lies in: the leaderboard it counts on (null outside every community) */
  communityId: string | null
  points: number
  /** the day's cap had been reached: kept with 0 points */
  capped: boolean
  /** YYYYMMDD in Asia/Shanghai: the day the cap is counted on */
  day: string
  at: number
}

/** 巡查打卡: a volunteer's walk through their micro-grid, its check-ins and the reports made on it. */
export interface Patrol {
  id: string
  userId: string
  /** the grid walked: the volunteer's home grid, else the grid of the first check-in */
  gridId: string | null
  startedAt: number
  endedAt: number | null
  checkIns: (LngLat & { at: number })[]
  /** reports the volunteer made between start and end (set when it ends) */
  reportIds: string[]
  version: number
}
