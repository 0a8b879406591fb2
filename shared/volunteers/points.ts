import type { Role } from '../roles'
import type { Task } from '../model'

// Volunteers' points (志愿积分): the rules, pure. A volunteer earns points for a report that
// staff accepted (签收) and resolved (办结); nothing for one withdrawn, rejected or merged
// into another case as a duplicate, nor for a resident's report (residents are not on the
// leaderboard). The grant itself is once per case (the entry's id is the report's).

export const POINTS_PER_REPORT = 10

/**
 * Five reports' worth a day. A patrol through a micro-grid turns up a few problems a day;
 * past that, splitting one problem into many small reports would only farm points and fill
 * the workers' inboxes, so reports beyond the cap are still welcome but earn nothing more.
 */
export const DAILY_POINTS_CAP = 50

/** The task as far as the rule reads it. */
export type EarningTask = Pick<Task, 'status' | 'acceptedAt' | 'result' | 'mergedInto'>

/** Whether a report, as its task stands now, earns its volunteer reporter points. */
export function earnsPoints(reporterRole: Role, task: EarningTask): boolean {
  if (reporterRole !== 'volunteer') return false
  // a duplicate merged into another case earns nothing, whatever happened to it
  if (task.mergedInto) return false
  if (task.acceptedAt === null || task.acceptedAt === undefined) return false
  if (task.status === 'resolved') return true
  // closed is reached by rating or the unrated-close job after a resolution: its result says it was one
  return task.status === 'closed' && !!task.result
}

/** The points for one more earning report, given what the volunteer already got that day. */
export function pointsFor(dayTotalSoFar: number): { points: number; capped: boolean } {
  const room = Math.max(0, DAILY_POINTS_CAP - dayTotalSoFar)
  const points = Math.min(POINTS_PER_REPORT, room)
  return { points, capped: points < POINTS_PER_REPORT }
}
