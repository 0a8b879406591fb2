import type { Page, TaskDetail, TaskSummary } from '../../../shared/api'
import { appError } from '../../../shared/errors'
import type { Report, Task, User } from '../../../shared/model'
import { fail, ok, type Result } from '../../../shared/result'
import type { PageInput } from '../../../shared/schemas/report'
import { canHandleTask } from '../authorize'
import type { Deps } from '../ports'
import { DEFAULT_PAGE } from '../reports/readReports'
import { taskDetail, taskSummaries } from '../views'

// The worker's inbox: every open task of the caller's grids, earliest deadline first.
export async function listInbox(deps: Deps, caller: User, input: PageInput): Promise<Result<Page<TaskSummary>>> {
  const page = await deps.store.listOpenTasksForGrids(caller.gridIds, { cursor: input.cursor, limit: input.limit ?? DEFAULT_PAGE })
  const reports = new Map((await deps.store.getReports(page.items.map((t) => t.reportId))).map((r) => [r.id, r]))
  const pairs = page.items.flatMap((task) => {
    const report = reports.get(task.reportId)
    return report ? [{ task, report }] : []
  })
  return ok({ items: await taskSummaries(deps, caller, pairs), nextCursor: page.nextCursor })
}

/** A task in the caller's scope with its report, or the error someone outside it gets. */
export async function loadScopedTask(deps: Deps, caller: User, taskId: string): Promise<Result<{ task: Task; report: Report }>> {
  const task = await deps.store.getTask(taskId)
  if (!task) return fail(appError('NOT_FOUND', '没有找到这个任务'))
  if (!canHandleTask(caller, task)) return fail(appError('FORBIDDEN', '这个任务不属于您负责的网格'))
  const report = await deps.store.getReport(task.reportId)
  if (!report) return fail(appError('NOT_FOUND', '没有找到这个任务'))
  return ok({ task, report })
}

export async function getTask(deps: Deps, caller: User, input: { taskId: string }): Promise<Result<TaskDetail>> {
  const loaded = await loadScopedTask(deps, caller, input.taskId)
  if (!loaded.ok) return loaded
  const { task, report } = loaded.value
  return ok(await taskDetail(deps, caller, report, task, await deps.store.listTimeline(task.id)))
}
