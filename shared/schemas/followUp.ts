import * as z from 'zod'
import { required } from './messages'
import { cleanText, visibleLength } from '../text'
import { idSchema, photosSchema, writtenText } from './common'

// What a reporter can do after submitting (docs/workflow.md, "Moves"): withdraw it before
// anyone accepted it, add words or photos while it is open, urge it once the expected time has
// passed. None carries a version: the reporter's own action is safely retried, and the task's
// version as loaded still guards it against a worker's move landing in between.

const obj = <S extends z.ZodRawShape>(shape: S) => z.object(shape, required('提交内容', '对象'))
const reportId = idSchema('问题编号')

export const WITHDRAW_REASON_MAX = 200
export const withdrawReportSchema = obj({
  reportId,
  reason: z
    .string('撤回原因必须是文本')
    // a bound on the raw text first, so cleaning never runs on a megabyte of padding
    .max(WITHDRAW_REASON_MAX * 4, `撤回原因最多${WITHDRAW_REASON_MAX}个字`)
    .transform(cleanText)
    .refine((r) => visibleLength(r) <= WITHDRAW_REASON_MAX, `撤回原因最多${WITHDRAW_REASON_MAX}个字`)
    .optional(),
})
export type WithdrawReportInput = z.infer<typeof withdrawReportSchema>

// two characters is the least that says something ("已好"); 300 keeps one line of the timeline readable
export const INFO_MIN = 2
export const INFO_MAX = 300
export const addReportInfoSchema = obj({
  reportId,
  text: writtenText('补充说明', INFO_MIN, INFO_MAX, `补充说明至少${INFO_MIN}个字`, `补充说明最多${INFO_MAX}个字`),
  photos: photosSchema('补充照片', 0).default([]),
})
export type AddReportInfoInput = z.infer<typeof addReportInfoSchema>

export const urgeReportSchema = obj({ reportId })
export type UrgeReportInput = z.infer<typeof urgeReportSchema>
