import * as z from 'zod'
import { idSchema, locationSchema, writtenText } from './common'
import { required } from './messages'
import { REASON_MAX, REASON_MIN } from './moves'

// "Me too" (我也遇到): while reporting, the open reports of the same category near the point
// from the last days; joining one follows it instead of filing a duplicate. Staff merge two
// reports that are one problem into one case.

/** Within this distance of the reporter's point (metres). */
export const ME_TOO_RADIUS_M = 100
/** Reports made in the last this many days. */
export const ME_TOO_WINDOW_DAYS = 30
/** At most this many are shown, nearest first. */
export const ME_TOO_MAX = 5
/** A case keeps at most this many followers by name; beyond it, new joiners are told it is followed enough. */
export const MAX_FOLLOWERS = 200

const obj = <S extends z.ZodRawShape>(shape: S) => z.object(shape, required('提交内容', '对象'))
const category = z.string(required('问题类别', '文本')).min(1, '请选择问题类别').max(40, '问题类别不存在')

export const nearbyReportsSchema = obj({ category, location: locationSchema })
export type NearbyReportsInput = z.infer<typeof nearbyReportsSchema>

/** The joiner's own point: a report is joined from where one stands, within the radius. */
export const joinReportSchema = obj({ reportId: idSchema('问题编号'), location: locationSchema })
export type JoinReportInput = z.infer<typeof joinReportSchema>

export const mergeReportsSchema = obj({
  /** the duplicate, as the staff member loaded it */
  taskId: idSchema('任务编号'),
  version: z.number(required('版本号 version', '数字')).int('版本号 version 应为整数').min(1, '版本号 version 应为正整数'),
  /** the case it joins, by its 工单编号 */
  intoCaseNumber: z.string(required('合并到的工单编号', '文本')).regex(/^\d{13}$/, '工单编号应为13位数字（如 2026120200004）'),
  reason: writtenText('合并原因', REASON_MIN, REASON_MAX, `请写明合并原因（至少${REASON_MIN}个字）`, `合并原因最多${REASON_MAX}个字`),
})
export type MergeReportsInput = z.infer<typeof mergeReportsSchema>
