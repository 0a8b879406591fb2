import type { Task } from '../model'
import { LEVEL_INFO } from '../levels'
import { shanghaiMonthDayTime } from '../identity/calendarDate'
import { isOpen } from './status'

// What a resident reads about their report: who has it now and by when, in plain words, never
// the staff's levels and states ("绿色 · 网格级", "待签收").

/** "已上报社区处理", "网格员处理中": who has the case now. */
export function stageOf(task: Pick<Task, 'status' | 'level'>): string {
  // the level's owner in words; taken from levels.ts, as the machine imports this file
  const owner = LEVEL_INFO[task.level].owner
  const raised = task.level !== 'grid'
  switch (task.status) {
    case 'submitted': return '已受理，正在安排处理人'
    case 'escalated': return `已上报${owner}处理`
    case 'returned': return raised ? `${owner}正在重新安排处理人` : '已受理，正在重新安排处理人'
    case 'transferred': return '已转给相邻网格处理'
    case 'assigned':
    case 'reopened': return raised ? `${owner}已安排处理人` : '已受理，等待网格员处理'
    case 'accepted':
    case 'extension_requested': return raised ? `${owner}督办处理中` : '网格员处理中'
    case 'resolved': return '已办结，请您评价'
    case 'closed': return '已结案'
    case 'rejected': return '不予受理'
    case 'withdrawn': return '已撤回'
    case 'merged': return '已合并到同一问题的工单，处理结果将一并告知'
  }
}

/**
 * "预计12月3日17:00前处理", of the instant taskMachine.expectedAt gives (the resolve deadline once
 * accepted; before that, the accept deadline plus the resolve limit); null once nothing is expected.
 */
export function expectedByOf(expectedAt: number | null): string | null {
  return expectedAt === null ? null : `预计${shanghaiMonthDayTime(expectedAt)}前处理`
}

/** What a reporter does after submitting (taskMachine.ts), each refused in these words. */
export type ReporterMove = 'withdraw' | 'add_info' | 'urge'
const REPORTER_VERBS: Record<ReporterMove, string> = { withdraw: '撤回', add_info: '补充说明', urge: '催办' }

/**
 * "当前状态「网格员处理中」，已签收，不能撤回，可以补充说明或催办": why the reporter's move is
 * refused and what they can do instead. `urge`: an open case urged too soon, with when it
 * becomes possible and whether the wait is the day after the last urge (taskMachine.urgeAfter).
 */
export function reporterRefusal(task: Pick<Task, 'status' | 'level'>, move: ReporterMove, urge?: { after: number; urgedBefore: boolean }): string {
  const verb = REPORTER_VERBS[move]
  const now = `当前状态「${stageOf(task)}」`
  if (isOpen(task.status)) {
    if (move === 'urge' && urge) {
      const at = shanghaiMonthDayTime(urge.after)
      return urge.urgedBefore ? `您已催办过，${at}后可以再次催办` : `还未到预计处理时间（${at}），届时仍未处理可以催办`
    }
    const why = task.status === 'reopened' ? '已办结过，正在返工' : '已签收'
    return `${now}，${why}，不能${verb}，可以补充说明或催办`
  }
  if (task.status === 'resolved') return `${now}，不能${verb}，${move === 'add_info' ? '可以在评价中写明' : '请评价'}`
  if (task.status === 'withdrawn' && move === 'withdraw') return `${now}，无需再次撤回`
  return `${now}，不能${verb}`
}
