import type { Page, TaskDetail, TaskSummary } from '../../../shared/api'
import { appError } from '../../../shared/errors'
import type { Report, Task, User } from '../../../shared/model'
import { fail, ok, type Result } from '../../../shared/result'
import type { PageInput } from '../../../shared/schemas/report'
import { can } from '../policy'
import type { Needs } from '../ports'
import { DEFAULT_PAGE } from '../reports/readReports'
import { taskDetail, taskSummaries, type ViewDeps } from '../views'

// The worker's inbox: every open task of the caller's grids, and those handed to them as the
// substitute of a worker on leave (policy.ts lets them act on those), earliest deadline first.
type ReadDeps = ViewDeps & Needs<'cases'>

export async function listInbox(deps: ReadDeps, caller: User, input: PageInput): Promise<Result<Page<TaskSummary>>> {
  const page = await deps.cases.listOpenTasksForGrids(caller.gridIds, { cursor: input.cursor, limit: input.limit ?? DEFAULT_PAGE }, caller.id)
  return ok({ items: await taskSummaries(deps, caller, await withReports(deps, page.items)), nextCursor: page.nextCursor })
}

/** Each task with its report, one query for the page. */
export async function withReports(deps: Needs<'cases'>, tasks: Task[]): Promise<{ task: Task; report: Report }[]> {
  const reports = new Map((await deps.cases.getReports(tasks.map((t) => t.reportId))).map((r) => [r.id, r]))
  return tasks.flatMap((task) => {
    const report = reports.get(task.reportId)
    return report ? [{ task, report }] : []
  })
}

/** A task in the caller's scope with its report, or the error someone outside it gets. */
export async function loadScopedTask(deps: Needs<'cases'>, caller: User, taskId: string, action: 'getTask' | 'acceptTask' | 'resolveTask'): Promise<Result<{ task: Task; report: Report }>> {
  const task = await deps.cases.getTask(taskId)
  if (!task) return fail(appError('NOT_FOUND', '没有找到这个任务'))
  if (!can(caller, 'worker', 'getTask', task)) return fail(appError('FORBIDDEN', '这个任务不属于您负责的网格'))
  if (!can(caller, 'worker', action, task)) return fail(appError('FORBIDDEN', '该任务由其他网格员签收，只有签收人或网格长可以办结'))
  const report = await deps.cases.getReport(task.reportId)
  if (!report) return fail(appError('NOT_FOUND', '没有找到这个任务'))
  return ok({ task, report })
}

export async function getTask(deps: ReadDeps, caller: User, input: { taskId: string }): Promise<Result<TaskDetail>> {
  const loaded = await loadScopedTask(deps, caller, input.taskId, 'getTask')
  if (!loaded.ok) return loaded
  const { task, report } = loaded.value
  return ok(await taskDetail(deps, caller, report, task, await deps.cases.listTimeline(task.id)))
}
