import type { Leaderboard, LeaderboardRow, MyPoints, PointsEntryView } from '../../../shared/api'
import { maskName } from '../../../shared/declarations/words'
import { appError } from '../../../shared/errors'
import { shanghaiCompactDay } from '../../../shared/identity/calendarDate'
import type { PointsEntry, Report, Task, User } from '../../../shared/model'
import { fail, ok, type Result } from '../../../shared/result'
import type { LeaderboardInput, MyPointsInput } from '../../../shared/schemas/volunteers'
import { DAILY_POINTS_CAP, earnsPoints, POINTS_PER_REPORT, pointsFor } from '../../../shared/volunteers/points'
import type { Needs } from '../ports'
import { message, pushQuietly } from '../records'
import { categoryOf } from '../tasks/limits'

// Volunteers' points (志愿积分, shared/volunteers/points.ts has the rules): the grant when a
// case is resolved, the volunteer's own points on 我的, and a community's leaderboard.

/** The leaderboard's length: a page a volunteer reads through, not a register of everyone. */
export const LEADERBOARD_ROWS = 20
/**
 * A rank is found among the community's first 1,000 volunteers (one store read, the most one
 * CloudBase query returns; a community has tens to a few hundred): past that, none is shown.
 */
const RANKED = 1000
const DEFAULT_PAGE = 20

type GrantDeps = Needs<'reference' | 'points' | 'clock' | 'ids' | 'config' | 'notifier'>

/**
 * Grants the reporter's points for a case, if it earns them (a volunteer's, accepted and
 * resolved, never merged): once per case whatever calls it, a resolve, a rating or the close
 * job, so any of them heals a grant a crash lost. Past the day's cap the entry is kept with 0
 * points. Two grants of one volunteer's cases landing in the same instant may both read the
 * day below the cap; the cap then gives way by one report rather than making grants wait.
 */
export async function grantReportPoints(deps: GrantDeps, report: Report, task: Task): Promise<{ entry: PointsEntry; created: boolean } | null> {
  // the task first: a case that earns nobody anything costs no read of its reporter
  if (!earnsPoints('volunteer', task)) return null
  const reporter = await deps.reference.getUser(report.reporterId)
  if (!reporter || !earnsPoints(reporter.role, task)) return null
  const now = deps.clock.now()
  const day = shanghaiCompactDay(now)
  const { points, capped } = pointsFor(await deps.points.dayTotal(reporter.id, day))
  const entry: PointsEntry = {
    id: report.id, userId: reporter.id, reportId: report.id, caseNumber: task.caseNumber, category: task.category,
    communityId: task.area.communityId ?? report.routing.communityId, points, capped, day, at: now,
  }
  const name = categoryOf(deps, task.category).name
  const messages = points > 0
    ? [message(deps, reporter.id, 'points_granted', `获得${points}志愿积分`, `您反映的「${name}」（工单编号${task.caseNumber}）已办结，获得${points}志愿积分，感谢您的巡查`, { reportId: report.id, taskId: task.id })]
    : []
  const granted = await deps.points.grant(entry, messages)
  if (granted.created) await pushQuietly(deps, messages)
  return granted
}

/** The grant after a resolution or a close: its failure is logged, never the caller's (the next one heals it). */
export async function grantQuietly(deps: GrantDeps, report: Report, task: Task): Promise<void> {
  try {
    await grantReportPoints(deps, report, task)
  } catch (err) {
    console.warn(`points for report ${report.id} not granted; a rating or the close job grants them later`, (err as Error).message)
  }
}

/** The community a volunteer's board is: their home grid's, else their own record's. */
async function homeCommunityId(deps: Needs<'reference'>, caller: User): Promise<string | null> {
  const grid = caller.homeGridId ? await deps.reference.getGrid(caller.homeGridId) : null
  return grid?.communityId ?? caller.communityId ?? null
}

/** The caller's place and points on a community's board (ordinal: ties go to who got there first). */
async function standing(deps: Needs<'points'>, communityId: string, userId: string): Promise<{ rank: number | null; points: number }> {
  const board = await deps.points.leaderboard(communityId, RANKED)
  const i = board.findIndex((row) => row.userId === userId)
  return i < 0 ? { rank: null, points: 0 } : { rank: i + 1, points: board[i].points }
}

export async function myPoints(deps: Needs<'reference' | 'points' | 'clock' | 'config'>, caller: User, input: MyPointsInput): Promise<Result<MyPoints>> {
  const communityId = await homeCommunityId(deps, caller)
  const [total, today, page, community] = await Promise.all([
    deps.points.total(caller.id),
    deps.points.dayTotal(caller.id, shanghaiCompactDay(deps.clock.now())),
    deps.points.history(caller.id, { cursor: input.cursor, limit: input.limit ?? DEFAULT_PAGE }),
    communityId ? deps.reference.getCommunity(communityId) : null,
  ])
  const rank = community ? (await standing(deps, community.id, caller.id)).rank : null
  const items: PointsEntryView[] = page.items.map((e) => ({
    reportId: e.reportId, caseNumber: e.caseNumber, categoryName: categoryOf(deps, e.category).name, points: e.points, capped: e.capped, at: e.at,
  }))
  return ok({ total, today, dailyCap: DAILY_POINTS_CAP, perReport: POINTS_PER_REPORT, rank, communityName: community?.name ?? null, history: { items, nextCursor: page.nextCursor } })
}

export async function leaderboard(deps: Needs<'reference' | 'points'>, caller: User, input: LeaderboardInput): Promise<Result<Leaderboard>> {
  const communityId = input.communityId ?? (await homeCommunityId(deps, caller))
  if (!communityId) return fail(appError('VALIDATION', '请选择社区', { communityId: '请选择社区' }))
  const community = await deps.reference.getCommunity(communityId)
  if (!community) return fail(appError('NOT_FOUND', '没有找到这个社区', { communityId: '没有找到这个社区' }))
  const top = await deps.points.leaderboard(community.id, LEADERBOARD_ROWS)
  const names = new Map((await deps.reference.getUsers(top.map((r) => r.userId))).map((u) => [u.id, u.name]))
  const rows: LeaderboardRow[] = top.map((r, i) => ({ rank: i + 1, name: maskName(names.get(r.userId) ?? '志愿者'), points: r.points, isMe: r.userId === caller.id }))
  const me = caller.role === 'volunteer' ? await standing(deps, community.id, caller.id) : null
  return ok({ communityId: community.id, communityName: community.name, rows, me })
}
