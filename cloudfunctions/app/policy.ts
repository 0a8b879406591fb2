import type { ActionName, FunctionName } from '../../shared/contracts'
import type { Declaration, Patrol, Report, Task, User } from '../../shared/model'
import { ON_BEHALF_FILERS, type Role } from '../../shared/roles'

// Who may do what, decided here and only here (DESIGN.md "Identity and roles"). Every
// action names the roles that may call it and the scope of the records it may touch;
// `can(caller, fn, action, subject)` is the one question dispatch, the use cases and the
// views ask. Without a subject it answers for the role alone (dispatch, before anything is
// loaded); with one, for that record too. The authorization matrix test
// (tests/functions/authorizationMatrix.test.ts) walks every action × role × scope.

export const ANYONE: readonly Role[] = ['resident', 'volunteer', 'grid_worker', 'grid_leader', 'community_dispatcher', 'street_dispatcher', 'district_admin']
export const REPORTERS: readonly Role[] = ['resident', 'volunteer']
export const GRID_STAFF: readonly Role[] = ['grid_worker', 'grid_leader']
export const DISPATCHERS: readonly Role[] = ['community_dispatcher', 'street_dispatcher', 'district_admin']
export const STAFF: readonly Role[] = [...GRID_STAFF, ...DISPATCHERS]

/** Where a queue or an area record sits: its community (if any) and street. */
export interface AreaSubject { communityId: string | null; streetId: string | null }
export interface QueueSubject { scope: 'community' | 'street' | 'district'; id: string; streetId: string | null }
/** A room's household: the accounts that declared its current residents (a landlord for their tenants). */
export interface HouseholdSubject { declarantIds: readonly string[] }

/** The record each scope is about, and the rule that decides whether the caller may touch it. */
interface ScopeSubjects {
  /** no record: the catalogue, one's own identity */
  anyone: undefined
  /** records kept per person (messages, grants): always the caller's own */
  self: { userId: string }
  /** a report and what hangs on it, seen by the person who submitted it */
  own_report: Report
  /** a report read by its reporter or by someone who follows it ("me too", a merged duplicate's reporter) */
  followed_report: Report
  /** a volunteer's own patrol (巡查打卡) */
  own_patrol: Patrol
  /** a task of one of the caller's grids */
  grid_task: Task
  /** a task the caller accepted, or any task of their grid for its grid leader (办结) */
  accepted_task: Task
  /** a dispatchers' queue: a community's for its dispatchers, a street's and its communities' for the street's */
  queue: QueueSubject
  /** anything located in a community or street: the dispatchers of that area, and the district */
  area: AreaSubject
  /** a residence declaration, for the person who made it */
  own_declaration: Declaration
  /** a room's current household, for those who declared it */
  household: HouseholdSubject
  /** a declaration to verify (核查): the staff of its grid, or the substitute it was handed to */
  verification: Declaration
  /** a grid's population register: its own staff */
  register: { gridId: string }
  /** a task seen by staff: its grid's (or the substitute it was handed to), and the dispatchers of its area */
  task_view: Task
  /** a task moved by staff: on its grid's staff while a grid holds it, on its area's dispatchers wherever it waits */
  task_handler: Task
  /** a task moved by a dispatcher of its area (assign, reassign) */
  area_task: Task
  /** 督办: a grid leader on their grids' tasks, a dispatcher on their area's */
  supervision: Task
  /** 延期: decided by the level above the task's: a community's dispatchers for a grid's task, a street's for a community's, the district for any */
  extension_approver: Task
}
export type Scope = keyof ScopeSubjects

/** A task of one of the caller's grids, or one handed to them as the substitute of a worker on leave. */
const inCallersGrid = (caller: User, task: Task) => (task.gridId !== null && caller.gridIds.includes(task.gridId)) || task.assigneeId === caller.id

/** A dispatcher's area covers a place: their community, their street, or (district) all. */
function areaCovers(caller: User, area: AreaSubject): boolean {
  if (caller.role === 'district_admin') return true
  if (caller.role === 'street_dispatcher') return !!caller.streetId && area.streetId === caller.streetId
  if (caller.role === 'community_dispatcher') return !!caller.communityId && area.communityId === caller.communityId
  return false
}

const isDispatcher = (caller: User) => DISPATCHERS.includes(caller.role)
const DISPATCHER_RANK: Partial<Record<Role, number>> = { community_dispatcher: 1, street_dispatcher: 2, district_admin: 3 }
const LEVEL_RANK = { grid: 0, community: 1, street: 2, district: 3 } as const
/** A grid's staff act on what their grid holds; a dispatcher on anything of their area. */
const handles = (caller: User, task: Task) => (isDispatcher(caller) ? areaCovers(caller, task.area) : inCallersGrid(caller, task))

const RULES: { [S in Scope]: (caller: User, subject: ScopeSubjects[S]) => boolean } = {
  anyone: () => true,
  self: (caller, s) => s.userId === caller.id,
  own_report: (caller, report) => report.reporterId === caller.id,
  followed_report: (caller, report) => report.reporterId === caller.id || (report.followerIds ?? []).includes(caller.id),
  own_patrol: (caller, patrol) => patrol.userId === caller.id,
  grid_task: inCallersGrid,
  accepted_task: (caller, task) => inCallersGrid(caller, task) && (task.acceptedById === caller.id || caller.role === 'grid_leader'),
  queue: (caller, q) => areaCovers(caller, q.scope === 'community' ? { communityId: q.id, streetId: q.streetId } : { communityId: null, streetId: q.id }),
  area: areaCovers,
  own_declaration: (caller, d) => d.declarantId === caller.id,
  household: (caller, h) => h.declarantIds.includes(caller.id),
  verification: (caller, d) => caller.gridIds.includes(d.gridId) || d.assigneeId === caller.id,
  register: (caller, r) => caller.gridIds.includes(r.gridId),
  task_view: handles,
  task_handler: handles,
  area_task: (caller, task) => isDispatcher(caller) && areaCovers(caller, task.area),
  supervision: (caller, task) => (caller.role === 'grid_leader' ? inCallersGrid(caller, task) : isDispatcher(caller) && areaCovers(caller, task.area)),
  extension_approver: (caller, task) =>
    areaCovers(caller, task.area) && ((DISPATCHER_RANK[caller.role] ?? 0) > LEVEL_RANK[task.level] || caller.role === 'district_admin'),
}

export interface Policy<S extends Scope = Scope> { roles: readonly Role[]; scope: S }
const rule = <S extends Scope>(roles: readonly Role[], scope: S): Policy<S> => ({ roles, scope })

export const POLICY = {
  user: {
    me: rule(ANYONE, 'anyone'),
    catalogue: rule(ANYONE, 'anyone'),
    myGrid: rule(ANYONE, 'anyone'),
    listCommunities: rule(ANYONE, 'anyone'),
    communityMap: rule(ANYONE, 'anyone'),
    locatePoint: rule(ANYONE, 'anyone'),
    // the address picker: buildings, units and room numbers are on every door; who lives there is not in it
    listBuildings: rule(ANYONE, 'anyone'),
    nearBuildings: rule(ANYONE, 'anyone'),
    // a resident's own choice of grid; staff have theirs from the roster
    setHomeGrid: rule(REPORTERS, 'self'),
    // an account not yet bound to staff: a staff account cannot take a second record
    bindStaff: rule(REPORTERS, 'self'),
    listMessages: rule(ANYONE, 'self'),
    markMessagesRead: rule(ANYONE, 'self'),
    subscribeTemplates: rule(ANYONE, 'anyone'),
    recordGrants: rule(ANYONE, 'self'),
    // public: masked names and points of a community's volunteers
    leaderboard: rule(ANYONE, 'anyone'),
    // public: resolved cases with reviewed photos, rounded places, no person (docs/privacy.md)
    gridBoard: rule(ANYONE, 'anyone'),
  },
  resident: {
    submitReport: rule(REPORTERS, 'self'),
    listMyReports: rule(REPORTERS, 'self'),
    // its reporter, and those who follow it ("me too"), who read it and nothing more
    getMyReport: rule(REPORTERS, 'followed_report'),
    rateReport: rule(REPORTERS, 'own_report'),
    // what its reporter does after submitting: 撤回, 补充说明, 催办 (the machine says when)
    withdrawReport: rule(REPORTERS, 'own_report'),
    addReportInfo: rule(REPORTERS, 'own_report'),
    urgeReport: rule(REPORTERS, 'own_report'),
    // a household declares itself: a resident or a volunteer, for a room they live in or let
    declareResidence: rule(REPORTERS, 'self'),
    amendDeclaration: rule(REPORTERS, 'own_declaration'),
    withdrawDeclaration: rule(REPORTERS, 'own_declaration'),
    declareMoveOut: rule(REPORTERS, 'household'),
    // only the caller's own household: nobody else's, however near
    myResidence: rule(REPORTERS, 'self'),
    // "me too": nothing personal in the list; joining is checked against the radius and window by the use case
    nearbyReports: rule([...REPORTERS, ...GRID_STAFF], 'anyone'),
    joinReport: rule(REPORTERS, 'self'),
    // 代报 / 代申报 for a resident who phoned or walked in
    reportOnBehalf: rule(ON_BEHALF_FILERS, 'self'),
    declareOnBehalf: rule(ON_BEHALF_FILERS, 'self'),
    // volunteers: their points, and the patrol log of their micro-grid
    myPoints: rule(['volunteer'], 'self'),
    startPatrol: rule(['volunteer'], 'self'),
    checkInPatrol: rule(['volunteer'], 'own_patrol'),
    endPatrol: rule(['volunteer'], 'own_patrol'),
    listPatrols: rule(['volunteer'], 'self'),
  },
  worker: {
    listInbox: rule(GRID_STAFF, 'self'),
    // the task page: its grid's staff, and the dispatchers of its area (the console opens it)
    getTask: rule(STAFF, 'task_view'),
    acceptTask: rule(GRID_STAFF, 'grid_task'),
    resolveTask: rule(GRID_STAFF, 'accepted_task'),
    listVerifications: rule(GRID_STAFF, 'self'),
    getVerification: rule(GRID_STAFF, 'verification'),
    reviewDeclaration: rule(GRID_STAFF, 'verification'),
    // a field whole, to the verifying staff only, with a reason; every read is in the audit log
    revealPersonField: rule(GRID_STAFF, 'verification'),
    listRegister: rule(GRID_STAFF, 'register'),
    // 上报: a grid's staff send up what their grid holds; a dispatcher anything of their area
    escalateTask: rule(STAFF, 'task_handler'),
    // to a neighbouring grid (the near-border flag); the receiving grid's staff may refuse it once
    transferTask: rule(GRID_STAFF, 'grid_task'),
    refuseTransfer: rule(GRID_STAFF, 'grid_task'),
    returnTask: rule(GRID_STAFF, 'grid_task'),
    // 延期: asked by the one who accepted it (or the grid leader), decided by the level above
    requestExtension: rule(GRID_STAFF, 'accepted_task'),
    // 合并: a duplicate into another open case; the caller must handle both (each asked of task_handler)
    mergeReports: rule(STAFF, 'task_handler'),
  },
  admin: {
    listQueue: rule(DISPATCHERS, 'queue'),
    // the map and the roster are the district's (区网格办): one office keeps them consistent
    importGrids: rule(['district_admin'], 'anyone'),
    importRoster: rule(['district_admin'], 'anyone'),
    importBuildings: rule(['district_admin'], 'anyone'),
    // staff of an area (the community or street a staff record sits in), for its dispatchers and the district
    listStaff: rule(DISPATCHERS, 'area'),
    issueBindingCode: rule(DISPATCHERS, 'area'),
    unbindStaff: rule(DISPATCHERS, 'area'),
    setLeave: rule(DISPATCHERS, 'area'),
    endLeave: rule(DISPATCHERS, 'area'),
    setStaffPhoto: rule(DISPATCHERS, 'area'),
    // the audit log of unmasked reads: the district's (区网格办) oversight, read only
    listAudit: rule(['district_admin'], 'anyone'),
    // the dispatchers' console: the open tasks of their community, street or (district) all
    listConsole: rule(DISPATCHERS, 'area'),
    consoleCounts: rule(DISPATCHERS, 'area'),
    // 工单编号 search: any staff, answered only for a task they may see
    findCase: rule(STAFF, 'task_view'),
    assignTask: rule(DISPATCHERS, 'area_task'),
    decideExtension: rule(DISPATCHERS, 'extension_approver'),
    superviseTask: rule(['grid_leader', ...DISPATCHERS], 'supervision'),
    // many tasks at once: each one is asked of the policy row of its move (assignTask, superviseTask, escalateTask, decideExtension)
    bulkMove: rule(DISPATCHERS, 'anyone'),
  },
} as const satisfies { [F in FunctionName]: { [A in ActionName<F>]: Policy } }

type PolicyOf<F extends FunctionName, A extends ActionName<F>> = (typeof POLICY)[F][A & keyof (typeof POLICY)[F]]
type SubjectOf<F extends FunctionName, A extends ActionName<F>> = PolicyOf<F, A> extends Policy<infer S> ? ScopeSubjects[S] : never

export function policyOf(fn: FunctionName, action: string): Policy | undefined {
  const table = POLICY[fn] as Record<string, Policy>
  return Object.hasOwn(table, action) ? table[action] : undefined
}

/** May the caller run this action (on this record, when one is given)? */
export function can<F extends FunctionName, A extends ActionName<F>>(caller: User, fn: F, action: A, ...subject: [] | [SubjectOf<F, A>]): boolean {
  const policy = policyOf(fn, action)
  if (!policy || !policy.roles.includes(caller.role)) return false
  if (subject.length === 0) return true
  return (RULES[policy.scope] as (c: User, s: unknown) => boolean)(caller, subject[0])
}
