import type { TaskDetail } from '../../../../shared/api'
import {
  assignTaskSchema, decideExtensionSchema, escalateTaskSchema, refuseTransferSchema, requestExtensionSchema, returnTaskSchema, superviseTaskSchema,
  transferTaskSchema,
} from '../../../../shared/schemas/moves'
import { mergeReportsSchema } from '../../../../shared/schemas/meToo'
import { call } from '../../api/client'
import { check } from '../../lib/fieldErrors'

// The moves between people that the task page sends, each checked with the server's own
// schema first (so a field's message is word for word the server's) and each carrying the
// version the person saw: of two people acting at once, one wins and the other gets CONFLICT.

export type MoveInput =
  | { type: 'escalate'; reason: string }
  | { type: 'transfer'; toGridId: string; reason: string }
  | { type: 'refuseTransfer'; reason: string }
  | { type: 'return'; reason: string }
  /** days as typed: undefined when empty, NaN when not a number (the schema says which) */
  | { type: 'requestExtension'; days: number | undefined; reason: string }
  | { type: 'decideExtension'; approve: boolean; reason?: string }
  | { type: 'supervise'; note: string }
  | { type: 'assign'; gridId: string; assigneeId?: string }
  /** 合并: into the open case with this 工单编号; the answer is that case */
  | { type: 'merge'; intoCaseNumber: string; reason: string }

export type PreparedMove = { ok: true; send: () => Promise<TaskDetail> } | { ok: false; fields: Record<string, string> }

type Checked<T> = { ok: true; value: T } | { ok: false; fields: Record<string, string> }
const then = <T,>(c: Checked<T>, send: (value: T) => Promise<TaskDetail>): PreparedMove => (c.ok ? { ok: true, send: () => send(c.value) } : c)

export function prepareMove(task: Pick<TaskDetail, 'taskId' | 'version'>, m: MoveInput): PreparedMove {
  const ref = { taskId: task.taskId, version: task.version }
  switch (m.type) {
    case 'escalate':
      return then(check(escalateTaskSchema, { ...ref, reason: m.reason }), (v) => call('worker', 'escalateTask', v))
    case 'transfer':
      return then(check(transferTaskSchema, { ...ref, toGridId: m.toGridId, reason: m.reason }), (v) => call('worker', 'transferTask', v))
    case 'refuseTransfer':
      return then(check(refuseTransferSchema, { ...ref, reason: m.reason }), (v) => call('worker', 'refuseTransfer', v))
    case 'return':
      return then(check(returnTaskSchema, { ...ref, reason: m.reason }), (v) => call('worker', 'returnTask', v))
    case 'requestExtension':
      return then(check(requestExtensionSchema, { ...ref, days: m.days, reason: m.reason }), (v) => call('worker', 'requestExtension', v))
    case 'decideExtension':
      return then(check(decideExtensionSchema, { ...ref, approve: m.approve, reason: m.reason || undefined }), (v) => call('admin', 'decideExtension', v))
    case 'supervise':
      return then(check(superviseTaskSchema, { ...ref, note: m.note }), (v) => call('admin', 'superviseTask', v))
    case 'assign':
      return then(check(assignTaskSchema, { ...ref, gridId: m.gridId, assigneeId: m.assigneeId }), (v) => call('admin', 'assignTask', v))
    case 'merge':
      return then(check(mergeReportsSchema, { ...ref, intoCaseNumber: m.intoCaseNumber, reason: m.reason }), (v) => call('worker', 'mergeReports', v))
  }
}

/** The days field as typed: empty is "not filled", anything else a number (or NaN, which the schema refuses in words). */
export const daysOf = (typed: string): number | undefined => (typed.trim() === '' ? undefined : Number(typed.trim()))
