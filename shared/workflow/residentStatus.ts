import type { TaskStatus } from './status'

// A case's state as a resident's pages name it (docs/workflow.md, "States"): five words a
// resident knows, never the staff's states or levels ("待签收", "绿色 · 网格级"); who has it now
// is the server's `stage` and by when its `expectedBy`. Free of zod and of the workflow
// machine: the main package's pages import it.

export const RESIDENT_PHASES = ['received', 'handling', 'done', 'withdrawn', 'refused', 'merged'] as const
export type ResidentPhase = (typeof RESIDENT_PHASES)[number]

export const RESIDENT_PHASE_WORDS: Readonly<Record<ResidentPhase, string>> = {
  received: '已受理',
  handling: '处理中',
  done: '已办结',
  withdrawn: '已撤回',
  refused: '不予受理',
  merged: '已合并',
}

// Every state before someone has taken it in hand is "received": a resident cannot act on
// the difference between a queue, a transfer or a return, and the stage line says who has
// it. A reopened case waits to be taken up again after the resident's own rating, so it is
// received again rather than already in hand. A pending extension is still being handled.
const PHASE_OF: Readonly<Record<TaskStatus, ResidentPhase>> = {
  submitted: 'received',
  assigned: 'received',
  transferred: 'received',
  escalated: 'received',
  returned: 'received',
  reopened: 'received',
  accepted: 'handling',
  extension_requested: 'handling',
  resolved: 'done',
  closed: 'done',
  withdrawn: 'withdrawn',
  rejected: 'refused',
  // a duplicate: its reporter follows the case it was merged into
  merged: 'merged',
}

export const residentPhase = (status: TaskStatus): ResidentPhase => PHASE_OF[status]

/** "已受理", "处理中", "已办结", "已撤回", "不予受理". */
export const residentStatus = (status: TaskStatus): string => RESIDENT_PHASE_WORDS[PHASE_OF[status]]
