import type { SubmitReportResult } from '../../../shared/api'
import { appError } from '../../../shared/errors'
import { findCategory } from '../../../shared/catalogue'
import type { Grid, OnBehalf, Report, Task, User } from '../../../shared/model'
import { fail, ok, type Result } from '../../../shared/result'
import type { SubmitReportInput } from '../../../shared/schemas/report'
import { preview } from '../../../shared/text'
import { newTaskDeadlines, queueAt } from '../../../shared/workflow/taskMachine'
import { expectedByOf } from '../../../shared/workflow/residentWords'
import { shanghaiCompactDay } from '../../../shared/identity/calendarDate'
import { expectedAtOf, levelLimits } from '../tasks/limits'
import { ROUTING_OUTCOME_TABLE, outsideServiceAreaMessage } from '../../../shared/routing/outcome'
import { checkOwnPhotos } from '../photos'
import { checkTexts, submitPhotosQuietly } from '../content'
import type { Deps, QueueRef } from '../ports'
import { gridDuty, queueDispatcherIds } from '../recipients'
import { DISTRICT_OFFICE_NAME } from '../tasks/moves/places'
import { message, pushQuietly, SYSTEM_ACTOR, timelineEvent } from '../records'

// 随手拍: validate against the catalogue and the caller's uploads, route by location, and
// create the report with its task in one idempotent write.
export const submitReport = (deps: Deps, caller: User, input: SubmitReportInput, requestId: string | undefined) => fileReport(deps, caller, input, requestId, 'submitReport')

/**
 * A report as its caller files it: their own (随手拍), or for a resident who phoned or walked
 * in (代报, app/reports/reportOnBehalf.ts), sealed already. Each action keys its own requests, so
 * the same requestId sent to both makes two reports. The resident's name and phone stay in
 * `report.onBehalf`: never in the timeline, the messages or the description.
 */
export async function fileReport(
  deps: Deps, caller: User, input: SubmitReportInput, requestId: string | undefined, action: 'submitReport' | 'reportOnBehalf', onBehalf?: OnBehalf,
): Promise<Result<SubmitReportResult>> {
  const category = findCategory(deps.config.catalogue, input.category)
  if (!category) return fail(appError('VALIDATION', '问题类别不存在，请重新选择', { category: '问题类别不存在，请重新选择' }))
  const photoError = await checkOwnPhotos(deps, caller, input.photos, 'photos')
  if (photoError) return fail(photoError)
  const textError = await checkTexts(deps, caller, { description: input.description, address: input.address })
  if (textError) return fail(textError)

  const requestKey = requestId ? `${caller.id}:${action}:${requestId}` : null
  const routing = await deps.router.route(input.location)
  if (routing.outcome === 'outside_service_area') {
    const message = outsideServiceAreaMessage(await nearestHotline(deps))
    return fail(appError('OUTSIDE_SERVICE_AREA', message, { location: '该位置不在服务范围内' }))
  }
  const grid = routing.gridId ? await deps.reference.getGrid(routing.gridId) : null
  // far from every grid: the dispatchers' queue a grid-level task waits in (never a grid's, whatever its type says)
  const queue = grid ? null : (queueAt('grid', { communityId: routing.communityId, streetId: routing.streetId }) as QueueRef)
  const now = deps.clock.now()
  // 工单编号: the day in Shanghai and its sequence; a retried request that finds its first
  // report answers with that one's number, so at worst a number is skipped, never shared
  const caseNumber = await caseNumberOf(deps, now)
  const reportId = deps.ids.next('r')
  const taskId = deps.ids.next('t')
  // a worker on leave: their substitute takes the grid's new tasks (recipients.ts)
  const duty = grid ? await gridDuty(deps, grid, now) : null
  const assigneeId = duty?.assigneeId ?? null
  const report: Report = {
    id: reportId, caseNumber, reporterId: caller.id, category: category.code, description: input.description, photos: input.photos,
    location: input.location, address: input.address, routing, taskId, createdAt: now, ...(onBehalf ? { onBehalf } : {}),
  }
  const task: Task = {
    id: taskId, kind: 'report', reportId, caseNumber, category: category.code, gridId: grid?.id ?? null,
    queue: grid ? { scope: 'grid', id: grid.id } : queue!,
    area: { communityId: grid?.communityId ?? routing.communityId, streetId: grid?.streetId ?? routing.streetId },
    // far from every grid: it waits in the dispatchers' queue for someone to assign it (待派单)
    level: 'grid', status: grid ? 'assigned' : 'submitted', assigneeId, acceptedById: null,
    ...newTaskDeadlines(now, levelLimits(deps, category.code)('grid'), deps.calendar), reopenCount: 0, returnCount: 0, version: 1, createdAt: now, updatedAt: now,
    acceptedAt: null, resolvedAt: null, closedAt: null,
  }
  const where = grid ? `${grid.name}（${ROUTING_OUTCOME_TABLE[routing.outcome].name}）` : `${QUEUE_NAMES[queue!.scope]}，待人工派单`
  const cover = duty?.coverNote ? `，${duty.coverNote}` : ''
  const events = [
    // the actor's name says who filed it ("志愿者 王某"); the resident stays out of the timeline
    timelineEvent(deps, taskId, caller, 'submit', `${onBehalf ? '代居民反映' : '提交了'}「${category.name}」问题`, { note: input.description, photos: input.photos }),
    timelineEvent(deps, taskId, SYSTEM_ACTOR, 'assign', `按位置派发至${where}${cover}`),
  ]
  const recipients = duty ? duty.recipientIds : await queueDispatcherIds(deps, queue!)
  const messages = recipients.map((userId) =>
    message(deps, userId, 'task_assigned', `新任务：${category.name}${onBehalf ? '（代报）' : ''}`, `${input.address ?? where}：${preview(input.description, 40)}`, { reportId, taskId }),
  )
  const stored = await deps.cases.createReport({ requestKey, report, task, events, messages })
  if (!stored.created) return ok(await storedResultOf(deps, stored.reportId))
  await Promise.all([pushQuietly(deps, messages), submitPhotosQuietly(deps, caller, input.photos)])
  return ok(resultOf(deps, report, task, grid))
}

const QUEUE_NAMES: Readonly<Record<QueueRef['scope'], string>> = { community: '社区分拨中心', street: '街道分拨中心', district: DISTRICT_OFFICE_NAME }

async function caseNumberOf(deps: Deps, now: number): Promise<string> {
  const day = shanghaiCompactDay(now)
  return `${day}${String(await deps.cases.nextCaseSequence(day)).padStart(5, '0')}`
}

/** Outside every street: the hotline of a street we serve (the district's 12345 without one). */
async function nearestHotline(deps: Deps): Promise<string> {
  const streets = await deps.reference.listStreets()
  return streets[0]?.hotline ?? '12345'
}

function resultOf(deps: Deps, report: Report, task: Task, grid: Grid | null): SubmitReportResult {
  return {
    reportId: report.id, caseNumber: report.caseNumber, expectedBy: expectedByOf(expectedAtOf(deps, task)),
    gridId: task.gridId, gridName: grid?.name ?? null, routing: report.routing, status: task.status,
  }
}

/** A replayed request answers from what the first one stored (its report, not this one's). */
async function storedResultOf(deps: Deps, reportId: string): Promise<SubmitReportResult> {
  const report = await deps.cases.getReport(reportId)
  const task = report ? await deps.cases.getTask(report.taskId) : null
  if (!report || !task) throw new Error(`report ${reportId} vanished after create`)
  return resultOf(deps, report, task, task.gridId ? await deps.reference.getGrid(task.gridId) : null)
}
