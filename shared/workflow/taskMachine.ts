import { appError } from '../errors'
import { fail, ok, type Result } from '../result'
import { DISTRICT_QUEUE_ID, type Task } from '../model'
import { LEVEL_INFO, nextLevel, type Level } from '../levels'
import { addWorkingMinutes, deadlineOf, workingMinutesBetween, type WorkingCalendar } from '../calendar/workingTime'
import { AWAITING_ACCEPT, BEFORE_ACCEPT, HELD_BY_GRID, IN_QUEUE, isOpen, OPEN_STATUSES, STATUS_NAMES, type TaskStatus } from './status'
import { reporterRefusal, type ReporterMove } from './residentWords'
/** The third reopen (返工) or the third return (退回) escalates instead (DESIGN.md). */
export const ESCALATE_AFTER = 3

// The case workflow as a pure function: a task, an action and its context in, the next
// task out (or a CONFLICT naming the state that forbids it). Authorization — who may act on
// which task — is decided in the app layer (policy.ts), not here. docs/workflow.md has the
// states, levels and moves as a table and a diagram.

export interface Limits { acceptMinutes: number; resolveMinutes: number }
export interface MachineContext {
  actorId: string
  now: number
  calendar: WorkingCalendar
  /** the category's limits at a level (catalogue.ts limitsAt) */
  limits: (level: Level) => Limits
}

export type TaskAction =
  | { type: 'accept' }
  | { type: 'resolve'; text: string; photos: string[] }
  | { type: 'rate'; reopen: boolean }
  /** the reporter did not rate within the rating window: closed as unrated (system) */
  | { type: 'close_unrated' }
  /** one level up: on request (with a reason) or by the escalate job past a deadline */
  | { type: 'escalate'; reason: string }
  /** to a neighbouring grid, whose staff accept it or refuse it once */
  | { type: 'transfer'; toGridId: string; assigneeId: string | null; reason: string }
  | { type: 'refuse_transfer'; reason: string }
  /** 退回: back to the dispatchers' queue of its level */
  | { type: 'return'; reason: string }
  /** a dispatcher assigns a queued task to a grid, or reassigns one a grid holds */
  | { type: 'assign'; gridId: string; assigneeId: string | null }
  | { type: 'request_extension'; days: number; reason: string; byName: string }
  | { type: 'decide_extension'; approve: boolean; reason?: string }
  /** 督办: pressed by a leader or dispatcher; `overdue` when the job marks a red task past its deadline */
  | { type: 'supervise'; note: string; byName: string; overdue?: boolean }
  /** 80% of the deadline's working time has gone: the assignee was told */
  | { type: 'warn' }
  /** the reporter's own moves: 撤回 before anyone accepted it, 补充说明 while open, 催办 past the expected time */
  | { type: 'withdraw' }
  | { type: 'add_info' }
  | { type: 'urge' }
  /** "me too": someone else joins the case instead of filing a duplicate (the report gains a follower) */
  | { type: 'follow' }
  /** a duplicate merged by staff into another open case, which its reporter and followers follow from now on */
  | { type: 'merge'; into: { taskId: string; reportId: string; caseNumber: string } }
export type TaskActionType = TaskAction['type']

const GRID_HELD_NOT_TRANSFERRED: readonly TaskStatus[] = ['assigned', 'accepted', 'reopened']

export const ALLOWED: Record<TaskActionType, readonly TaskStatus[]> = {
  accept: AWAITING_ACCEPT,
  resolve: ['accepted', 'extension_requested'],
  rate: ['resolved'],
  close_unrated: ['resolved'],
  escalate: OPEN_STATUSES,
  transfer: GRID_HELD_NOT_TRANSFERRED,
  refuse_transfer: ['transferred'],
  return: GRID_HELD_NOT_TRANSFERRED,
  assign: [...IN_QUEUE, ...HELD_BY_GRID],
  request_extension: ['accepted'],
  decide_extension: ['extension_requested'],
  supervise: OPEN_STATUSES,
  warn: OPEN_STATUSES,
  withdraw: BEFORE_ACCEPT,
  add_info: OPEN_STATUSES,
  urge: OPEN_STATUSES,
  follow: OPEN_STATUSES,
  merge: OPEN_STATUSES,
}

export const VERBS: Record<TaskActionType, string> = {
  accept: '签收', resolve: '办结', rate: '评价', close_unrated: '结案', escalate: '上报', transfer: '转派', refuse_transfer: '拒收',
  return: '退回', assign: '派单', request_extension: '申请延期', decide_extension: '审批延期', supervise: '督办', warn: '预警',
  withdraw: '撤回', add_info: '补充说明', urge: '催办', follow: '关注', merge: '合并',
}

/** A resolved case its reporter has not rated closes as unrated after this long (DESIGN.md). */
export const RATING_WINDOW_MS = 7 * 24 * 60 * 60 * 1000
/** The share of a deadline's working time after which its holder is warned. */
export const WARN_SHARE = 0.8
/** A reporter urges (催办) a case once a day at most: the holder is told each time. */
export const URGE_EVERY_MS = 24 * 60 * 60 * 1000

/**
 * The time the reporter was told to expect ("预计…前处理", residentWords.expectedByOf): the
 * resolve deadline once accepted; before that the accept deadline plus its level's resolve limit.
 * Null once nothing is expected (resolved, closed, withdrawn).
 */
export function expectedAt(task: Pick<Task, 'status' | 'level' | 'dueAt' | 'resolveDueAt'>, ctx: Pick<MachineContext, 'calendar' | 'limits'>): number | null {
  if (!isOpen(task.status) || task.dueAt === null) return null
  return task.resolveDueAt ?? addWorkingMinutes(task.dueAt, ctx.limits(task.level).resolveMinutes, ctx.calendar)
}

/** After this instant its reporter may urge it: past the expected time, and a day after the last urge. */
export function urgeAfter(task: Task, ctx: Pick<MachineContext, 'calendar' | 'limits'>): number | null {
  const expected = expectedAt(task, ctx)
  if (expected === null) return null
  return task.urgedAt === undefined ? expected : Math.max(expected, task.urgedAt + URGE_EVERY_MS)
}

/** Whether the action is allowed in the task's state (and, for the moves with one more rule, that rule). */
export function canApply(task: Task, type: TaskActionType): boolean {
  if (!ALLOWED[type].includes(task.status)) return false
  if (type === 'escalate') return escalationLevel(task) !== null
  if (type === 'refuse_transfer') return !task.transferRefused
  if (type === 'warn') return task.warnAt !== null && task.checkAt === task.warnAt
  // urge has one more rule, in time: urgeAfter
  return true
}

/** The level an escalation reaches: the next one, skipping community when the task lies in no community. */
export function escalationLevel(task: Pick<Task, 'level' | 'area'>): Level | null {
  const next = nextLevel(task.level)
  if (next === 'community' && !task.area.communityId) return 'street'
  return next
}

/** The dispatchers' queue of a level for a task's area: grid and community level wait in the community's. */
export function queueAt(level: Level, area: Task['area']): Task['queue'] {
  if (level === 'district' || (!area.streetId && !area.communityId)) return { scope: 'district', id: DISTRICT_QUEUE_ID }
  if (level === 'street' || !area.communityId) return { scope: 'street', id: area.streetId! }
  return { scope: 'community', id: area.communityId }
}

/** "社区": who holds a level, for the words residents read ("已上报社区处理"). */
export const levelOwner = (level: Level) => LEVEL_INFO[level].owner

/**
 * A new working-time deadline from now: the deadline, the moment of its 80% warning (which
 * the escalate job looks at first), and `calendarUnconfirmed` when it ran into a year the
 * calendar file does not hold (the flag belongs to the deadline, so each new one sets or clears it).
 */
export function deadlineFrom(now: number, minutes: number, calendar: WorkingCalendar) {
  const due = deadlineOf(now, minutes, calendar)
  const warnAt = deadlineOf(now, Math.max(1, Math.floor(minutes * WARN_SHARE)), calendar).at
  return { dueAt: due.at, warnAt, checkAt: warnAt, flag: due.unconfirmed ? { calendarUnconfirmed: true as const } : {} }
}

const REPORTER_MOVES: readonly TaskActionType[] = ['withdraw', 'add_info', 'urge'] satisfies ReporterMove[]
// the reporter reads the refusal in their own words (residentWords.ts), staff in the states'
const conflict = (task: Task, type: TaskActionType, why?: string) =>
  fail(appError('CONFLICT', why ?? (REPORTER_MOVES.includes(type) ? reporterRefusal(task, type as ReporterMove) : `该任务当前状态为「${STATUS_NAMES[task.status]}」，不能${VERBS[type]}，请刷新后查看`)))

type Base = Omit<Task, 'calendarUnconfirmed'>

export function applyTaskAction(task: Task, action: TaskAction, ctx: MachineContext): Result<Task> {
  if (!ALLOWED[action.type].includes(task.status)) return conflict(task, action.type)
  const { calendarUnconfirmed: _previousDeadline, ...rest } = task
  const base: Base = { ...rest, version: task.version + 1, updatedAt: ctx.now }
  // a move that keeps the deadline keeps its flag too
  const keep = task.calendarUnconfirmed ? { calendarUnconfirmed: true as const } : {}
  const limits = ctx.limits(task.level)
  const toAccept = (t: Base, minutes = limits.acceptMinutes): Task => {
    const d = deadlineFrom(ctx.now, minutes, ctx.calendar)
    return { ...t, ...d.flag, acceptedById: null, acceptDueAt: d.dueAt, resolveDueAt: null, dueAt: d.dueAt, warnAt: d.warnAt, checkAt: d.checkAt }
  }
  switch (action.type) {
    case 'accept': {
      const d = deadlineFrom(ctx.now, limits.resolveMinutes, ctx.calendar)
      const { transfer: _settled, ...held } = base
      return ok({ ...held, ...d.flag, status: 'accepted', acceptedById: ctx.actorId, acceptedAt: ctx.now, resolveDueAt: d.dueAt, dueAt: d.dueAt, warnAt: d.warnAt, checkAt: d.checkAt })
    }
    case 'resolve': {
      const { extension: _dropped, ...done } = base
      // while it waits for the reporter's rating, the deadline that matters is the rating window's end
      return ok({ ...done, status: 'resolved', resolvedAt: ctx.now, dueAt: ctx.now + RATING_WINDOW_MS, warnAt: null, checkAt: null, result: { text: action.text, photos: action.photos, at: ctx.now, byId: ctx.actorId } })
    }
    case 'close_unrated':
      return ok({ ...base, status: 'closed', closedAt: ctx.now, dueAt: null, warnAt: null, checkAt: null })
    case 'rate': {
      if (!action.reopen) return ok({ ...base, status: 'closed', closedAt: ctx.now, dueAt: null, warnAt: null, checkAt: null })
      const reopened = { ...base, reopenCount: task.reopenCount + 1 }
      // the third 返工 goes up a level instead of back to the same worker
      if (reopened.reopenCount >= ESCALATE_AFTER && escalationLevel(task)) return ok(escalated(reopened, escalationLevel(task)!, ctx))
      return ok({ ...toAccept(reopened), status: 'reopened' })
    }
    case 'escalate': {
      const level = escalationLevel(task)
      if (!level) return conflict(task, action.type, '该任务已是红色 · 区级（最高层级），不能再上报，可以督办')
      return ok(escalated(base, level, ctx))
    }
    case 'transfer': {
      if (action.toGridId === task.gridId) return conflict(task, action.type, '不能转派给本网格')
      const moved = { ...base, gridId: action.toGridId, queue: { scope: 'grid' as const, id: action.toGridId }, assigneeId: action.assigneeId, status: 'transferred' as const }
      const transfer = { fromGridId: task.gridId ?? '', toGridId: action.toGridId, reason: action.reason, byId: ctx.actorId, at: ctx.now }
      const { extension: _dropped, ...t } = toAccept(moved)
      return ok({ ...t, transfer })
    }
    case 'refuse_transfer': {
      if (task.transferRefused) return conflict(task, action.type, '该任务已被拒收过一次，不能再次拒收，请签收或退回分拨中心')
      const { transfer: _refused, ...t } = intoQueue(base, task.level)
      return ok({ ...toAccept(t), status: 'returned', transferRefused: true })
    }
    case 'return': {
      const returned = { ...base, returnCount: task.returnCount + 1 }
      if (returned.returnCount >= ESCALATE_AFTER && escalationLevel(task)) return ok(escalated(returned, escalationLevel(task)!, ctx))
      return ok({ ...toAccept(intoQueue(returned, task.level)), status: 'returned' })
    }
    case 'assign': {
      const { transfer: _t, extension: _e, ...t } = base
      return ok({ ...toAccept({ ...t, gridId: action.gridId, queue: { scope: 'grid', id: action.gridId }, assigneeId: action.assigneeId }), status: 'assigned' })
    }
    case 'request_extension':
      return ok({ ...base, ...keep, status: 'extension_requested', extension: { days: action.days, reason: action.reason, byId: ctx.actorId, byName: action.byName, at: ctx.now } })
    case 'decide_extension': {
      const { extension, ...t } = base
      if (!action.approve || !extension || task.resolveDueAt === null) return ok({ ...t, ...keep, status: 'accepted' })
      // the deadline moves by the days asked, counted in working days from where it stood
      const dayMinutes = workingDayMinutes(ctx.calendar)
      const due = deadlineOf(task.resolveDueAt, extension.days * dayMinutes, ctx.calendar)
      const left = workingMinutesBetween(ctx.now, due.at, ctx.calendar)
      const warnAt = deadlineOf(ctx.now, Math.max(1, Math.floor(left * WARN_SHARE)), ctx.calendar).at
      return ok({ ...t, ...(due.unconfirmed ? { calendarUnconfirmed: true as const } : {}), status: 'accepted', resolveDueAt: due.at, dueAt: due.at, warnAt, checkAt: warnAt })
    }
    case 'supervise': {
      const supervision = { count: (task.supervision?.count ?? 0) + 1, note: action.note, byId: ctx.actorId, byName: action.byName, at: ctx.now, ...(action.overdue ? { overdue: true as const } : {}) }
      // the job's mark of a red task past its deadline is the last thing it does to it
      return ok({ ...base, ...keep, supervision, ...(action.overdue ? { checkAt: null } : {}) })
    }
    case 'warn':
      if (task.warnAt === null || task.checkAt !== task.warnAt) return conflict(task, action.type, '该任务已预警过')
      return ok({ ...base, ...keep, checkAt: task.dueAt })
    case 'withdraw': {
      // nobody is asked to do anything about it any more: no deadline, no check, no pending transfer
      const { transfer: _t, ...t } = base
      return ok({ ...t, status: 'withdrawn', closedAt: ctx.now, dueAt: null, warnAt: null, checkAt: null })
    }
    case 'add_info':
    case 'follow':
      return ok({ ...base, ...keep })
    case 'merge': {
      if (action.into.taskId === task.id) return conflict(task, action.type, '不能合并到本工单自身')
      // the case it joins carries on; this one asks nothing of anyone any more
      const { transfer: _t, extension: _e, ...t } = base
      return ok({ ...t, status: 'merged', mergedInto: action.into, closedAt: ctx.now, dueAt: null, warnAt: null, checkAt: null })
    }
    case 'urge': {
      const after = urgeAfter(task, ctx)
      if (after === null) return conflict(task, action.type)
      if (ctx.now <= after) return conflict(task, action.type, reporterRefusal(task, 'urge', { after, urgedBefore: after !== expectedAt(task, ctx) }))
      return ok({ ...base, ...keep, urgedAt: ctx.now })
    }
  }
}

/** Into the dispatchers' queue of a level: out of every grid and off everyone's hands. */
function intoQueue<T extends Base>(t: T, level: Level): T {
  return { ...t, gridId: null, queue: queueAt(level, t.area), assigneeId: null, acceptedById: null }
}

function escalated(t: Base, level: Level, ctx: MachineContext): Task {
  const { transfer: _t, extension: _e, ...rest } = t
  const d = deadlineFrom(ctx.now, ctx.limits(level).acceptMinutes, ctx.calendar)
  return {
    ...intoQueue(rest, level), ...d.flag, level, status: 'escalated',
    acceptDueAt: d.dueAt, resolveDueAt: null, dueAt: d.dueAt, warnAt: d.warnAt, checkAt: d.checkAt,
  }
}

/** Working minutes of one working day on this calendar (7.5 h on the default one). */
export function workingDayMinutes(calendar: WorkingCalendar): number {
  const minutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3))
  return calendar.periods.reduce((sum, p) => sum + minutes(p.end) - minutes(p.start), 0)
}

/** A new task for a routed report: waiting to be accepted by its grid, or assigned by the dispatchers of its queue. */
export function newTaskDeadlines(now: number, limits: Limits, calendar: WorkingCalendar) {
  const d = deadlineFrom(now, limits.acceptMinutes, calendar)
  return { acceptDueAt: d.dueAt, resolveDueAt: null, dueAt: d.dueAt, warnAt: d.warnAt, checkAt: d.checkAt, ...d.flag }
}
