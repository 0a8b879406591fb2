import type { SubmitReportResult } from '../../../shared/api'
import { appError } from '../../../shared/errors'
import { findCategory } from '../../../shared/catalogue'
import type { Grid, Report, Task, User } from '../../../shared/model'
import { fail, ok, type Result } from '../../../shared/result'
import type { SubmitReportInput } from '../../../shared/schemas/report'
import { newTaskDeadlines } from '../../../shared/workflow/taskMachine'
import { ROUTING_OUTCOME_NAMES } from '../../../shared/routing/outcome'
import { gridStaffIds } from '../authorize'
import { checkOwnPhotos } from '../photos'
import { checkTexts, submitPhotosQuietly } from '../content'
import type { Deps } from '../ports'
import { message, pushQuietly, SYSTEM_ACTOR, timelineEvent } from '../records'

// 随手拍: validate against the catalogue and the caller's uploads, route by location, and
// create the report with its task in one idempotent write.
export async function submitReport(deps: Deps, caller: User, input: SubmitReportInput, requestId?: string): Promise<Result<SubmitReportResult>> {
  const category = findCategory(deps.config.catalogue, input.category)
  if (!category) return fail(appError('VALIDATION', '问题类别不存在，请重新选择', { category: '问题类别不存在，请重新选择' }))
  const photoError = await checkOwnPhotos(deps, caller, input.photos, 'photos')
  if (photoError) return fail(photoError)
  const textError = await checkTexts(deps, caller, { description: input.description, address: input.address })
  if (textError) return fail(textError)

  const requestKey = requestId ? `${caller.id}:submitReport:${requestId}` : null
  const routing = deps.router.route(input.location)
  if (routing.outcome === 'outside_service_area') {
    const streets = await deps.store.listStreets()
    const hotline = streets[0]?.hotline ?? '12345'
    return fail(appError('OUTSIDE_SERVICE_AREA', `该位置不在本街道服务范围内，请联系当地街道或拨打 ${hotline} 热线`, { location: '该位置不在服务范围内' }))
  }
  const grid = routing.gridId ? await deps.store.getGrid(routing.gridId) : null
  const now = deps.clock.now()
  const reportId = deps.ids.next('r')
  const taskId = deps.ids.next('t')
  const assigneeId = grid ? grid.workerIds[0] ?? grid.leaderId ?? null : null
  const report: Report = {
    id: reportId, reporterId: caller.id, category: category.code, description: input.description, photos: input.photos,
    location: input.location, address: input.address, routing, taskId, createdAt: now,
  }
  const task: Task = {
    id: taskId, kind: 'report', reportId, category: category.code, gridId: grid?.id ?? null,
    queue: grid ? { scope: 'grid', id: grid.id } : { scope: 'street', id: routing.streetId ?? '' },
    level: 'grid', status: 'assigned', assigneeId, acceptedById: null,
    ...newTaskDeadlines(now, category, deps.calendar), reopenCount: 0, version: 1, createdAt: now, updatedAt: now,
  }
  const where = grid ? `${grid.name}（${ROUTING_OUTCOME_NAMES[routing.outcome]}）` : '街道分拨中心，待人工派单'
  const events = [
    timelineEvent(deps, taskId, caller, 'submit', `提交了「${category.name}」问题`, { note: input.description, photos: input.photos }),
    timelineEvent(deps, taskId, SYSTEM_ACTOR, 'assign', `按位置派发至${where}`),
  ]
  const recipients = grid ? gridStaffIds(grid) : await streetDispatcherIds(deps, routing.streetId)
  const messages = recipients.map((userId) =>
    message(deps, userId, 'task_assigned', `新任务：${category.name}`, `${input.address ?? where}：${input.description.slice(0, 40)}`, { reportId, taskId }),
  )
  const stored = await deps.store.createReport({ requestKey, report, task, events, messages })
  if (!stored.created) return ok(await storedResultOf(deps, stored.reportId))
  await Promise.all([pushQuietly(deps, messages), submitPhotosQuietly(deps, caller, input.photos)])
  return ok(resultOf(report, task, grid))
}

async function streetDispatcherIds(deps: Deps, streetId: string | null) {
  const users = await deps.store.listUsers()
  return users.filter((u) => u.role === 'street_dispatcher' && u.streetId === streetId).map((u) => u.id)
}

function resultOf(report: Report, task: Task, grid: Grid | null): SubmitReportResult {
  return { reportId: report.id, gridId: task.gridId, gridName: grid?.name ?? null, routing: report.routing, status: task.status }
}

/** A replayed request answers from what the first one stored (its report, not this one's). */
async function storedResultOf(deps: Deps, reportId: string): Promise<SubmitReportResult> {
  const report = await deps.store.getReport(reportId)
  const task = report ? await deps.store.getTask(report.taskId) : null
  if (!report || !task) throw new Error(`report ${reportId} vanished after create`)
  return resultOf(report, task, task.gridId ? await deps.store.getGrid(task.gridId) : null)
}
