import type { BulkMoveResult } from '../../../../shared/api'
import type { User } from '../../../../shared/model'
import { ok, type Result } from '../../../../shared/result'
import type { BulkMoveInput } from '../../../../shared/schemas/bulkMove'
import type { Deps } from '../../ports'
import { moveTask, type MoveInput } from './moveTask'

// A dispatcher's move on many tasks at once (up to 500): the tasks and their reports are read
// in one query each, then every task is moved on its own — authorized by its move's policy
// row, guarded by the version the dispatcher saw, recorded with its own timeline line — so one
// that fails (changed meanwhile, outside the area, in a state that forbids it) says why and
// stops none of the others.

/** Moves at once: enough to overlap the store's round trips, few enough for CloudBase's per-second quota. */
const PARALLEL = 4

export async function bulkMove(deps: Deps, caller: User, input: BulkMoveInput): Promise<Result<BulkMoveResult>> {
  const ids = input.tasks.map((t) => t.taskId)
  const tasks = new Map((await deps.cases.getTasks(ids)).map((t) => [t.id, t]))
  const reports = new Map((await deps.cases.getReports([...new Set([...tasks.values()].map((t) => t.reportId))])).map((r) => [r.id, r]))
  const move = moveOf(input.move)
  const results: BulkMoveResult['results'] = new Array(input.tasks.length)
  let next = 0
  const worker = async () => {
    for (let i = next++; i < input.tasks.length; i = next++) {
      const { taskId, version } = input.tasks[i]
      const task = tasks.get(taskId)
      const report = task ? reports.get(task.reportId) : undefined
      if (!task || !report) {
        results[i] = { taskId, ok: false, code: 'NOT_FOUND', message: '没有找到这个任务' }
        continue
      }
      const moved = await moveTask(deps, caller, { task, report }, version, move)
      results[i] = moved.ok ? { taskId, ok: true, version: moved.value.task.version } : { taskId, ok: false, code: moved.error.code, message: moved.error.message }
    }
  }
  await Promise.all(Array.from({ length: Math.min(PARALLEL, input.tasks.length) }, worker))
  const done = results.filter((r) => r.ok).length
  return ok({ done, failed: results.length - done, results })
}

function moveOf(move: BulkMoveInput['move']): MoveInput {
  switch (move.type) {
    case 'assign': return { type: 'assign', gridId: move.gridId, ...(move.assigneeId ? { assigneeId: move.assigneeId } : {}) }
    case 'supervise': return { type: 'supervise', note: move.note }
    case 'escalate': return { type: 'escalate', reason: move.reason }
    case 'decide_extension': return { type: 'decide_extension', approve: move.approve, ...(move.reason ? { reason: move.reason } : {}) }
  }
}
