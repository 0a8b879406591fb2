import * as z from 'zod'
import { LEVELS } from '../levels'
import { required } from './messages'
import { idSchema, writtenText } from './common'
import { pageSchema } from './report'
import { versionSchema } from './task'

// The moves between people (docs/workflow.md): each names the task and the version its actor
// saw, so of two people acting at once one wins and the other gets CONFLICT.

// The bounds of the moves live here, not in the machine: the pages read them without loading the
// machine's calendar and time-zone code (nor a constants module of their own, which the weapp
// build's subpackage split once dropped while inlining its values).
/** An extension asks for 1 to this many working days. */
export const MAX_EXTENSION_DAYS = 30
/** A dispatcher moves at most this many tasks at once (admin.bulkMove). */
export const MAX_BULK = 500
/** A reason, a note or a refusal: this many characters at least and at most. */
export const REASON_MIN = 2
export const REASON_MAX = 200
const reasonText = (label: string) => writtenText(label, REASON_MIN, REASON_MAX, `请写明${label}（至少${REASON_MIN}个字）`, `${label}最多${REASON_MAX}个字`)
const taskVersion = { taskId: idSchema('任务编号'), version: versionSchema }
const obj = <S extends z.ZodRawShape>(shape: S) => z.object(shape, required('提交内容', '对象'))

export const escalateTaskSchema = obj({ ...taskVersion, reason: reasonText('上报原因') })
export const transferTaskSchema = obj({ ...taskVersion, toGridId: idSchema('转派网格'), reason: reasonText('转派原因') })
export const refuseTransferSchema = obj({ ...taskVersion, reason: reasonText('拒收原因') })
export const returnTaskSchema = obj({ ...taskVersion, reason: reasonText('退回原因') })
export const extensionDaysSchema = z
  .number(required('延期天数', '数字'))
  .int('延期天数应为整数')
  .min(1, '延期至少1个工作日')
  .max(MAX_EXTENSION_DAYS, `延期最多${MAX_EXTENSION_DAYS}个工作日`)
export const requestExtensionSchema = obj({ ...taskVersion, days: extensionDaysSchema, reason: reasonText('延期原因') })

const decision = {
  approve: z.boolean(required('是否批准', '是或否')),
  /** required when refusing: the worker reads why */
  reason: reasonText('审批意见').optional(),
}
const refusalNeedsReason = (d: { approve: boolean; reason?: string }, ctx: z.RefinementCtx) => {
  if (!d.approve && !d.reason) ctx.addIssue({ code: 'custom', path: ['reason'], message: '不批准延期时请写明审批意见' })
}
export const decideExtensionSchema = obj({ ...taskVersion, ...decision }).superRefine(refusalNeedsReason)
export const superviseTaskSchema = obj({ ...taskVersion, note: reasonText('督办意见') })
/** assignee: one of the grid's staff; without it, the grid's worker on duty (its substitute on leave). */
export const assignTaskSchema = obj({ ...taskVersion, gridId: idSchema('派单网格'), assigneeId: idSchema('派单人员').optional() })

/**
 * The moves a dispatcher makes on many tasks at once, one schema each: the console's form checks
 * its move with one of these, and bulkMove.ts joins them into the action's payload (kept apart
 * so the mini-program does not load the union the server needs).
 */
export const BULK_MOVES = {
  assign: z.object({ type: z.literal('assign'), gridId: idSchema('派单网格'), assigneeId: idSchema('派单人员').optional() }),
  supervise: z.object({ type: z.literal('supervise'), note: reasonText('督办意见') }),
  escalate: z.object({ type: z.literal('escalate'), reason: reasonText('上报原因') }),
  decide_extension: z.object({ type: z.literal('decide_extension'), ...decision }).superRefine(refusalNeedsReason),
}
export type BulkMove = { [K in keyof typeof BULK_MOVES]: z.infer<(typeof BULK_MOVES)[K]> }[keyof typeof BULK_MOVES]
export const bulkTasksSchema = z
  .array(obj(taskVersion), required('任务列表', '列表'))
  .min(1, '请至少选择1个任务')
  .max(MAX_BULK, `一次最多处理${MAX_BULK}个任务`)
  .refine((ts) => new Set(ts.map((t) => t.taskId)).size === ts.length, '任务列表中有重复的任务')

/**
 * The dispatchers' console: the open tasks of the caller's area (a street's dispatcher may
 * narrow it to one of its communities), as a queue, overdue, by level or by grid.
 */
export const CONSOLE_VIEWS = ['queue', 'overdue', 'all'] as const
export const listConsoleSchema = pageSchema.extend({
  view: z.enum(CONSOLE_VIEWS, '列表 view 应为 queue、overdue 或 all'),
  level: z.enum(LEVELS, '层级 level 应为 grid、community、street 或 district').optional(),
  gridId: idSchema('网格编号').optional(),
  communityId: idSchema('社区编号').optional(),
})
export type ListConsoleInput = z.infer<typeof listConsoleSchema>
export const consoleCountsSchema = obj({ communityId: idSchema('社区编号').optional() })

/** 工单编号: the day (YYYYMMDD) and its five-digit sequence. */
export const CASE_NUMBER = /^\d{13}$/
export const findCaseSchema = obj({ caseNumber: z.string(required('工单编号', '文本')).trim().regex(CASE_NUMBER, '工单编号应为13位数字，如 2026120100123') })

export type EscalateTaskInput = z.infer<typeof escalateTaskSchema>
export type TransferTaskInput = z.infer<typeof transferTaskSchema>
export type RefuseTransferInput = z.infer<typeof refuseTransferSchema>
export type ReturnTaskInput = z.infer<typeof returnTaskSchema>
export type RequestExtensionInput = z.infer<typeof requestExtensionSchema>
export type DecideExtensionInput = z.infer<typeof decideExtensionSchema>
export type SuperviseTaskInput = z.infer<typeof superviseTaskSchema>
export type AssignTaskInput = z.infer<typeof assignTaskSchema>
export type ConsoleCountsInput = z.infer<typeof consoleCountsSchema>
export type FindCaseInput = z.infer<typeof findCaseSchema>
