import { createHash } from 'node:crypto'
import type { Page, PatrolReportView, PatrolView } from '../../../shared/api'
import { appError } from '../../../shared/errors'
import type { LngLat, Patrol, Report, User } from '../../../shared/model'
import { fail, ok, type Result } from '../../../shared/result'
import { distanceM } from '../../../shared/routing/geo'
import { MAX_CHECK_INS, type ListPatrolsInput, type PatrolPointInput, type StartPatrolInput } from '../../../shared/schemas/volunteers'
import { residentStatus } from '../../../shared/workflow/residentStatus'
import { can } from '../policy'
import type { Needs } from '../ports'
import { withTasks } from '../reports/readReports'
import { categoryOf } from '../tasks/limits'

// The patrol log (巡查打卡): a volunteer starts a walk through their micro-grid, checks in
// on the way, and ends it; the reports they made between the start and the end are the
// walk's. One walk at a time, so the reports of a time belong to one walk. A check-in or the
// end carries no version: the patrol's version as loaded guards the write, and a phone that
// sends one twice adds a second point, which costs nothing.

const DEFAULT_PAGE = 20
/** The reporter's reports are read newest first in pages of this many until one is older than the walk. */
const REPORT_PAGE = 50

type PatrolDeps = Needs<'patrols' | 'cases' | 'reference' | 'router' | 'clock' | 'ids' | 'config'>
type PointAction = 'checkInPatrol' | 'endPatrol'

/**
 * A start keyed by the request has an id made from it: a retry finds its own open patrol by
 * that id, while a start with another request while one is open is refused.
 */
const patrolIdOf = (requestKey: string) => `pt_${createHash('sha256').update(requestKey).digest('hex').slice(0, 24)}`
const pointOf = (p: LngLat, at: number) => ({ lng: p.lng, lat: p.lat, at })

export async function startPatrol(deps: PatrolDeps, caller: User, input: StartPatrolInput, requestId: string | undefined): Promise<Result<PatrolView>> {
  const requestKey = requestId ? `${caller.id}:startPatrol:${requestId}` : null
  const id = requestKey ? patrolIdOf(requestKey) : deps.ids.next('pt')
  const open = await deps.patrols.openFor(caller.id)
  if (open && open.id !== id) return fail(appError('CONFLICT', '您有一次巡查尚未结束，请先结束它再开始新的巡查', { patrolId: '您有一次巡查尚未结束' }))
  if (open) return ok(await patrolView(deps, open))
  const now = deps.clock.now()
  const gridId = caller.homeGridId ?? (await deps.router.route(input.location)).gridId
  const patrol: Patrol = { id, userId: caller.id, gridId, startedAt: now, endedAt: null, checkIns: [pointOf(input.location, now)], reportIds: [], version: 1 }
  const stored = await deps.patrols.create(patrol, requestKey)
  return ok(await patrolView(deps, stored.patrol))
}

export function checkInPatrol(deps: PatrolDeps, caller: User, input: PatrolPointInput): Promise<Result<PatrolView>> {
  return move(deps, caller, input, 'checkInPatrol', async (patrol, now) => {
    if (patrol.checkIns.length >= MAX_CHECK_INS) {
      return fail(appError('VALIDATION', `一次巡查最多打卡${MAX_CHECK_INS}次，请结束本次巡查`, { location: `一次巡查最多打卡${MAX_CHECK_INS}次` }))
    }
    return ok({ ...patrol, checkIns: [...patrol.checkIns, pointOf(input.location, now)] })
  })
}

export function endPatrol(deps: PatrolDeps, caller: User, input: PatrolPointInput): Promise<Result<PatrolView>> {
  return move(deps, caller, input, 'endPatrol', async (patrol, now) => {
    // the end is a point of the walk too, within the cap
    const checkIns = patrol.checkIns.length < MAX_CHECK_INS ? [...patrol.checkIns, pointOf(input.location, now)] : patrol.checkIns
    const reports = await reportsDuring(deps, caller.id, patrol.startedAt, now)
    return ok({ ...patrol, checkIns, endedAt: now, reportIds: reports.map((r) => r.id) })
  })
}

/** A change to the caller's open patrol, saved over the version it was made from. */
async function move(deps: PatrolDeps, caller: User, input: PatrolPointInput, action: PointAction, change: (p: Patrol, now: number) => Promise<Result<Patrol>>): Promise<Result<PatrolView>> {
  const patrol = await deps.patrols.get(input.patrolId)
  if (!patrol) return fail(appError('NOT_FOUND', '没有找到这次巡查', { patrolId: '没有找到这次巡查' }))
  if (!can(caller, 'resident', action, patrol)) return fail(appError('FORBIDDEN', '只能在自己的巡查中打卡'))
  if (patrol.endedAt !== null) return fail(appError('CONFLICT', '这次巡查已经结束', { patrolId: '这次巡查已经结束' }))
  const next = await change(patrol, deps.clock.now())
  if (!next.ok) return next
  const saved = { ...next.value, version: patrol.version + 1 }
  if (!(await deps.patrols.save(saved, patrol.version))) return fail(appError('CONFLICT'))
  return ok(await patrolView(deps, saved))
}

export async function listPatrols(deps: PatrolDeps, caller: User, input: ListPatrolsInput): Promise<Result<Page<PatrolView>>> {
  const page = await deps.patrols.listFor(caller.id, { cursor: input.cursor, limit: input.limit ?? DEFAULT_PAGE })
  const grids = new Map<string, Promise<string | null>>()
  const views = await Promise.all(page.items.map((p) => patrolView(deps, p, grids)))
  return ok({ items: views, nextCursor: page.nextCursor })
}

/** The person's reports made in [from, to], newest first: their reports are read newest first until one is older. */
async function reportsDuring(deps: Needs<'cases'>, userId: string, from: number, to: number): Promise<Report[]> {
  const found: Report[] = []
  let cursor: string | undefined
  for (;;) {
    const page = await deps.cases.listReportsByReporter(userId, { cursor, limit: REPORT_PAGE })
    found.push(...page.items.filter((r) => r.createdAt >= from && r.createdAt <= to))
    const oldest = page.items[page.items.length - 1]
    if (!page.nextCursor || !oldest || oldest.createdAt < from) return found
    cursor = page.nextCursor
  }
}

/** A patrol as the log shows it: an open one's reports are those made since it started. */
async function patrolView(deps: PatrolDeps, patrol: Patrol, grids = new Map<string, Promise<string | null>>()): Promise<PatrolView> {
  const reports = patrol.endedAt === null
    ? await reportsDuring(deps, patrol.userId, patrol.startedAt, deps.clock.now())
    : await deps.cases.getReports(patrol.reportIds)
  const pairs = await withTasks(deps, reports)
  const views: PatrolReportView[] = pairs.map(({ report, task }) => ({
    reportId: report.id, caseNumber: task.caseNumber, categoryName: categoryOf(deps, report.category).name, statusWords: residentStatus(task.status), createdAt: report.createdAt,
  }))
  let gridName: string | null = null
  if (patrol.gridId) {
    const gridId = patrol.gridId
    if (!grids.has(gridId)) grids.set(gridId, deps.reference.getGrid(gridId).then((g) => g?.name ?? null))
    gridName = await grids.get(gridId)!
  }
  return {
    id: patrol.id, gridId: patrol.gridId, gridName, startedAt: patrol.startedAt, endedAt: patrol.endedAt,
    checkIns: patrol.checkIns, distanceM: Math.round(walkedM(patrol.checkIns)), reports: views, version: patrol.version,
  }
}

const walkedM = (points: LngLat[]) => points.slice(1).reduce((sum, p, i) => sum + distanceM(points[i], p), 0)
