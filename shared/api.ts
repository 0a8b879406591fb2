import type { Level } from './levels'
import type { GridGeometry, Routing, TimelineEvent, User } from './model'
import type { RoutingOutcome } from './routing/outcome'
import type { Role } from './roles'
import type { TaskStatus } from './workflow/status'

// What the functions answer: the views a screen shows (docs/api.md explains each). The
// actions themselves, their payloads and which result each returns, are in contracts.ts.

export interface Page<T> { items: T[]; nextCursor: string | null }

/** One person on a contact card: what a resident needs to reach them, and who covers their leave. */
export interface StaffContact {
  name: string
  phone: string
  role: Role
  roleName: string
  duties: string
  officeHours: string
  photoUrl?: string
  /** on leave now: until when, and who takes their grid's new tasks meanwhile */
  onLeave: { until: number; substitute: { name: string; phone: string } | null } | null
}

export interface ContactCard {
  gridId: string
  gridName: string
  communityId: string
  communityName: string
  streetName: string
  leader: StaffContact | null
  workers: StaffContact[]
  hotline: string
  /** how the grid was found: the household's address or the person's choice, their own grid as staff, or where they stand */
  source: 'home' | 'staff' | 'location'
}

/** "My grid": the card, or why there is none and whom to call instead. */
export type MyGrid =
  | { found: true; card: ContactCard }
  | { found: false; reason: 'no_location' | 'outside'; areaName: string | null; hotline: string }

/** One grid drawn on a community's map (GCJ-02). */
export interface MapGrid { id: string; name: string; geometry: GridGeometry; leaderName: string | null }
export interface CommunityMap {
  community: { id: string; name: string; streetName: string; hotline: string; geometry: GridGeometry | null }
  grids: MapGrid[]
  /** [minLng, minLat, maxLng, maxLat] of everything drawn */
  bbox: [number, number, number, number]
}
export interface CommunityListItem { id: string; name: string; streetName: string; grids: { id: string; name: string }[] }

/** Which grid a point falls in, shown before a report is sent. */
export interface PointPlace {
  outcome: RoutingOutcome
  gridId: string | null
  gridName: string | null
  communityId: string | null
  communityName: string | null
  neighbourGridNames: string[]
  /** words for the person: "该位置属于 桃源社区 · 第一网格" */
  message: string
}

/** An import's answer: what would change (or did), every problem, and warnings that do not block. */
export interface ImportWarning { kind: 'overlap' | 'gap'; message: string; areaM2: number; codes?: string[]; communityCode?: string; features?: (number | null)[]; bbox?: [number, number, number, number] }
export interface GridImportResult {
  applied: boolean
  problems: { feature: number; field: string; message: string }[]
  warnings: ImportWarning[]
  plan: { added: string[]; changed: string[]; unchanged: string[]; removed: string[] }
  /** the map generation the import created (null for a dry run or a refused file) */
  generation: number | null
}
export interface RosterProblem { row: number; column: string; message: string }
export interface RosterImportResult {
  applied: boolean
  problems: RosterProblem[]
  /** names with their work phone, e.g. "张三（139****0001）" */
  plan: { added: string[]; changed: string[]; unchanged: string[] }
}

/** A problem of an imported CSV file: its row as Excel counts (0: the file) and its column's header. */
export type CsvProblem = RosterProblem
export interface BuildingImportResult {
  applied: boolean
  problems: CsvProblem[]
  /** buildings by community and name ("桃源社区 3栋"); rooms counted, as a file holds hundreds */
  plan: { buildings: { added: string[]; changed: string[]; unchanged: string[] }; rooms: { added: number; removed: number } }
}

/** A building for the address picker: its units, each with its rooms in number order. */
export interface BuildingListItem {
  id: string
  name: string
  address: string
  gridId: string
  units: { unit: string; rooms: { id: string; number: string }[] }[]
}

/** A staff record as the admin pages list it. */
export interface StaffRecord {
  userId: string
  name: string
  role: Role
  roleName: string
  phone: string
  /** the grids, community or street the roster placed them in, in words */
  placeName: string
  gridIds: string[]
  communityId: string | null
  streetId: string | null
  bound: boolean
  boundAt: number | null
  /** an unused binding code's expiry, null when none is waiting */
  codeExpiresAt: number | null
  leave: { from: number; until: number; substituteId: string; substituteName: string; note?: string } | null
  /** a link to the photo the staff page uploaded (admin.setStaffPhoto), null when none */
  photo: string | null
  /** the photo passed content review, so residents see it on the contact card */
  photoShown: boolean
}
export interface BindingCode { userId: string; code: string; expiresAt: number }

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
