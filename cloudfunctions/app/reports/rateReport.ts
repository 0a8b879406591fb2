import type { ReportDetail } from '../../../shared/api'
import { appError } from '../../../shared/errors'
import type { User } from '../../../shared/model'
import { fail, ok, type Result } from '../../../shared/result'
import { ratingReopens, type RateReportInput } from '../../../shared/schemas/report'
import { applyTaskAction } from '../../../shared/workflow/taskMachine'
import type { Deps } from '../ports'
import { message, pushQuietly, SYSTEM_ACTOR, timelineEvent } from '../records'
import { checkTexts } from '../content'
import { loadOwnReport } from './readReports'
import { reportDetail } from '../views'
import { categoryOf, machineContext } from '../tasks/limits'
import { moveRecords } from '../tasks/moves/moveRecords'
import { grantQuietly } from '../volunteers/points'

// 评价: a good rating closes the case; "not solved" or ≤ 2 stars sends it back to the same
// worker as a reopen (返工), counted on the task.
export async function rateReport(deps: Deps, caller: User, input: RateReportInput): Promise<Result<ReportDetail>> {
  const loaded = await loadOwnReport(deps, caller, input.reportId, 'rateReport')
  if (!loaded.ok) return loaded
  const { report, task } = loaded.value
  const textError = await checkTexts(deps, caller, { comment: input.comment })
  if (textError) return fail(textError)

  const reopen = ratingReopens(input)
  const next = applyTaskAction(task, { type: 'rate', reopen }, machineContext(deps, caller.id, deps.clock.now(), task.category))
  if (!next.ok) return next
  const verdict = `${input.stars}星，${input.solved ? '已解决' : '未解决'}`
  // the third 返工 goes up a level instead (taskMachine.ts): its line and messages are an escalation's
  const escalated = next.value.level !== task.level
  const raised = escalated ? await moveRecords(deps, SYSTEM_ACTOR, task, next.value, { type: 'escalate', reason: '返工' }, report, categoryOf(deps, task.category).name, 'reopens') : null
  const events = [
    timelineEvent(deps, task.id, caller, 'rate', `评价：${verdict}`, { note: input.comment }),
    ...(raised ? raised.events : reopen ? [timelineEvent(deps, task.id, SYSTEM_ACTOR, 'reopen', `居民不满意，退回原网格员返工（第${next.value.reopenCount}次）`)] : []),
  ]
  const handlerId = task.acceptedById ?? task.result?.byId ?? task.assigneeId
  const messages = raised
    ? raised.messages.filter((m) => m.userId !== report.reporterId)
    : handlerId
      ? [reopen
          ? message(deps, handlerId, 'task_reopened', '任务被退回返工', `居民评价「${verdict}」，请重新签收处理`, { reportId: report.id, taskId: task.id })
          : message(deps, handlerId, 'report_closed', '任务已结案', `居民评价「${verdict}」`, { reportId: report.id, taskId: task.id })]
      : []
  const rating = { stars: input.stars, solved: input.solved, comment: input.comment, at: deps.clock.now() }
  const saved = await deps.cases.saveTaskChange({ task: next.value, expectedVersion: task.version, events, messages, reportPatch: { rating } })
  if (!saved) return fail(appError('CONFLICT'))
  // a rating that closes the case heals a volunteer's grant its resolve lost (granted once per case)
  await grantQuietly(deps, report, next.value)
  await pushQuietly(deps, messages)
  // answered from what was just written: the task it saved, the report with its rating
  return ok(await reportDetail(deps, { ...report, rating }, next.value, await deps.cases.listTimeline(task.id)))
}
