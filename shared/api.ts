import type { Level } from './levels'
import type { GridGeometry, Routing, TimelineEvent, User } from './model'
import type { RoutingOutcome } from './routing/outcome'
import type { Role } from './roles'
import type { TaskStatus } from './workflow/status'
import type { DeclarationKind, DeclarationStatus, Relation, RevealableField, Standing } from './declarations/words'

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
  /** source 'home' from a verified declaration: the address it came from ("3栋2单元301") */
  homeAddress?: string
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

/** A building near the located point, nearest first: its community named, its distance in metres. */
export interface NearBuilding extends BuildingListItem { communityId: string; communityName: string; distanceM: number }

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
  /** 工单编号, e.g. 2026120100123: what the resident quotes on the phone */
  caseNumber: string
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
  /** words beside the deadline, '日历未确认' when it ran into a year the working calendar does not hold */
  dueNote: string | null
  /** "预计12月3日17:00前处理" while it is open, null once resolved */
  expectedBy: string | null
  /** who has it now, in a resident's words: "网格员处理中", "已上报社区处理" */
  stage: string
  /** how many people follow it besides its reporter ("me too" and merged duplicates) */
  followerCount: number
  /** the viewer filed it, or follows it ("me too"): a follower reads it, nothing more */
  relation: 'reporter' | 'follower'
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
  /** 撤回: nobody has accepted it yet */
  canWithdraw: boolean
  /** 补充说明: while it is open */
  canAddInfo: boolean
  /** 催办: open, past the expected time, and not urged in the last 24 hours */
  canUrge: boolean
  /** when urging becomes possible (the expected time, or 24 h after the last urge); null once closed or with no expected time */
  urgeAfter: number | null
  /** a duplicate merged into another case: the case its reporter follows now */
  mergedInto: { reportId: string; caseNumber: string } | null
  /** 代报: the resident it was filed for, masked even to the filer (the handling staff see it whole) */
  onBehalf: { nameMasked: string; phoneMasked: string } | null
}

/** A move's trace on a task, as the staff pages show it. */
export interface SupervisionView { count: number; note: string; byName: string; at: number; overdue: boolean }
export interface ExtensionView { days: number; reason: string; byName: string; at: number }
export interface TransferView { fromGridId: string; fromGridName: string; reason: string; at: number; refusable: boolean }

export interface TaskSummary {
  taskId: string
  reportId: string
  caseNumber: string
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
  /** words beside the deadline, '日历未确认' when it ran into a year the working calendar does not hold */
  dueNote: string | null
  overdue: boolean
  /** 80% of the deadline's working time has gone (and it is not yet overdue) */
  dueSoon: boolean
  nearBorder: boolean
  reopenCount: number
  returnCount: number
  /** where it waits, in words: "滨江一网格", "江南社区分拨中心" */
  holder: string
  queue: { scope: 'grid' | 'community' | 'street' | 'district'; id: string }
  supervision: SupervisionView | null
  extension: ExtensionView | null
  transfer: TransferView | null
  version: number
  createdAt: number
}

/** What the caller may do to a task now: the buttons a page shows (policy and workflow both agree). */
export interface TaskMoves {
  accept: boolean
  resolve: boolean
  escalate: boolean
  /** the neighbouring grids it can go to in one tap (the near-border flag), empty when it cannot */
  transferTo: { gridId: string; gridName: string }[]
  refuseTransfer: boolean
  return: boolean
  requestExtension: boolean
  decideExtension: boolean
  supervise: boolean
  assign: boolean
  /** 合并: a duplicate of another open case can be merged into it (by 工单编号) */
  merge: boolean
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
  moves: TaskMoves
  /** the department that handles its category at its level (the catalogue's) */
  department: string
  /** how many people follow it besides its reporter: they are told its result too */
  followerCount: number
  /** 代报: the resident to give the answer back to, whole, for the staff handling it */
  onBehalf: { name: string; phone: string; byName: string; byRoleName: string } | null
  /** merged into another case */
  mergedInto: { taskId: string; caseNumber: string } | null
}

/** The dispatchers' console: a page of its list, and the grids of the caller's area to assign to. */
export interface ConsolePage extends Page<TaskSummary> {
  area: { scope: 'community' | 'street' | 'district'; id: string; name: string }
  /** the grids of a community's or street's area with their staff (empty for the district: it picks by community) */
  grids: { gridId: string; gridName: string; communityId: string; staff: { id: string; name: string; role: string; onLeave: boolean }[] }[]
}
export interface ConsoleCounts {
  /** open tasks per level */
  byLevel: Record<Level, number>
  overdue: number
  /** waiting in a dispatchers' queue to be assigned */
  queued: number
  extensionRequests: number
}
/** A bulk move: every task's own outcome, in the order sent. */
export interface BulkMoveResult {
  done: number
  failed: number
  results: ({ taskId: string; ok: true; version: number } | { taskId: string; ok: false; code: string; message: string })[]
}

export interface SubmitReportResult {
  reportId: string
  caseNumber: string
  /** "预计12月3日17:00前处理" */
  expectedBy: string | null
  gridId: string | null
  gridName: string | null
  routing: Routing
  status: TaskStatus
}

/** Subscription-message templates whose grants the client asks for on each tap (empty: none configured). */
/** The templates each tap asks grants for (cloudfunctions/app/subscriptions.ts): a report's submit, a worker's 签收 and 办结, a declaration's submit. */
export interface SubscribeTemplates { submit: string[]; accept: string[]; resolve: string[]; declare: string[] }

/** What wx.requestSubscribeMessage answered per template id. */
export type GrantAnswer = 'accept' | 'reject' | 'ban' | 'filter'

export type Me = Pick<User, 'id' | 'name' | 'role' | 'gridIds' | 'communityId' | 'streetId' | 'homeGridId'> & { roleName: string }

// ── residence declaration (居住登记), verification (核查), the register (实有人口) ──────────

/** A person as every view shows them: ID and phone masked (docs/privacy.md). */
export interface PersonView {
  id: string
  name: string
  idKindName: string
  idNumberMasked: string
  phoneMasked: string | null
  relation: Relation
  relationName: string
  moveInDate: string
}

export interface DeclarationEventView { at: number; actorName: string; actionName: string; note?: string }

export interface DeclarationView {
  id: string
  kind: DeclarationKind
  kindName: string
  roomId: string
  addressLabel: string
  communityName: string
  gridName: string
  standing: Standing
  standingName: string
  persons: PersonView[]
  moveOutDate?: string
  status: DeclarationStatus
  /** in words: 待核查, 需补充信息, 已核验, 未通过, 已撤回 */
  statusName: string
  review: { decisionName: string; reason?: string; byName: string; at: number } | null
  /** the verification deadline while open */
  dueAt: number | null
  overdue: boolean
  history: DeclarationEventView[]
  consentVersion: string
  version: number
  createdAt: number
  updatedAt: number
  /** 代申报: the resident it was filed for, masked (the verifying staff see it whole) */
  onBehalf: { nameMasked: string; phoneMasked: string } | null
}

/** A person of the register as a view shows them. */
export interface ResidentView extends PersonView {
  roomId: string
  addressLabel: string
  buildingId: string
  standingName: string
  verifiedAt: number
  movedOut: { date: string; at: number } | null
}

/** A room the caller declared for, with its verified current residents. */
export interface HouseholdView { roomId: string; addressLabel: string; communityName: string; gridId: string; gridName: string; residents: ResidentView[] }

export interface MyResidence {
  households: HouseholdView[]
  /** newest first */
  declarations: DeclarationView[]
  consentVersion: string
}

export interface VerificationSummary {
  id: string
  kind: DeclarationKind
  kindName: string
  addressLabel: string
  gridName: string
  personCount: number
  status: DeclarationStatus
  statusName: string
  dueAt: number | null
  overdue: boolean
  createdAt: number
  /** persons whose ID is also declared or registered at another address */
  duplicateCount: number
}

/** The same ID at another address (found by its blind index): shown to the workers of both. */
export interface DuplicateFlag { personId: string; addressLabel: string; gridName: string; statusName: string }

export interface VerificationDetail extends Omit<DeclarationView, 'onBehalf'> {
  declarant: { name: string; phoneMasked: string | null }
  /** 代申报: the resident to call back, whole, and who filed it for them */
  onBehalf: { name: string; phone: string; byName: string; byRoleName: string } | null
  /** who the register already has in the room */
  roomResidents: ResidentView[]
  duplicates: DuplicateFlag[]
  /** may this caller ask for a field whole (open declarations only) */
  canReveal: boolean
}

export interface RevealedField { personId: string; field: RevealableField; value: string; auditId: string }

/** Declaration coverage (申报率): rooms with a verified household / known rooms. */
export interface Coverage { knownRooms: number; verifiedRooms: number; residents: number; rate: number | null }

export interface RegisterPage extends Page<ResidentView> {
  gridId: string
  gridName: string
  coverage: Coverage
  buildings: { id: string; name: string }[]
  /** the caller's grids, to switch between them */
  myGrids: { id: string; name: string }[]
}

export interface AuditView {
  id: string
  at: number
  actorName: string
  actorRoleName: string
  actionName: string
  fieldName: string
  personName: string
  declarationId: string
  /** the declaration's room ("3栋2单元301"); '' for entries written before it was kept */
  addressLabel: string
  gridName: string
  reason: string
}

export type { Api, ActionName, FunctionName, InputOf, PayloadOf, ResultOf } from './contracts'

/** An open report near the reporter's point ("me too"): nothing in it is personal. */
export interface NearbyReport {
  reportId: string
  caseNumber: string
  category: string
  categoryName: string
  /** its first photo, only if it passed content security */
  thumbnail: string | null
  createdAt: number
  /** "3天前" */
  ago: string
  distanceM: number
  followerCount: number
  /** in a resident's words: 已受理, 处理中 */
  statusWords: string
  /** the caller already follows it (or reported it) */
  joined: boolean
}

export interface PointsEntryView { reportId: string; caseNumber: string; categoryName: string; points: number; capped: boolean; at: number }
/** A volunteer's points on 我的. */
export interface MyPoints {
  total: number
  today: number
  dailyCap: number
  perReport: number
  /** place on the leaderboard of their community, null when they have no points there */
  rank: number | null
  communityName: string | null
  history: Page<PointsEntryView>
}
export interface LeaderboardRow { rank: number; /** masked: 张*明 */ name: string; points: number; isMe: boolean }
export interface Leaderboard { communityId: string; communityName: string; rows: LeaderboardRow[]; me: { rank: number | null; points: number } | null }

export interface PatrolReportView { reportId: string; caseNumber: string; categoryName: string; statusWords: string; createdAt: number }
/** 巡查打卡: a walk, its check-ins and the reports made on it. */
export interface PatrolView {
  id: string
  gridId: string | null
  gridName: string | null
  startedAt: number
  endedAt: number | null
  checkIns: { lng: number; lat: number; at: number }[]
  /** along the check-ins, in metres */
  distanceM: number
  reports: PatrolReportView[]
  version: number
}

/** A resolved case on its grid's public board: photos that passed content security, the place rounded to 50 m, no person. */
export interface BoardCase {
  caseNumber: string
  category: string
  categoryName: string
  reportedAt: number
  resolvedAt: number
  /** working on it took: "2天" */
  tookWords: string
  before: string | null
  after: string | null
  location: { lng: number; lat: number }
  /** the reporter's stars, when rated */
  stars: number | null
}
export interface GridBoard extends Page<BoardCase> { gridId: string; gridName: string; communityName: string }
