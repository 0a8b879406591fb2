import type { NearbyReport, ReportDetail } from '../../../shared/api'
import { agoWords } from '../../../shared/calendar/agoWords'
import { findCategory } from '../../../shared/catalogue'
import { appError } from '../../../shared/errors'
import type { LngLat, Report, Task, User } from '../../../shared/model'
import { fail, ok, type Result } from '../../../shared/result'
import { distanceM, offsetByMetres } from '../../../shared/routing/geo'
import { ME_TOO_MAX, ME_TOO_RADIUS_M, ME_TOO_WINDOW_DAYS, MAX_FOLLOWERS, type JoinReportInput, type NearbyReportsInput } from '../../../shared/schemas/meToo'
import { residentStatus } from '../../../shared/workflow/residentStatus'
import { isOpen } from '../../../shared/workflow/status'
import { applyTaskAction } from '../../../shared/workflow/taskMachine'
import type { Deps } from '../ports'
import { message, pushQuietly, timelineEvent } from '../records'
import { categoryOf, machineContext } from '../tasks/limits'
import { holderIds } from '../tasks/moves/places'
import { reportDetail } from '../views'

// "Me too" (我也遇到, docs/workflow.md): while reporting, the open reports of the same category
// within ME_TOO_RADIUS_M of the reporter's point from the last ME_TOO_WINDOW_DAYS, nearest
// first; joining one follows it (its results reach the joiner, views.ts gives them the
// follower's view) instead of filing a duplicate. Nothing in the list is personal: no
// description, address, reporter or timeline, and a thumbnail only once content review
// passed it, the caller's own photo included (the list is the same for everyone).

const DAY_MS = 24 * 60 * 60 * 1000
/** Reports read from the box before the circle and the open states are applied: one category's in a block over a month rarely reach it. */
const NEARBY_SCAN = 50
/** How the joiner appears on the timeline and to the reporter: never by name. */
const JOINER_NAME = '居民'

const windowStart = (now: number) => now - ME_TOO_WINDOW_DAYS * DAY_MS

/** The box around a point that holds the circle of `radiusM`. */
function boxAround(p: LngLat, radiusM: number) {
  const sw = offsetByMetres(p, -radiusM, -radiusM)
  const ne = offsetByMetres(p, radiusM, radiusM)
  return { minLng: sw.lng, minLat: sw.lat, maxLng: ne.lng, maxLat: ne.lat }
}

interface Candidate { report: Report; task: Task; distance: number }

/** Open reports of the category within the radius and the window, nearest first (newest breaks a tie). */
async function nearbyOpen(deps: Deps, category: string, point: LngLat): Promise<Candidate[]> {
  const since = windowStart(deps.clock.now())
  const reports = await deps.cases.listNearbyReports({ category, box: boxAround(point, ME_TOO_RADIUS_M), since, limit: NEARBY_SCAN })
  const tasks = new Map((await deps.cases.getTasks(reports.map((r) => r.taskId))).map((t) => [t.id, t]))
  return reports
    .flatMap((report) => {
      const task = tasks.get(report.taskId)
      const distance = distanceM(point, report.location)
      // the store's box is only a pre-filter: the circle, the window and the state decide here
      return task && isOpen(task.status) && report.category === category && report.createdAt >= since && distance <= ME_TOO_RADIUS_M ? [{ report, task, distance }] : []
    })
    .sort((a, b) => a.distance - b.distance || b.report.createdAt - a.report.createdAt)
    .slice(0, ME_TOO_MAX)
}

const follows = (report: Report, userId: string) => report.reporterId === userId || (report.followerIds ?? []).includes(userId)

export async function nearbyReports(deps: Deps, caller: User, input: NearbyReportsInput): Promise<Result<NearbyReport[]>> {
  const category = findCategory(deps.config.catalogue, input.category)
  if (!category) return fail(appError('VALIDATION', '问题类别不存在', { category: '问题类别不存在，请重新选择' }))
  const found = await nearbyOpen(deps, category.code, input.location)
  const firsts = found.flatMap((c) => c.report.photos.slice(0, 1))
  const passed = firsts.length ? await deps.content.visiblePhotos(firsts) : new Set<string>()
  const links = passed.size ? await deps.photoLinks.links([...passed]) : new Map<string, string>()
  const now = deps.clock.now()
  return ok(found.map(({ report, task, distance }) => {
    const first = report.photos[0]
    return {
      reportId: report.id,
      caseNumber: report.caseNumber,
      category: report.category,
      categoryName: category.name,
      thumbnail: first && passed.has(first) ? links.get(first) ?? null : null,
      createdAt: report.createdAt,
      ago: agoWords(report.createdAt, now),
      distanceM: Math.round(distance),
      followerCount: (report.followerIds ?? []).length,
      statusWords: residentStatus(task.status),
      joined: follows(report, caller.id),
    }
  }))
}

/**
 * Joins a report: it must be open, from the window and within the radius of where the caller
 * stands, and not their own. A second join answers the same view and writes nothing. The
 * task's version guards the write; a move landing in between is re-read and retried once.
 */
export async function joinReport(deps: Deps, caller: User, input: JoinReportInput): Promise<Result<ReportDetail>> {
  for (let attempt = 0; ; attempt++) {
    const report = await deps.cases.getReport(input.reportId)
    const task = report ? await deps.cases.getTask(report.taskId) : null
    if (!report || !task) return fail(appError('NOT_FOUND', '没有找到这条问题记录'))
    if (report.reporterId === caller.id) return fail(appError('CONFLICT', '这是您自己反映的问题，可在"我的反映"中查看进展'))
    if (follows(report, caller.id)) return ok(await reportDetail(deps, report, task, await deps.cases.listTimeline(task.id), caller.id))
    const refused = joinRefusal(deps, report, task, input.location)
    if (refused) return fail(refused)
    const joined = await writeJoin(deps, caller, report, task)
    if (joined) return ok(await reportDetail(deps, joined.report, joined.task, await deps.cases.listTimeline(task.id), caller.id))
    if (attempt >= 1) return fail(appError('CONFLICT', '这条反映刚有新的进展，请刷新后再试'))
  }
}

function joinRefusal(deps: Deps, report: Report, task: Task, here: LngLat) {
  if (!isOpen(task.status)) return appError('CONFLICT', `这条反映当前状态「${residentStatus(task.status)}」，不能再加入，如问题仍在请重新反映`)
  if (report.createdAt < windowStart(deps.clock.now())) return appError('CONFLICT', `这条反映已超过${ME_TOO_WINDOW_DAYS}天，如问题仍在请重新反映`)
  if (distanceM(here, report.location) > ME_TOO_RADIUS_M) {
    const text = `您所在的位置距离这条反映超过${ME_TOO_RADIUS_M}米，请到现场附近再加入，或直接提交新的反映`
    return appError('VALIDATION', text, { location: text })
  }
  if ((report.followerIds ?? []).length >= MAX_FOLLOWERS) return appError('CONFLICT', '关注这条反映的居民已经很多，网格员会一并处理，无需再加入')
  return null
}

/** The follow move, its timeline line and the holders' message, with the report's followers, as one change; null when the version moved. */
async function writeJoin(deps: Deps, caller: User, report: Report, task: Task): Promise<{ report: Report; task: Task } | null> {
  const next = applyTaskAction(task, { type: 'follow' }, machineContext(deps, caller.id, deps.clock.now(), task.category))
  if (!next.ok) return null
  const followerIds = [...(report.followerIds ?? []), caller.id]
  const concerned = `又有1位居民反映了同一问题（共${followerIds.length + 1}人关注）`
  const refs = { reportId: report.id, taskId: task.id }
  const case_ = `工单${task.caseNumber}「${categoryOf(deps, task.category).name}」`
  const holders = [...new Set(await holderIds(deps, task))].filter((id) => id !== caller.id)
  const messages = holders.map((id) => message(deps, id, 'report_followed', '又有居民反映同一问题', `${case_}${concerned}`, refs))
  const events = [timelineEvent(deps, task.id, { id: caller.id, name: JOINER_NAME }, 'follow', concerned)]
  const saved = await deps.cases.saveTaskChange({ task: next.value, expectedVersion: task.version, events, messages, reportPatch: { followerIds } })
  if (!saved) return null
  await pushQuietly(deps, messages)
  return { report: { ...report, followerIds }, task: next.value }
}
