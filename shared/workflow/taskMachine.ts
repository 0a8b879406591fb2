import { appError } from '../errors'
import { fail, ok, type Result } from '../result'
import type { Task } from '../model'
import { deadlineOf, type WorkingCalendar } from '../calendar/workingTime'
import { AWAITING_ACCEPT, STATUS_NAMES, type TaskStatus } from './status'

// The case workflow as a pure function: a task, an action and its context in, the next
// task out (or a CONFLICT naming the state that forbids it). Authorization — who may act on
// which task — is decided in the app layer, not here.

export interface Limits { acceptMinutes: number; resolveMinutes: number }
export interface MachineContext { actorId: string; now: number; calendar: WorkingCalendar; limits: Limits }

export type TaskAction =
  | { type: 'accept' }
  | { type: 'resolve'; text: string; photos: string[] }
  | { type: 'rate'; reopen: boolean }
  /** the reporter did not rate within the rating window: closed as unrated (system) */
  | { type: 'close_unrated' }

const ALLOWED: Record<TaskAction['type'], readonly TaskStatus[]> = {
  accept: AWAITING_ACCEPT,
  resolve: ['accepted', 'extension_requested'],
  rate: ['resolved'],
  close_unrated: ['resolved'],
}

const VERBS: Record<TaskAction['type'], string> = { accept: '签收', resolve: '办结', rate: '评价', close_unrated: '结案' }

/** A resolved case its reporter has not rated closes as unrated after this long (DESIGN.md). */
export const RATING_WINDOW_MS = 7 * 24 * 60 * 60 * 1000

export const canApply = (task: Task, type: TaskAction['type']) => ALLOWED[type].includes(task.status)

/**
 * A working-time deadline, with `calendarUnconfirmed` when it ran into a year the calendar
 * file does not hold (calendarYears.ts): the flag belongs to the deadline, so each new one
 * sets or clears it.
 */
function workingDeadline(now: number, minutes: number, calendar: WorkingCalendar) {
  const d = deadlineOf(now, minutes, calendar)
  return { at: d.at, flag: d.unconfirmed ? { calendarUnconfirmed: true as const } : {} }
}

export function applyTaskAction(task: Task, action: TaskAction, ctx: MachineContext): Result<Task> {
  if (!canApply(task, action.type)) {
    return fail(appError('CONFLICT', `该任务当前状态为「${STATUS_NAMES[task.status]}」，不能${VERBS[action.type]}，请刷新后查看`))
  }
  const { calendarUnconfirmed: _previousDeadlines, ...rest } = task
  const base = { ...rest, version: task.version + 1, updatedAt: ctx.now }
  switch (action.type) {
    case 'accept': {
      const due = workingDeadline(ctx.now, ctx.limits.resolveMinutes, ctx.calendar)
      return ok({ ...base, ...due.flag, status: 'accepted', acceptedById: ctx.actorId, acceptedAt: ctx.now, resolveDueAt: due.at, dueAt: due.at })
    }
    case 'resolve':
      // while it waits for the reporter's rating, the deadline that matters is the rating window's end
      return ok({ ...base, status: 'resolved', resolvedAt: ctx.now, dueAt: ctx.now + RATING_WINDOW_MS, result: { text: action.text, photos: action.photos, at: ctx.now, byId: ctx.actorId } })
    case 'close_unrated':
      return ok({ ...base, status: 'closed', closedAt: ctx.now, dueAt: null })
    case 'rate': {
      if (!action.reopen) return ok({ ...base, status: 'closed', closedAt: ctx.now, dueAt: null })
      // 返工: back to the same worker, to be accepted again within the category's limit.
      const due = workingDeadline(ctx.now, ctx.limits.acceptMinutes, ctx.calendar)
      return ok({ ...base, ...due.flag, status: 'reopened', reopenCount: task.reopenCount + 1, acceptedById: null, acceptDueAt: due.at, resolveDueAt: null, dueAt: due.at })
    }
  }
}

/** A new task for a routed report, waiting to be accepted. */
export function newTaskDeadlines(now: number, limits: Limits, calendar: WorkingCalendar) {
  const due = workingDeadline(now, limits.acceptMinutes, calendar)
  return { acceptDueAt: due.at, resolveDueAt: null, dueAt: due.at, ...due.flag }
}
