import type { Page, ReportDetail, ReportSummary } from '../../../shared/api'
import { appError } from '../../../shared/errors'
import type { Report, Task, User } from '../../../shared/model'
import { fail, ok, type Result } from '../../../shared/result'
import type { PageInput } from '../../../shared/schemas/report'
import { canSeeReport } from '../authorize'
import type { Deps } from '../ports'
import { reportDetail, reportSummaries } from '../views'

export const DEFAULT_PAGE = 20

export async function withTasks(deps: Deps, reports: Report[]): Promise<{ report: Report; task: Task }[]> {
  const tasks = new Map((await deps.store.getTasks(reports.map((r) => r.taskId))).map((t) => [t.id, t]))
  return reports.flatMap((report) => {
    const task = tasks.get(report.taskId)
    return task ? [{ report, task }] : []
  })
}

export async function listMyReports(deps: Deps, caller: User, input: PageInput): Promise<Result<Page<ReportSummary>>> {
  const page = await deps.store.listReportsByReporter(caller.id, { cursor: input.cursor, limit: input.limit ?? DEFAULT_PAGE })
  return ok({ items: await reportSummaries(deps, await withTasks(deps, page.items)), nextCursor: page.nextCursor })
}

/** The caller's own report with its task, or the error a stranger gets. */
export async function loadOwnReport(deps: Deps, caller: User, reportId: string): Promise<Result<{ report: Report; task: Task }>> {
  const report = await deps.store.getReport(reportId)
  if (!report) return fail(appError('NOT_FOUND', '没有找到这条问题记录'))
  if (!canSeeReport(caller, report)) return fail(appError('FORBIDDEN', '只能查看自己提交的问题'))
  const task = await deps.store.getTask(report.taskId)
  if (!task) return fail(appError('NOT_FOUND', '没有找到这条问题记录'))
  return ok({ report, task })
}

export async function getMyReport(deps: Deps, caller: User, input: { reportId: string }): Promise<Result<ReportDetail>> {
  const loaded = await loadOwnReport(deps, caller, input.reportId)
  if (!loaded.ok) return loaded
  const { report, task } = loaded.value
  return ok(await reportDetail(deps, report, task, await deps.store.listTimeline(task.id)))
}
