// The closed list of what a timeline line can record (DESIGN.md "The case workflow"): every
// transition appends one of these, with who, when and why.
export const TIMELINE_ACTIONS = [
  'submit', 'assign', 'accept', 'resolve', 'rate', 'reopen', 'close_unrated',
  'escalate', 'transfer', 'refuse_transfer', 'return', 'reassign', 'request_extension', 'approve_extension', 'refuse_extension', 'supervise',
  'withdraw', 'add_info', 'urge', 'follow', 'merge',
] as const
export type TimelineAction = (typeof TIMELINE_ACTIONS)[number]
