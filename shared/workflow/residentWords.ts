import type { Task } from '../model'
import { levelOwner } from './taskMachine'
import { shanghaiMonthDayTime } from '../identity/calendarDate'

// What a resident reads about their report: who has it now and by when, in plain words, never
// the staff's levels and states ("绿色 · 网格级", "待签收").

/** "已上报社区处理", "网格员处理中": who has the case now. */
export function stageOf(task: Pick<Task, 'status' | 'level'>): string {
  const owner = levelOwner(task.level)
  const raised = task.level !== 'grid'
  switch (task.status) {
    case 'submitted': return '等待分拨中心派单'
    case 'escalated': return `已上报${owner}处理`
    case 'returned': return raised ? `${owner}重新派单中` : '分拨中心重新派单中'
    case 'transferred': return '已转至相邻网格，等待签收'
    case 'assigned':
    case 'reopened': return raised ? `${owner}已派单，等待签收` : '等待网格员签收'
    case 'accepted':
    case 'extension_requested': return raised ? `${owner}督办处理中` : '网格员处理中'
    case 'resolved': return '已办结，请您评价'
    case 'closed': return '已结案'
    case 'rejected': return '不予受理'
  }
}

/**
 * "预计12月3日17:00前处理": the resolve deadline once accepted; before that, the accept
 * deadline plus the resolve limit (what the resident can count on if nothing else slips).
 */
export function expectedByOf(task: Pick<Task, 'status' | 'resolveDueAt' | 'dueAt'>, expectedResolveAt: (acceptDueAt: number) => number): string | null {
  if (task.status === 'resolved' || task.status === 'closed' || task.status === 'rejected' || task.dueAt === null) return null
  const at = task.resolveDueAt ?? expectedResolveAt(task.dueAt)
  return `预计${shanghaiMonthDayTime(at)}前处理`
}
