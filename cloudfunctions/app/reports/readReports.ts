import type { Page, ReportDetail, ReportSummary } from '../../../shared/api'
import { appError } from '../../../shared/errors'
import type { Report, Task, User } from '../../../shared/model'
import { fail, ok, type Result } from '../../../shared/result'
import type { PageInput } from '../../../shared/schemas/report'
import { can } from '../policy'
import type { Needs } from '../ports'
import { reportDetail, reportSummaries, type ViewDeps } from '../views'

export const DEFAULT_PAGE = 20

type ReadDeps = ViewDeps & Needs<'cases'>

export async function withTasks(deps: Needs<'cases'>, reports: Report[]): Promise<{ report: Report; task: Task }[]> {
  const tasks = new Map((await deps.cases.getTasks(reports.map((r) => r.taskId))).map((t) => [t.id, t]))
  return reports.flatMap((report) => {
    const task = tasks.get(report.taskId)
    return task ? [{ report, task }] : []
  })
}

export async function listMyReports(deps: ReadDeps, caller: User, input: PageInput): Promise<Result<Page<ReportSummary>>> {
  const page = await deps.cases.listReportsByReporter(caller.id, { cursor: input.cursor, limit: input.limit ?? DEFAULT_PAGE })
  return ok({ items: await reportSummaries(deps, await withTasks(deps, page.items)), nextCursor: page.nextCursor })
}

/** The caller's own report with its task, or the error a stranger gets. */
export async function loadOwnReport(deps: Needs<'cases'>, caller: User, reportId: string, action: 'getMyReport' | 'rateReport' | 'withdrawReport' | 'addReportInfo' | 'urgeReport'): Promise<Result<{ report: Report; task: Task }>> {
  const report = await deps.cases.getReport(reportId)
  if (!report) return fail(appError('NOT_FOUND', '没有找到这条问题记录'))
  if (!can(caller, 'resident', action, report)) return fail(appError('FORBIDDEN', '只能查看自己提交的问题'))
  const task = await deps.cases.getTask(report.taskId)
  if (!task) return fail(appError('NOT_FOUND', '没有找到这条问题记录'))
  return ok({ report, task })
}

export async function getMyReport(deps: ReadDeps, caller: User, input: { reportId: string }): Promise<Result<ReportDetail>> {
  const loaded = await loadOwnReport(deps, caller, input.reportId, 'getMyReport')
  if (!loaded.ok) return loaded
  const { report, task } = loaded.value
  // a follower ("me too") passed followed_report: they get the follower's view (views.ts)
  return ok(await reportDetail(deps, report, task, await deps.cases.listTimeline(task.id), caller.id))
}
