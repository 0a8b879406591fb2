import type { TaskDetail } from '../../../../shared/api'
import { appError } from '../../../../shared/errors'
import type { Report, Task, User } from '../../../../shared/model'
import { fail, ok, type Result } from '../../../../shared/result'
import type { MergeReportsInput } from '../../../../shared/schemas/meToo'
import { isOpen, STATUS_NAMES } from '../../../../shared/workflow/status'
import { applyTaskAction } from '../../../../shared/workflow/taskMachine'
import { can } from '../../policy'
import type { Deps } from '../../ports'
import { message, pushQuietly, reportAudience, timelineEvent } from '../../records'
import { categoryOf, machineContext } from '../limits'
import { taskDetail } from '../../views'
import { holderIds } from './places'

// 合并 (docs/workflow.md "Moves"): staff merge a duplicate into another open case by its
// 工单编号. Two changes, the target first: it gains the duplicate's reporter and followers as
// its own followers (a set-add, so it can be repeated), then the duplicate becomes 'merged'
// and its people are told. A crash between the two leaves extra followers on a case about
// the same problem; the retry adds no one twice and finishes the duplicate, and a retry
// after both answers the target as it is. The caller must handle both tasks (policy.ts).

type Loaded = { task: Task; report: Report }

const FORBIDDEN = '只能合并您负责处理的工单：两个工单都需在您的网格或辖区内'
const intoError = (code: 'NOT_FOUND' | 'CONFLICT', text: string) => appError(code, text, { intoCaseNumber: text })

async function withReport(deps: Deps, task: Task | null): Promise<Loaded | null> {
  const report = task ? await deps.cases.getReport(task.reportId) : null
  return task && report ? { task, report } : null
}

export async function mergeReports(deps: Deps, caller: User, input: MergeReportsInput): Promise<Result<TaskDetail>> {
  const dup = await withReport(deps, await deps.cases.getTask(input.taskId))
  if (!dup) return fail(appError('NOT_FOUND', '没有找到这个任务'))
  const target = await withReport(deps, await deps.cases.findByCaseNumber(input.intoCaseNumber))
  if (!target) return fail(intoError('NOT_FOUND', `没有找到工单${input.intoCaseNumber}`))
  if (!can(caller, 'worker', 'mergeReports', dup.task) || !can(caller, 'worker', 'mergeReports', target.task)) return fail(appError('FORBIDDEN', FORBIDDEN))
  if (dup.task.id === target.task.id) return fail(intoError('CONFLICT', '不能合并到本工单自身'))
  // a retry of a merge that went through (or half through): heal, then answer the target
  const done = dup.task.status === 'merged' && dup.task.mergedInto?.taskId === target.task.id
  if (!done) {
    if (dup.task.version !== input.version) return fail(appError('CONFLICT', '该任务刚被其他人处理过，请刷新后查看'))
    if (!isOpen(dup.task.status)) return fail(appError('CONFLICT', `工单${dup.task.caseNumber}当前状态「${STATUS_NAMES[dup.task.status]}」，不能合并`))
  }
  if (!isOpen(target.task.status) && !done) return fail(intoError('CONFLICT', `工单${target.task.caseNumber}当前状态「${STATUS_NAMES[target.task.status]}」，只能合并到未办结的工单`))
  const into = { taskId: target.task.id, reportId: target.report.id, caseNumber: target.task.caseNumber }
  // the machine checks the duplicate before anything is written
  const merged = done ? null : applyTaskAction(dup.task, { type: 'merge', into }, machineContext(deps, caller.id, deps.clock.now(), dup.task.category))
  if (merged && !merged.ok) return merged

  const followed = isOpen(target.task.status) ? await addFollowers(deps, caller, target, dup) : ok(target)
  if (!followed.ok) return followed
  if (merged) {
    const saved = await writeMerged(deps, caller, dup, merged.value, into.caseNumber, input.reason)
    if (!saved) return fail(appError('CONFLICT', '该任务刚被其他人处理过，请刷新后查看'))
  }
  const { task, report } = followed.value
  return ok(await taskDetail(deps, caller, report, task, await deps.cases.listTimeline(task.id)))
}

/** The target follows on with the duplicate's people (never its own reporter); nothing is written when they all follow it already. Retried once past a version conflict. */
async function addFollowers(deps: Deps, caller: User, target: Loaded, dup: Loaded): Promise<Result<Loaded>> {
  for (let attempt = 0, at = target; ; attempt++) {
    const current = at.report.followerIds ?? []
    const joining = reportAudience(dup.report).filter((id) => id !== at.report.reporterId && !current.includes(id))
    if (joining.length === 0) return ok(at)
    const next = applyTaskAction(at.task, { type: 'follow' }, machineContext(deps, caller.id, deps.clock.now(), at.task.category))
    if (!next.ok) return next
    const followerIds = [...current, ...joining]
    const concerned = `共${followerIds.length + 1}人关注`
    const text = `已合并工单${dup.task.caseNumber}（同一问题），${concerned}`
    const refs = { reportId: at.report.id, taskId: at.task.id }
    const holders = [...new Set(await holderIds(deps, at.task))].filter((id) => id !== caller.id)
    // to staff this is the case gaining followers (report_followed); report_merged is the residents' kind
    const messages = holders.map((id) => message(deps, id, 'report_followed', '同一问题的工单已合并', `工单${dup.task.caseNumber}已合并到您处理的工单${at.task.caseNumber}，${concerned}`, refs))
    const events = [timelineEvent(deps, at.task.id, caller, 'merge', text)]
    if (await deps.cases.saveTaskChange({ task: next.value, expectedVersion: at.task.version, events, messages, reportPatch: { followerIds } })) {
      await pushQuietly(deps, messages)
      return ok({ task: next.value, report: { ...at.report, followerIds } })
    }
    const again = attempt === 0 ? await withReport(deps, await deps.cases.getTask(at.task.id)) : null
    if (!again) return fail(appError('CONFLICT', '目标工单刚被其他人处理过，请刷新后再试'))
    if (!isOpen(again.task.status)) return fail(intoError('CONFLICT', `工单${again.task.caseNumber}当前状态「${STATUS_NAMES[again.task.status]}」，只能合并到未办结的工单`))
    at = again
  }
}

/**
 * The duplicate leaves everyone's hands: its line, and its reporter and followers told where it
 * went. Its holders are staff who may handle the target too (the caller's scope covers both),
 * and they hear of the target's new followers; the duplicate simply leaves their inbox.
 */
async function writeMerged(deps: Deps, caller: User, dup: Loaded, next: Task, intoCaseNumber: string, reason: string): Promise<boolean> {
  const refs = { reportId: dup.report.id, taskId: dup.task.id }
  const category = categoryOf(deps, dup.task.category).name
  const messages = reportAudience(dup.report).map((id) =>
    message(deps, id, 'report_merged', '您的反映已合并处理', `您反映的「${category}」与工单${intoCaseNumber}是同一问题，已合并处理，处理结果将一并告知`, refs))
  const events = [timelineEvent(deps, dup.task.id, caller, 'merge', `已合并到工单 ${intoCaseNumber}，处理结果将一并告知`, { note: reason })]
  const saved = await deps.cases.saveTaskChange({ task: next, expectedVersion: dup.task.version, events, messages })
  if (saved) await pushQuietly(deps, messages)
  return saved
}
