import type { TaskDetail } from '../../../../shared/api'
import { appError } from '../../../../shared/errors'
import type { User } from '../../../../shared/model'
import { fail, ok, type Result } from '../../../../shared/result'
import type {
  AssignTaskInput, DecideExtensionInput, EscalateTaskInput, RefuseTransferInput, RequestExtensionInput, ReturnTaskInput, SuperviseTaskInput, TransferTaskInput,
} from '../../../../shared/schemas/moves'
import type { Deps } from '../../ports'
import { taskDetail } from '../../views'
import { moveTask, type Loaded, type MoveInput } from './moveTask'

// The single moves, one action each (shared/contracts.ts): load the task, make the move
// (moveTask.ts decides and writes), answer with the task page as the caller now sees it.

async function loadTask(deps: Deps, taskId: string): Promise<Result<Loaded>> {
  const task = await deps.cases.getTask(taskId)
  const report = task ? await deps.cases.getReport(task.reportId) : null
  if (!task || !report) return fail(appError('NOT_FOUND', '没有找到这个任务'))
  return ok({ task, report })
}

async function run(deps: Deps, caller: User, ref: { taskId: string; version: number }, input: MoveInput): Promise<Result<TaskDetail>> {
  const loaded = await loadTask(deps, ref.taskId)
  if (!loaded.ok) return loaded
  const moved = await moveTask(deps, caller, loaded.value, ref.version, input)
  if (!moved.ok) return moved
  const { task, report } = moved.value
  return ok(await taskDetail(deps, caller, report, task, await deps.cases.listTimeline(task.id)))
}

export const escalateTask = (d: Deps, c: User, i: EscalateTaskInput) => run(d, c, i, { type: 'escalate', reason: i.reason })
export const transferTask = (d: Deps, c: User, i: TransferTaskInput) => run(d, c, i, { type: 'transfer', toGridId: i.toGridId, reason: i.reason })
export const refuseTransfer = (d: Deps, c: User, i: RefuseTransferInput) => run(d, c, i, { type: 'refuse_transfer', reason: i.reason })
export const returnTask = (d: Deps, c: User, i: ReturnTaskInput) => run(d, c, i, { type: 'return', reason: i.reason })
export const requestExtension = (d: Deps, c: User, i: RequestExtensionInput) => run(d, c, i, { type: 'request_extension', days: i.days, reason: i.reason })
export const assignTask = (d: Deps, c: User, i: AssignTaskInput) => run(d, c, i, { type: 'assign', gridId: i.gridId, ...(i.assigneeId ? { assigneeId: i.assigneeId } : {}) })
export const decideExtension = (d: Deps, c: User, i: DecideExtensionInput) => run(d, c, i, { type: 'decide_extension', approve: i.approve, ...(i.reason ? { reason: i.reason } : {}) })
export const superviseTask = (d: Deps, c: User, i: SuperviseTaskInput) => run(d, c, i, { type: 'supervise', note: i.note })
