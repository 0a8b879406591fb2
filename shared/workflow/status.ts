// Task states (DESIGN.md, "The case workflow"); always shown in words.
export const TASK_STATUSES = [
  'submitted', 'assigned', 'accepted', 'resolved', 'closed',
  'transferred', 'escalated', 'returned', 'extension_requested', 'reopened', 'rejected',
] as const
export type TaskStatus = (typeof TASK_STATUSES)[number]

export const STATUS_NAMES: Record<TaskStatus, string> = {
  submitted: '已提交',
  assigned: '待签收',
  accepted: '处理中',
  resolved: '已办结待评价',
  closed: '已结案',
  transferred: '已转派',
  escalated: '已上报',
  returned: '已退回',
  extension_requested: '申请延期',
  reopened: '返工待签收',
  rejected: '不予受理',
}

/** States in which the task still waits on staff and counts in an inbox. */
export const OPEN_STATUSES: readonly TaskStatus[] = ['submitted', 'assigned', 'accepted', 'transferred', 'escalated', 'returned', 'extension_requested', 'reopened']
export const isOpen = (s: TaskStatus) => OPEN_STATUSES.includes(s)
/** States in which the task waits to be accepted (签收). */
export const AWAITING_ACCEPT: readonly TaskStatus[] = ['assigned', 'reopened', 'transferred', 'escalated', 'returned']
