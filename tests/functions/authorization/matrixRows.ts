import type { Role } from '../../../shared/roles'
import type { Relation, Subject, World } from './matrixWorld'

// The matrix's rows for tasks and the moves between people (issue 12, docs/workflow.md), and the
// cells the six relations cannot name (moveWorld.ts): a task's level, a transfer, a substitute,
// the queues above a community. Hand-written, as every row of the matrix is: widening a rule in
// policy.ts must make a cell here fail. Version 99 is stale on purpose: the policy is asked
// before the version, so an allowed caller gets CONFLICT and nothing moves.

export type Payload = (w: World, caller: string, relation: Relation) => unknown | null
/** For each action: the payload of each cell (null: the relation means nothing for it), who is allowed where, and
 * (when the answer says it otherwise than with a FORBIDDEN of the whole call) how a refusal shows. */
export interface Row { payload: Payload; allowed: Partial<Record<Role, readonly Relation[]>>; refused?: (res: any) => boolean }
/** One subject sent by the caller of every role. */
export interface Cell { fn: string; action: string; payload: (w: World) => unknown; allowed: readonly Role[]; refused?: (res: any) => boolean }

export const refusedCall = (res: any) => !res.ok && res.error.code === 'FORBIDDEN'
/** A bulk move answers ok with each task's own outcome: its one task was refused when its result is FORBIDDEN. */
const refusedFirstTask = (res: any) => refusedCall(res) || (res.ok && res.data.results[0].code === 'FORBIDDEN')

export const taskAt = (w: World, r: Relation) => (r === 'own' ? w.acceptedByWorker : w.subjects[r])
const stale = (s: Subject) => ({ taskId: s.taskId, version: 99 })

// A task of each relation, for the roles that see and move tasks: its grid's staff while the grid
// holds it; a dispatcher wherever it waits in their area (their community, their street, or all).
const TASK_DISPATCHERS = {
  community_dispatcher: ['own', 'same_grid', 'other_grid', 'same_community'],
  street_dispatcher: ['own', 'same_grid', 'other_grid', 'same_community', 'other_community'],
  district_admin: ['own', 'same_grid', 'other_grid', 'same_community', 'other_community', 'other_street'],
} as const
const OWN_GRID_STAFF = { grid_worker: ['own', 'same_grid'], grid_leader: ['own', 'same_grid'] } as const
export const TASK_STAFF = { ...OWN_GRID_STAFF, ...TASK_DISPATCHERS }

export const MOVE_ROWS: Record<string, Row> = {}
MOVE_ROWS['worker.escalateTask'] = { payload: (w, _c, r) => ({ ...stale(taskAt(w, r)), reason: '需要社区协调处理' }), allowed: TASK_STAFF }
MOVE_ROWS['worker.transferTask'] = { payload: (w, _c, r) => ({ ...stale(taskAt(w, r)), toGridId: 'G2', reason: '位置在二网格一侧' }), allowed: OWN_GRID_STAFF }
// same_grid: a task G2's worker transferred to G1; other_grid: one G1's worker transferred to G2 (no longer G1's to refuse)
const transferredAt = (w: World, r: Relation) => (r === 'same_grid' ? w.moved.transferredToG1 : r === 'other_grid' ? w.moved.transferredToG2 : taskAt(w, r))
MOVE_ROWS['worker.refuseTransfer'] = { payload: (w, _c, r) => ({ ...stale(transferredAt(w, r)), reason: '不在本网格范围' }), allowed: OWN_GRID_STAFF }
MOVE_ROWS['worker.returnTask'] = { payload: (w, _c, r) => ({ ...stale(taskAt(w, r)), reason: '不属于网格处理范围' }), allowed: OWN_GRID_STAFF }
// asked by the one who accepted it, or the grid's leader, as 办结 is
MOVE_ROWS['worker.requestExtension'] = {
  payload: (w, _c, r) => ({ ...stale(taskAt(w, r)), days: 2, reason: '需要等配件到货' }),
  allowed: { grid_worker: ['own'], grid_leader: ['own', 'same_grid'] },
}
// the console of the caller's own area (own), or narrowed to C1, C2 or C3: a community dispatcher sees C1's alone
const CONSOLE_OF: Partial<Record<Relation, { communityId?: string }>> = { own: {}, same_community: { communityId: 'C1' }, other_community: { communityId: 'C2' }, other_street: { communityId: 'C3' } }
const CONSOLE_DISPATCHERS = {
  community_dispatcher: ['own', 'same_community'],
  street_dispatcher: ['own', 'same_community', 'other_community'],
  district_admin: ['own', 'same_community', 'other_community', 'other_street'],
} as const
MOVE_ROWS['admin.listConsole'] = { payload: (_w, _c, r) => (CONSOLE_OF[r] ? { view: 'all', ...CONSOLE_OF[r] } : null), allowed: CONSOLE_DISPATCHERS }
MOVE_ROWS['admin.consoleCounts'] = { payload: (_w, _c, r) => CONSOLE_OF[r] ?? null, allowed: CONSOLE_DISPATCHERS }
// 工单编号 search answers only for a task the caller may see
MOVE_ROWS['admin.findCase'] = { payload: (w, _c, r) => ({ caseNumber: taskAt(w, r).caseNumber }), allowed: TASK_STAFF }
// to G1, inside every allowed dispatcher's area, so only the task decides
MOVE_ROWS['admin.assignTask'] = { payload: (w, _c, r) => ({ ...stale(taskAt(w, r)), gridId: 'G1' }), allowed: TASK_DISPATCHERS }
// grid-level tasks, decided by C1's dispatchers and those above; same_grid is one asking for 延期 (the cells below go higher)
MOVE_ROWS['admin.decideExtension'] = {
  payload: (w, _c, r) => ({ ...stale(r === 'same_grid' ? w.moved.extensionAtGrid : taskAt(w, r)), approve: true }),
  allowed: TASK_DISPATCHERS,
}
MOVE_ROWS['admin.superviseTask'] = { payload: (w, _c, r) => ({ ...stale(taskAt(w, r)), note: '请加快处理进度' }), allowed: { grid_leader: ['own', 'same_grid'], ...TASK_DISPATCHERS } }
// each task is asked of its move's row inside: a refused one is a FORBIDDEN result, not a FORBIDDEN call
MOVE_ROWS['admin.bulkMove'] = {
  payload: (w, _c, r) => ({ tasks: [stale(taskAt(w, r))], move: { type: 'supervise', note: '请加快处理进度' } }),
  allowed: TASK_DISPATCHERS,
  refused: refusedFirstTask,
}

const DISPATCHING = ['community_dispatcher', 'street_dispatcher', 'district_admin'] as const
const bulkOf = (s: Subject, move: Record<string, unknown>) => ({ tasks: [stale(s)], move })
export const MORE_CELLS: Record<string, Cell> = {
  // 延期 is decided one level up: C1 for a grid's task (the row), S1 for a community's, the district for a street's
  'decideExtension of a community-level task': { fn: 'admin', action: 'decideExtension', payload: (w) => ({ ...stale(w.moved.extensionAtCommunity), approve: true }), allowed: ['street_dispatcher', 'district_admin'] },
  'decideExtension of a street-level task': { fn: 'admin', action: 'decideExtension', payload: (w) => ({ ...stale(w.moved.extensionAtStreet), approve: true }), allowed: ['district_admin'] },
  'bulkMove decide_extension of a community-level task': {
    fn: 'admin', action: 'bulkMove', payload: (w) => bulkOf(w.moved.extensionAtCommunity, { type: 'decide_extension', approve: true }), allowed: ['street_dispatcher', 'district_admin'], refused: refusedFirstTask,
  },
  'bulkMove decide_extension of a street-level task': {
    fn: 'admin', action: 'bulkMove', payload: (w) => bulkOf(w.moved.extensionAtStreet, { type: 'decide_extension', approve: false, reason: '请按原期限办结' }), allowed: ['district_admin'], refused: refusedFirstTask,
  },
  // escalated into a dispatchers' queue it is no grid's: G1's staff neither see nor move it; its area's dispatchers do
  'getTask of a task escalated to C1': { fn: 'worker', action: 'getTask', payload: (w) => ({ taskId: w.moved.atCommunity.taskId }), allowed: DISPATCHING },
  'getTask of a task escalated to S1 (its area still C1)': { fn: 'worker', action: 'getTask', payload: (w) => ({ taskId: w.moved.atStreet.taskId }), allowed: DISPATCHING },
  'findCase of a task escalated to S1': { fn: 'admin', action: 'findCase', payload: (w) => ({ caseNumber: w.moved.atStreet.caseNumber }), allowed: DISPATCHING },
  'escalateTask of a task escalated to C1': { fn: 'worker', action: 'escalateTask', payload: (w) => ({ ...stale(w.moved.atCommunity), reason: '需要街道协调' }), allowed: DISPATCHING },
  'returnTask of a task escalated to C1': { fn: 'worker', action: 'returnTask', payload: (w) => ({ ...stale(w.moved.atCommunity), reason: '不属于网格处理范围' }), allowed: [] },
  'superviseTask of a task escalated to C1': { fn: 'admin', action: 'superviseTask', payload: (w) => ({ ...stale(w.moved.atCommunity), note: '请尽快派单' }), allowed: DISPATCHING },
  'assignTask of a task escalated to S1': { fn: 'admin', action: 'assignTask', payload: (w) => ({ ...stale(w.moved.atStreet), gridId: 'G1' }), allowed: DISPATCHING },
  'bulkMove assign of a task escalated to S1': { fn: 'admin', action: 'bulkMove', payload: (w) => bulkOf(w.moved.atStreet, { type: 'assign', gridId: 'G1' }), allowed: DISPATCHING, refused: refusedFirstTask },
  // assigned back to G1 at community level: G1's leader may press it again
  'superviseTask of a community-level task back at G1': {
    fn: 'admin', action: 'superviseTask', payload: (w) => ({ ...stale(w.moved.extensionAtCommunity), note: '请加快处理进度' }), allowed: ['grid_leader', ...DISPATCHING],
  },
  // a transfer: the receiving grid's staff have it; the sending grid's lose it
  'getTask of a task transferred to G1': { fn: 'worker', action: 'getTask', payload: (w) => ({ taskId: w.moved.transferredToG1.taskId }), allowed: ['grid_worker', 'grid_leader', ...DISPATCHING] },
  'acceptTask of a task transferred to G1': { fn: 'worker', action: 'acceptTask', payload: (w) => stale(w.moved.transferredToG1), allowed: ['grid_worker', 'grid_leader'] },
  'getTask of a task G1 transferred to G2': { fn: 'worker', action: 'getTask', payload: (w) => ({ taskId: w.moved.transferredToG2.taskId }), allowed: DISPATCHING },
  'transferTask back of a task G1 transferred to G2': {
    fn: 'worker', action: 'transferTask', payload: (w) => ({ ...stale(w.moved.transferredToG2), toGridId: 'G1', reason: '还是一网格的' }), allowed: [],
  },
  // a substitute acts on what was handed to them, and G1's leader does not inherit it
  'getTask of a G2 task handed to w_g1': { fn: 'worker', action: 'getTask', payload: (w) => ({ taskId: w.moved.handedToSubstitute.taskId }), allowed: ['grid_worker', ...DISPATCHING] },
  'acceptTask of a G2 task handed to w_g1': { fn: 'worker', action: 'acceptTask', payload: (w) => stale(w.moved.handedToSubstitute), allowed: ['grid_worker'] },
  'escalateTask of a G2 task handed to w_g1': {
    fn: 'worker', action: 'escalateTask', payload: (w) => ({ ...stale(w.moved.handedToSubstitute), reason: '需要社区协调处理' }), allowed: ['grid_worker', ...DISPATCHING],
  },
  'returnTask of a G2 task handed to w_g1': { fn: 'worker', action: 'returnTask', payload: (w) => ({ ...stale(w.moved.handedToSubstitute), reason: '不属于网格处理范围' }), allowed: ['grid_worker'] },
  // the queues above a community: S1's for its dispatchers and the district; the district's for the district alone
  "listQueue of S1's street queue": { fn: 'admin', action: 'listQueue', payload: () => ({ scope: 'street', id: 'S1' }), allowed: ['street_dispatcher', 'district_admin'] },
  'listQueue of the district queue': { fn: 'admin', action: 'listQueue', payload: () => ({ scope: 'district', id: 'district' }), allowed: ['district_admin'] },
}
