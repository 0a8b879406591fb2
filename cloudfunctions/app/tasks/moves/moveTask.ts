import { appError, type AppError } from '../../../../shared/errors'
import type { Report, Task, User } from '../../../../shared/model'
import { fail, ok, type Result } from '../../../../shared/result'
import { applyTaskAction, type TaskAction } from '../../../../shared/workflow/taskMachine'
import { can } from '../../policy'
import type { Deps } from '../../ports'
import { gridDuty, gridStaffIds } from '../../recipients'
import { pushQuietly, SYSTEM_ACTOR } from '../../records'
import { categoryOf, machineContext } from '../limits'
import { moveRecords, type MoveCause } from './moveRecords'

// One move on one task (docs/workflow.md "Moves"): asked of the policy row of its action, then
// of the workflow (the state machine), guarded by the version its actor saw, and written with
// its timeline line and messages as one change. The single actions, the bulk move and the
// escalate job all come through here, so each is authorized, versioned and recorded the same way.

/** The actions a person makes a move with, as the policy table names them. */
export type MoveAction =
  | { fn: 'worker'; action: 'escalateTask' | 'transferTask' | 'refuseTransfer' | 'returnTask' | 'requestExtension' }
  | { fn: 'admin'; action: 'assignTask' | 'decideExtension' | 'superviseTask' }

/** What a person asked for, before the move is worked out (a target grid's worker, the actor's name). */
export type MoveInput =
  | { type: 'escalate'; reason: string }
  | { type: 'transfer'; toGridId: string; reason: string }
  | { type: 'refuse_transfer'; reason: string }
  | { type: 'return'; reason: string }
  | { type: 'assign'; gridId: string; assigneeId?: string }
  | { type: 'request_extension'; days: number; reason: string }
  | { type: 'decide_extension'; approve: boolean; reason?: string }
  | { type: 'supervise'; note: string }

export const POLICY_OF: Record<MoveInput['type'], MoveAction> = {
  escalate: { fn: 'worker', action: 'escalateTask' },
  transfer: { fn: 'worker', action: 'transferTask' },
  refuse_transfer: { fn: 'worker', action: 'refuseTransfer' },
  return: { fn: 'worker', action: 'returnTask' },
  request_extension: { fn: 'worker', action: 'requestExtension' },
  assign: { fn: 'admin', action: 'assignTask' },
  decide_extension: { fn: 'admin', action: 'decideExtension' },
  supervise: { fn: 'admin', action: 'superviseTask' },
}

const FORBIDDEN: Record<MoveInput['type'], string> = {
  escalate: '只能上报本网格或本辖区的任务',
  transfer: '只能转派本网格的任务',
  refuse_transfer: '只能拒收转派给本网格的任务',
  return: '只能退回本网格的任务',
  request_extension: '只有签收人或网格长可以申请延期',
  assign: '只能对本辖区的任务派单',
  decide_extension: '延期由上一级审批：网格级任务由社区审批，社区级由街道审批',
  supervise: '只能督办本网格或本辖区的任务',
}

export type Loaded = { task: Task; report: Report }
type Actor = User | typeof SYSTEM_ACTOR

/**
 * Applies one move and writes it. `caller` null is the system (the escalate job), which no
 * policy row limits; `cause` says why the system moved it.
 */
export async function moveTask(deps: Deps, caller: User | null, loaded: Loaded, expectedVersion: number, input: MoveInput | { type: 'warn' } | { type: 'escalate_overdue' }, cause: MoveCause = null): Promise<Result<Loaded>> {
  const { task, report } = loaded
  if (caller && input.type !== 'warn' && input.type !== 'escalate_overdue') {
    const policy = POLICY_OF[input.type]
    if (!(can as (c: User, f: string, a: string, s: Task) => boolean)(caller, policy.fn, policy.action, task)) return fail(appError('FORBIDDEN', FORBIDDEN[input.type]))
  }
  if (task.version !== expectedVersion) return fail(appError('CONFLICT', '该任务刚被其他人处理过，请刷新后查看'))
  const actor: Actor = caller ?? SYSTEM_ACTOR
  const action = await prepare(deps, caller, loaded, input)
  if (!action.ok) return action
  const now = deps.clock.now()
  const next = applyTaskAction(task, action.value, machineContext(deps, actor.id, now, task.category))
  if (!next.ok) return next
  const category = categoryOf(deps, task.category)
  const why: MoveCause = cause ?? (next.value.level !== task.level && input.type === 'return' ? 'returns' : null)
  const records = await moveRecords(deps, actor, task, next.value, action.value, report, category.name, why)
  const saved = await deps.cases.saveTaskChange({ task: next.value, expectedVersion: task.version, events: records.events, messages: records.messages })
  if (!saved) return fail(appError('CONFLICT', '该任务刚被其他人处理过，请刷新后查看'))
  await pushQuietly(deps, records.messages)
  return ok({ task: next.value, report })
}

/** The request as the machine takes it: a target grid's worker on duty, the actor's name. */
async function prepare(deps: Deps, caller: User | null, { task, report }: Loaded, input: MoveInput | { type: 'warn' } | { type: 'escalate_overdue' }): Promise<Result<TaskAction>> {
  const name = caller?.name ?? SYSTEM_ACTOR.name
  switch (input.type) {
    case 'warn': return ok({ type: 'warn' })
    case 'escalate_overdue': return ok({ type: 'supervise', note: '超期督办', byName: name, overdue: true })
    case 'escalate': case 'refuse_transfer': case 'return': return ok(input)
    case 'request_extension': return ok({ ...input, byName: name })
    case 'decide_extension': return ok(input)
    case 'supervise': return ok({ type: 'supervise', note: input.note, byName: name })
    case 'transfer': {
      // one tap from the near-border flag: the grids the report's point lies close to
      const neighbours = report.routing.neighbourGridIds.filter((id) => id !== task.gridId)
      if (!neighbours.includes(input.toGridId)) return fail(fieldError('toGridId', '只能转派给问题位置相邻的网格'))
      const grid = await deps.reference.getGrid(input.toGridId)
      if (!grid) return fail(fieldError('toGridId', '没有这个网格', 'NOT_FOUND'))
      const duty = await gridDuty(deps, grid, deps.clock.now())
      return ok({ type: 'transfer', toGridId: grid.id, assigneeId: duty.assigneeId, reason: input.reason })
    }
    case 'assign': {
      const grid = await deps.reference.getGrid(input.gridId)
      if (!grid) return fail(fieldError('gridId', '没有这个网格', 'NOT_FOUND'))
      if (caller && !can(caller, 'admin', 'assignTask', { ...task, area: { communityId: grid.communityId, streetId: grid.streetId } })) {
        return fail(appError('FORBIDDEN', '只能派给本辖区的网格', { gridId: '只能派给本辖区的网格' }))
      }
      if (input.assigneeId !== undefined) {
        if (!gridStaffIds(grid).includes(input.assigneeId)) return fail(fieldError('assigneeId', '该人员不是这个网格的工作人员'))
        return ok({ type: 'assign', gridId: grid.id, assigneeId: input.assigneeId })
      }
      const duty = await gridDuty(deps, grid, deps.clock.now())
      return ok({ type: 'assign', gridId: grid.id, assigneeId: duty.assigneeId })
    }
  }
}

const fieldError = (field: string, text: string, code: 'VALIDATION' | 'NOT_FOUND' = 'VALIDATION'): AppError => appError(code, text, { [field]: text })
