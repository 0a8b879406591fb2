// Task states (DESIGN.md, "The case workflow"; docs/workflow.md has the table and diagram);
// always shown in words.
export const TASK_STATUSES = [
  'submitted', 'assigned', 'accepted', 'resolved', 'closed',
  'transferred', 'escalated', 'returned', 'extension_requested', 'reopened', 'rejected', 'withdrawn', 'merged',
] as const
export type TaskStatus = (typeof TASK_STATUSES)[number]

export const STATUS_NAMES: Record<TaskStatus, string> = {
  submitted: '待派单',
  assigned: '待签收',
  accepted: '处理中',
  resolved: '已办结待评价',
  closed: '已结案',
  transferred: '转派待签收',
  escalated: '已上报待派单',
  returned: '已退回待派单',
  extension_requested: '申请延期',
  reopened: '返工待签收',
  rejected: '不予受理',
  withdrawn: '已撤回',
  merged: '已合并',
}

/** States in which the task still waits on staff and counts in an inbox. */
export const OPEN_STATUSES: readonly TaskStatus[] = ['submitted', 'assigned', 'accepted', 'transferred', 'escalated', 'returned', 'extension_requested', 'reopened']
export const isOpen = (s: TaskStatus) => OPEN_STATUSES.includes(s)
/** States in which a grid's staff have it to accept (签收). */
export const AWAITING_ACCEPT: readonly TaskStatus[] = ['assigned', 'reopened', 'transferred']
/** States in which it waits in a dispatchers' queue for someone to assign it. */
export const IN_QUEUE: readonly TaskStatus[] = ['submitted', 'escalated', 'returned']
/** States in which nobody has accepted it yet, so its reporter may still withdraw it (撤回); reopened follows a resolution, so it is not one. */
export const BEFORE_ACCEPT: readonly TaskStatus[] = ['submitted', 'assigned', 'transferred', 'escalated', 'returned']
/** States in which a grid holds it (its staff see it in their inbox). */
export const HELD_BY_GRID: readonly TaskStatus[] = ['assigned', 'accepted', 'transferred', 'extension_requested', 'reopened']
