// The closed list of what a timeline line can record (DESIGN.md "The case workflow"): every
// transition appends one of these, with who, when and why. Later moves (transfer, escalate,
// return, extension, supervise) add their names here first.
export const TIMELINE_ACTIONS = ['submit', 'assign', 'accept', 'resolve', 'rate', 'reopen', 'close_unrated'] as const
export type TimelineAction = (typeof TIMELINE_ACTIONS)[number]
