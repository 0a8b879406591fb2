import type { ReportDetail, ReportSummary, TaskDetail, TaskMoves, TaskSummary } from '../../shared/api'
import type { Grid, Report, Task, TimelineEvent, User } from '../../shared/model'
import { findCategory } from '../../shared/catalogue'
import { UNCONFIRMED_DUE_NOTE } from '../../shared/calendar/calendarYears'
import { flagsNeighbours } from '../../shared/routing/outcome'
import { canApply, urgeAfter } from '../../shared/workflow/taskMachine'
import { expectedByOf, stageOf } from '../../shared/workflow/residentWords'
import { expectedAtOf, levelLimits, machineContext } from './tasks/limits'
import { placeKey, placeNames } from './tasks/moves/places'
import { isOpen } from '../../shared/workflow/status'
import { maskPhone } from '../../shared/identity/masking'
import { roundToMetres } from '../../shared/routing/geo'
import { BOARD_ROUND_M } from '../../shared/schemas/board'
import { can } from './policy'
import type { Needs } from './ports'
import { onBehalfForStaff, onBehalfMasked } from './reports/onBehalfView'
import { reportAudience } from './records'

/** What a view reads: grids and people, photo reviews and links, the catalogue, the time, and the cipher for a 代报 contact. */
export type ViewDeps = Needs<'reference' | 'content' | 'photoLinks' | 'config' | 'clock' | 'calendar' | 'cipher'>

// Records → what a screen shows. One place, so the resident's and the worker's views of the
// same case can't drift apart.

/** A category's name, its code when the catalogue no longer has it (an old case's). */
export const categoryName = (deps: Needs<'config'>, code: string) => findCategory(deps.config.catalogue, code)?.name ?? code
const dueNote = (task: Task) => (task.calendarUnconfirmed && task.dueAt !== null ? UNCONFIRMED_DUE_NOTE : null)

async function gridNames(deps: Needs<'reference'>, ids: (string | null)[]): Promise<Map<string, Grid>> {
  const unique = [...new Set(ids.filter((x): x is string => !!x))]
  const grids = await Promise.all(unique.map((id) => deps.reference.getGrid(id)))
  return new Map(grids.filter((g): g is Grid => !!g).map((g) => [g.id, g]))
}

/** Photo ids → the links the viewer gets, in order; photos the viewer may not see are left out. */
type Shown = (ownerId: string, photos: string[]) => string[]

/**
 * Someone else's photos are shown only once content review passed them; one's own always.
 * What is shown goes out as links (PhotoLinks), fetched for the whole view in one call.
 */
async function reviewFilter(deps: Needs<'content' | 'photoLinks'>, viewerId: string, owned: { ownerId: string; photos?: string[] }[]): Promise<Shown> {
  const others = [...new Set(owned.filter((o) => o.ownerId !== viewerId).flatMap((o) => o.photos ?? []))]
  const visible = others.length ? await deps.content.visiblePhotos(others) : new Set<string>()
  const may = (ownerId: string, p: string) => ownerId === viewerId || visible.has(p)
  const allowed = [...new Set(owned.flatMap((o) => (o.photos ?? []).filter((p) => may(o.ownerId, p))))]
  const links = allowed.length ? await deps.photoLinks.links(allowed) : new Map<string, string>()
  return (ownerId, photos) => photos.filter((p) => may(ownerId, p)).flatMap((p) => links.get(p) ?? [])
}

const ownedIn = (report: Report, task: Task, timeline: TimelineEvent[]) => [
  { ownerId: report.reporterId, photos: report.photos },
  ...(task.result ? [{ ownerId: task.result.byId, photos: task.result.photos }] : []),
  ...timeline.map((e) => ({ ownerId: e.actorId, photos: e.photos })),
]
const timelineShown = (timeline: TimelineEvent[], shown: Shown) =>
  timeline.map((e) => (e.photos ? { ...e, photos: shown(e.actorId, e.photos) } : e))

const followerCount = (report: Report) => (report.followerIds ?? []).length

/**
 * The timeline as a follower reads it: what happened and when, in the lines' own words, but
 * no one else's notes or photos, and residents unnamed (the reporter and other followers
 * are people the follower never chose to know).
 */
function followerTimeline(report: Report, timeline: TimelineEvent[], viewerId: string): TimelineEvent[] {
  const residents = new Set(reportAudience(report))
  return timeline.map((e) => {
    if (e.actorId === viewerId) return e
    const { note: _note, photos: _photos, ...line } = e
    return residents.has(e.actorId) ? { ...line, actorName: '居民' } : line
  })
}

function resultView(task: Task, people: Map<string, User>, shown: Shown) {
  if (!task.result) return null
  return { text: task.result.text, photos: shown(task.result.byId, task.result.photos), at: task.result.at, byName: people.get(task.result.byId)?.name ?? '网格员' }
}

/**
 * `shown`: a detail view passes the one it made for all its photos, so links are asked for once.
 * `viewerId`: who reads them, the reporter unless given; a follower reads no description.
 */
export async function reportSummaries(deps: ViewDeps, pairs: { report: Report; task: Task }[], given?: Shown, viewerId?: string): Promise<ReportSummary[]> {
  const grids = await gridNames(deps, pairs.map((p) => p.task.gridId))
  // the reporter's own list: their own photos, so no review filter, but links all the same
  const viewer = viewerId ?? pairs[0]?.report.reporterId ?? ''
  const shown = given ?? await reviewFilter(deps, viewer, pairs.map(({ report }) => ({ ownerId: report.reporterId, photos: report.photos.slice(0, 1) })))
  return pairs.map(({ report, task }) => ({
    reportId: report.id,
    caseNumber: report.caseNumber,
    category: report.category,
    categoryName: categoryName(deps, report.category),
    description: report.reporterId === viewer ? report.description : '',
    thumbnail: shown(report.reporterId, report.photos.slice(0, 1))[0] ?? null,
    status: task.status,
    level: task.level,
    gridName: task.gridId ? grids.get(task.gridId)?.name ?? null : null,
    createdAt: report.createdAt,
    updatedAt: task.updatedAt,
    canRate: canApply(task, 'rate'),
    dueNote: dueNote(task),
    expectedBy: expectedByOf(expectedAtOf(deps, task)),
    stage: stageOf(task),
    followerCount: followerCount(report),
    relation: report.reporterId === viewer ? 'reporter' as const : 'follower' as const,
  }))
}

/**
 * A report as its reporter reads it, or (`viewerId` someone else: policy.ts followed_report
 * has let them in) as a follower does: where and what, never who. No description, address or
 * rating; the place rounded as on the public board; only photos review passed; the
 * timeline without others' notes and photos; nothing to do but read.
 */
export async function reportDetail(deps: ViewDeps, report: Report, task: Task, timeline: TimelineEvent[], viewerId: string = report.reporterId): Promise<ReportDetail> {
  const shown = await reviewFilter(deps, viewerId, ownedIn(report, task, timeline))
  const [summary] = await reportSummaries(deps, [{ report, task }], shown, viewerId)
  const handlerId = task.acceptedById ?? task.result?.byId ?? task.assigneeId
  const people = new Map((await deps.reference.getUsers([handlerId, task.result?.byId].filter((x): x is string => !!x))).map((u) => [u.id, u]))
  const handler = handlerId ? people.get(handlerId) : undefined
  const now = deps.clock.now()
  const urgeFrom = urgeAfter(task, machineContext(deps, report.reporterId, now, task.category))
  const common = {
    ...summary,
    photos: shown(report.reporterId, report.photos),
    routing: report.routing,
    result: resultView(task, people, shown),
    handler: handler ? { name: handler.name, phone: handler.phone } : null,
    mergedInto: task.mergedInto ? { reportId: task.mergedInto.reportId, caseNumber: task.mergedInto.caseNumber } : null,
  }
  if (viewerId !== report.reporterId) {
    return {
      ...common,
      location: roundToMetres(report.location, BOARD_ROUND_M),
      rating: null,
      timeline: timelineShown(followerTimeline(report, timeline, viewerId), shown),
      canRate: false, canWithdraw: false, canAddInfo: false, canUrge: false, urgeAfter: null,
      onBehalf: null,
    }
  }
  return {
    ...common,
    location: report.location,
    address: report.address,
    rating: report.rating ?? null,
    timeline: timelineShown(timeline, shown),
    canWithdraw: canApply(task, 'withdraw'),
    canAddInfo: canApply(task, 'add_info'),
    canUrge: canApply(task, 'urge') && urgeFrom !== null && now > urgeFrom,
    urgeAfter: urgeFrom,
    onBehalf: report.onBehalf ? onBehalfMasked(report.onBehalf) : null,
  }
}

export async function taskSummaries(deps: ViewDeps, viewer: User, pairs: { report: Report; task: Task }[], given?: Shown): Promise<TaskSummary[]> {
  const grids = await gridNames(deps, pairs.flatMap((p) => [p.task.gridId, p.task.transfer?.fromGridId ?? null]))
  const places = await placeNames(deps, pairs.map((p) => p.task.queue))
  const shown = given ?? await reviewFilter(deps, viewer.id, pairs.map(({ report }) => ({ ownerId: report.reporterId, photos: report.photos.slice(0, 1) })))
  const now = deps.clock.now()
  return pairs.map(({ report, task }) => ({
    taskId: task.id,
    reportId: report.id,
    caseNumber: task.caseNumber,
    category: task.category,
    categoryName: categoryName(deps, task.category),
    description: report.description,
    thumbnail: shown(report.reporterId, report.photos.slice(0, 1))[0] ?? null,
    status: task.status,
    level: task.level,
    gridId: task.gridId,
    gridName: task.gridId ? grids.get(task.gridId)?.name ?? null : null,
    address: report.address,
    dueAt: task.dueAt,
    dueNote: dueNote(task),
    overdue: isOpen(task.status) && task.dueAt !== null && task.dueAt < now,
    dueSoon: isOpen(task.status) && task.dueAt !== null && task.dueAt >= now && task.warnAt !== null && task.warnAt <= now,
    nearBorder: flagsNeighbours(report.routing.outcome),
    reopenCount: task.reopenCount,
    returnCount: task.returnCount,
    holder: places.get(placeKey(task.queue)) ?? '',
    queue: task.queue,
    supervision: task.supervision ? { count: task.supervision.count, note: task.supervision.note, byName: task.supervision.byName, at: task.supervision.at, overdue: !!task.supervision.overdue } : null,
    extension: task.extension ? { days: task.extension.days, reason: task.extension.reason, byName: task.extension.byName, at: task.extension.at } : null,
    transfer: task.transfer && task.status === 'transferred'
      ? { fromGridId: task.transfer.fromGridId, fromGridName: grids.get(task.transfer.fromGridId)?.name ?? '相邻网格', reason: task.transfer.reason, at: task.transfer.at, refusable: !task.transferRefused }
      : null,
    version: task.version,
    createdAt: task.createdAt,
  }))
}

export async function taskDetail(deps: ViewDeps, caller: User, report: Report, task: Task, timeline: TimelineEvent[]): Promise<TaskDetail> {
  const shown = await reviewFilter(deps, caller.id, ownedIn(report, task, timeline))
  const [summary] = await taskSummaries(deps, caller, [{ report, task }], shown)
  const ids = [report.reporterId, task.result?.byId].filter((x): x is string => !!x)
  const people = new Map((await deps.reference.getUsers(ids)).map((u) => [u.id, u]))
  const reporter = people.get(report.reporterId)
  return {
    ...summary,
    photos: shown(report.reporterId, report.photos),
    location: report.location,
    routing: report.routing,
    acceptDueAt: task.acceptDueAt,
    resolveDueAt: task.resolveDueAt,
    result: resultView(task, people, shown),
    rating: report.rating ?? null,
    timeline: timelineShown(timeline, shown),
    // Staff need to call a reporter back, but the full number stays out of screenshots.
    reporter: { name: reporter?.name ?? '居民', phoneMasked: maskPhone(reporter?.phone ?? '') },
    canAccept: canApply(task, 'accept') && can(caller, 'worker', 'acceptTask', task),
    canResolve: canApply(task, 'resolve') && can(caller, 'worker', 'resolveTask', task),
    moves: await movesOf(deps, caller, report, task),
    department: levelLimits(deps, task.category)(task.level).department,
    followerCount: followerCount(report),
    // 代报: the staff handling it give the answer back to the resident it was filed for
    onBehalf: report.onBehalf ? await onBehalfForStaff(deps, report.onBehalf) : null,
    mergedInto: task.mergedInto ? { taskId: task.mergedInto.taskId, caseNumber: task.mergedInto.caseNumber } : null,
  }
}

/** The buttons of a task page: what the workflow allows in its state and the policy allows this caller. */
async function movesOf(deps: ViewDeps, caller: User, report: Report, task: Task): Promise<TaskMoves> {
  const may = (type: Parameters<typeof canApply>[1], fn: 'worker' | 'admin', action: string) =>
    canApply(task, type) && (can as (c: User, f: string, a: string, t: Task) => boolean)(caller, fn, action, task)
  const neighbours = may('transfer', 'worker', 'transferTask') ? report.routing.neighbourGridIds.filter((id) => id !== task.gridId) : []
  const names = await gridNames(deps, neighbours)
  return {
    accept: may('accept', 'worker', 'acceptTask'),
    resolve: may('resolve', 'worker', 'resolveTask'),
    escalate: may('escalate', 'worker', 'escalateTask'),
    transferTo: neighbours.flatMap((id) => (names.has(id) ? [{ gridId: id, gridName: names.get(id)!.name }] : [])),
    refuseTransfer: may('refuse_transfer', 'worker', 'refuseTransfer'),
    return: may('return', 'worker', 'returnTask'),
    requestExtension: may('request_extension', 'worker', 'requestExtension'),
    decideExtension: may('decide_extension', 'admin', 'decideExtension'),
    supervise: may('supervise', 'admin', 'superviseTask'),
    assign: may('assign', 'admin', 'assignTask'),
    merge: may('merge', 'worker', 'mergeReports'),
  }
}
