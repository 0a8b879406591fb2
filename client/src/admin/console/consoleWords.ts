import type { ConsoleCounts } from '../../../../shared/api'
import type { ConsoleView } from './useConsoleList'

export const VIEW_WORDS: Record<ConsoleView, string> = { queue: '待派单', overdue: '已超时', all: '全部' }

/** The count on each tab; "全部" is every open task of the area, whatever its level. */
export function viewCount(view: ConsoleView, c: ConsoleCounts | null): string {
  if (!c) return ''
  const n = view === 'queue' ? c.queued : view === 'overdue' ? c.overdue : Object.values(c.byLevel).reduce((a, b) => a + b, 0)
  return `（${n}）`
}

export const EMPTY_WORDS: Record<ConsoleView, string> = {
  queue: '没有待派单的任务',
  overdue: '没有超时的任务',
  all: '辖区内没有办理中的任务',
}

/** "已处理 3 件，1 件未成功" */
export const bulkSummary = (done: number, failed: number) => `已处理 ${done} 件${failed ? `，${failed} 件未成功` : ''}`
