import type { ReportDetail, ReportSummary, TaskDetail, TaskSummary } from '../../shared/api'
import type { Grid, Report, Task, TimelineEvent, User } from '../../shared/model'
import { findCategory } from '../../shared/catalogue'
import { canApply } from '../../shared/workflow/taskMachine'
import { maskPhone } from './phone'
import type { Deps } from './ports'

// Records → what a screen shows. One place, so the resident's and the worker's views of the
// same case can't drift apart.

const categoryName = (deps: Deps, code: string) => findCategory(deps.config.catalogue, code)?.name ?? code

async function gridNames(deps: Deps, ids: (string | null)[]): Promise<Map<string, Grid>> {
  const unique = [...new Set(ids.filter((x): x is string => !!x))]
  const grids = await Promise.all(unique.map((id) => deps.store.getGrid(id)))
  return new Map(grids.filter((g): g is Grid => !!g).map((g) => [g.id, g]))
}

type Shown = (ownerId: string, photos: string[]) => string[]

/** Someone else's photos are shown only once content review passed them; one's own always. */
async function reviewFilter(deps: Deps, viewerId: string, owned: { ownerId: string; photos?: string[] }[]): Promise<Shown> {
  const others = [...new Set(owned.filter((o) => o.ownerId !== viewerId).flatMap((o) => o.photos ?? []))]
  const visible = others.length ? await deps.content.visiblePhotos(others) : new Set<string>()
  return (ownerId, photos) => (ownerId === viewerId ? photos : photos.filter((p) => visible.has(p)))
}

const ownedIn = (report: Report, task: Task, timeline: TimelineEvent[]) => [
  { ownerId: report.reporterId, photos: report.photos },
  ...(task.result ? [{ ownerId: task.result.byId, photos: task.result.photos }] : []),
  ...timeline.map((e) => ({ ownerId: e.actorId, photos: e.photos })),
]
const timelineShown = (timeline: TimelineEvent[], shown: Shown) =>
  timeline.map((e) => (e.photos ? { ...e, photos: shown(e.actorId, e.photos) } : e))

function resultView(task: Task, people: Map<string, User>, shown: Shown) {
  if (!task.result) return null
  return { text: task.result.text, photos: shown(task.result.byId, task.result.photos), at: task.result.at, byName: people.get(task.result.byId)?.name ?? '网格员' }
}

export async function reportSummaries(deps: Deps, pairs: { report: Report; task: Task }[]): Promise<ReportSummary[]> {
  const grids = await gridNames(deps, pairs.map((p) => p.task.gridId))
  return pairs.map(({ report, task }) => ({
    reportId: report.id,
    category: report.category,
    categoryName: categoryName(deps, report.category),
    description: report.description,
    thumbnail: report.photos[0] ?? null,
    status: task.status,
    level: task.level,
    gridName: task.gridId ? grids.get(task.gridId)?.name ?? null : null,
    createdAt: report.createdAt,
    updatedAt: task.updatedAt,
    canRate: canApply(task, 'rate'),
  }))
}

export async function reportDetail(deps: Deps, report: Report, task: Task, timeline: TimelineEvent[]): Promise<ReportDetail> {
  const [summary] = await reportSummaries(deps, [{ report, task }])
  const handlerId = task.acceptedById ?? task.result?.byId ?? task.assigneeId
  const people = new Map((await deps.store.getUsers([handlerId, task.result?.byId].filter((x): x is string => !!x))).map((u) => [u.id, u]))
  const handler = handlerId ? people.get(handlerId) : undefined
  const shown = await reviewFilter(deps, report.reporterId, ownedIn(report, task, timeline))
  return {
    ...summary,
    photos: report.photos,
    location: report.location,
    address: report.address,
    routing: report.routing,
    result: resultView(task, people, shown),
    rating: report.rating ?? null,
    timeline: timelineShown(timeline, shown),
    handler: handler ? { name: handler.name, phone: handler.phone } : null,
  }
}

export async function taskSummaries(deps: Deps, viewer: User, pairs: { report: Report; task: Task }[]): Promise<TaskSummary[]> {
  const grids = await gridNames(deps, pairs.map((p) => p.task.gridId))
  const shown = await reviewFilter(deps, viewer.id, pairs.map(({ report }) => ({ ownerId: report.reporterId, photos: report.photos.slice(0, 1) })))
  const now = deps.clock.now()
  return pairs.map(({ report, task }) => ({
    taskId: task.id,
    reportId: report.id,
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
    overdue: task.dueAt !== null && task.dueAt < now,
    nearBorder: report.routing.outcome === 'near_border' || report.routing.outcome === 'nearest_grid',
    reopenCount: task.reopenCount,
    version: task.version,
    createdAt: task.createdAt,
  }))
}

export async function taskDetail(deps: Deps, caller: User, report: Report, task: Task, timeline: TimelineEvent[]): Promise<TaskDetail> {
  const [summary] = await taskSummaries(deps, caller, [{ report, task }])
  const ids = [report.reporterId, task.result?.byId].filter((x): x is string => !!x)
  const people = new Map((await deps.store.getUsers(ids)).map((u) => [u.id, u]))
  const reporter = people.get(report.reporterId)
  const shown = await reviewFilter(deps, caller.id, ownedIn(report, task, timeline))
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
    canAccept: canApply(task, 'accept'),
    canResolve: canApply(task, 'resolve') && (task.acceptedById === caller.id || caller.role === 'grid_leader'),
  }
}
