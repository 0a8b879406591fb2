import type { Message, Report, Task, TimelineEvent } from '../../../../shared/model'
import { shanghaiMonthDayTime } from '../../../../shared/identity/calendarDate'
import { levelOwner, queueAt, type TaskAction } from '../../../../shared/workflow/taskMachine'
import { nextLevel } from '../../../../shared/levels'
import type { Needs } from '../../ports'
import { message, reportAudience, timelineEvent, type Actor } from '../../records'
import { holderIds, placeName } from './places'

// The timeline line and the messages each move leaves (docs/workflow.md "Moves"). The line
// is in words a resident reads on their report ("已上报社区处理"); the messages go to the
// new holder, the one it left, and — for a change of level or grid — the reporter.

export interface MoveRecords { events: TimelineEvent[]; messages: Message[] }
type RecordDeps = Needs<'ids' | 'clock' | 'reference' | 'config'>

/** Why the system moved it, when no person did: the job past a deadline, or a count reached. */
export type MoveCause = 'deadline' | 'reopens' | 'returns' | null

export async function moveRecords(deps: RecordDeps, actor: Actor, before: Task, after: Task, action: TaskAction, report: Report, categoryName: string, cause: MoveCause = null): Promise<MoveRecords> {
  const refs = { reportId: report.id, taskId: after.id }
  const line = (a: TimelineEvent['action'], text: string, note?: string) => timelineEvent(deps, after.id, actor, a, text, note ? { note } : {})
  const tell = (ids: string[], kind: Message['kind'], title: string, body: string) =>
    [...new Set(ids)].filter((id) => id !== actor.id).map((id) => message(deps, id, kind, title, body, refs))
  const where = await placeName(deps, after.queue)
  const case_ = `工单${after.caseNumber}「${categoryName}」`
  const newHolders = () => holderIds(deps, after)
  const oldHolders = () => holderIds(deps, before)

  // a count reached or a deadline passed turns a return, a reopen or the job into an escalation
  if (after.level !== before.level) {
    const why = cause === 'deadline' ? '超过处理时限' : cause === 'reopens' ? `返工已达${after.reopenCount}次` : cause === 'returns' ? `退回已达${after.returnCount}次` : '申请上报'
    const owner = levelOwner(after.level)
    const reason = 'reason' in action ? action.reason : undefined
    return {
      // the resident reads this line: the level in words of who has it, not the staff's colour and name
      events: [line('escalate', `${why}，已上报${owner}处理`, cause === null ? reason : undefined)],
      messages: [
        ...tell(await newHolders(), 'task_escalated', `上报任务：${categoryName}`, `${case_}${why}，已上报至${where}，请尽快派单`),
        ...tell(await oldHolders(), 'task_escalated', '任务已上报', `${case_}${why}，已上报${owner}处理`),
        ...tell(reportAudience(report), 'report_progress', '您的反映已上报', `您反映的「${categoryName}」已上报${owner}处理`),
      ],
    }
  }
  switch (action.type) {
    case 'transfer': {
      const from = await placeName(deps, before.queue)
      return {
        events: [line('transfer', `由${from}转派至${where}`, action.reason)],
        messages: [
          ...tell(await newHolders(), 'task_transferred', `转派任务：${categoryName}`, `${from}转来${case_}：${action.reason}`),
          ...tell(reportAudience(report), 'report_progress', '您的反映已转派', `您反映的「${categoryName}」位于网格交界处，已转由${where}处理`),
        ],
      }
    }
    case 'refuse_transfer': {
      const from = await placeName(deps, before.queue)
      return {
        events: [line('refuse_transfer', `${from}拒收，已退回${where}重新派单`, action.reason)],
        messages: [
          ...tell(await newHolders(), 'task_returned', `拒收任务：${categoryName}`, `${from}拒收${case_}：${action.reason}，请重新派单`),
          ...tell(before.transfer ? [before.transfer.byId] : [], 'task_returned', '转派被拒收', `${case_}被${from}拒收：${action.reason}`),
        ],
      }
    }
    case 'return':
      return {
        events: [line('return', `已退回${where}重新派单`, action.reason)],
        messages: tell(await newHolders(), 'task_returned', `退回任务：${categoryName}`, `${case_}被退回：${action.reason}，请重新派单`),
      }
    case 'assign': {
      const to = after.assigneeId ? (await deps.reference.getUser(after.assigneeId))?.name : null
      const reassign = before.queue.scope === 'grid'
      const target = `${where}${to ? `（${to}）` : ''}`
      return {
        events: [line(reassign ? 'reassign' : 'assign', reassign ? `改派至${target}` : `派单至${target}`)],
        messages: [
          ...tell(await newHolders(), 'task_assigned', `新任务：${categoryName}`, `${case_}已派给您，请及时签收`),
          ...(reassign ? tell((await oldHolders()).filter((id) => id !== after.assigneeId), 'task_assigned', '任务已改派', `${case_}已改派至${target}`) : []),
        ],
      }
    }
    case 'request_extension':
      return {
        events: [line('request_extension', `申请延期${action.days}个工作日`, action.reason)],
        messages: tell(await approverIds(deps, after), 'extension_requested', `延期申请：${categoryName}`, `${case_}申请延期${action.days}个工作日：${action.reason}`),
      }
    case 'decide_extension': {
      const requester = before.extension ? [before.extension.byId] : []
      if (!action.approve) {
        return {
          events: [line('refuse_extension', '延期未批准，请按原期限办结', action.reason)],
          messages: tell(requester, 'extension_decided', '延期未批准', `${case_}延期未批准：${action.reason ?? ''}`),
        }
      }
      const until = after.resolveDueAt !== null ? shanghaiMonthDayTime(after.resolveDueAt) : ''
      return {
        events: [line('approve_extension', `延期已批准，处理期限延至${until}`)],
        messages: tell(requester, 'extension_decided', '延期已批准', `${case_}处理期限延至${until}`),
      }
    }
    case 'supervise': {
      const text = action.overdue ? `已超过${levelOwner(after.level)}级处理时限，列入超期督办` : `${actor.name}督办`
      return {
        events: [line('supervise', text, action.overdue ? undefined : action.note)],
        messages: tell(await holderIds(deps, after), 'task_supervised', `督办：${categoryName}`, `${case_}${action.overdue ? '已超期，列入督办' : `被督办：${action.note}`}`),
      }
    }
    case 'warn': {
      const left = after.dueAt !== null ? shanghaiMonthDayTime(after.dueAt) : ''
      // a warning is no move: it tells the holder and leaves the timeline as it was
      return { events: [], messages: tell(await holderIds(deps, after), 'task_warning', `即将超时：${categoryName}`, `${case_}将于${left}到期，请尽快处理`) }
    }
    default:
      throw new Error(`moveRecords: ${action.type} is not a move`)
  }
}

/** 延期 is decided by the level above: a grid's task by its community's dispatchers, and so on up. */
async function approverIds(deps: RecordDeps, task: Task): Promise<string[]> {
  // the dispatchers of the queue the level above would hold it in (the district decides its own)
  return holderIds(deps, { queue: queueAt(nextLevel(task.level) ?? 'district', task.area), assigneeId: null })
}
