import * as z from 'zod'
import { required } from './messages'
import { idSchema, photosSchema, writtenText } from './common'

export const versionSchema = z.number(required('版本号 version', '数字')).int('版本号 version 应为整数').min(1, '版本号 version 应为正整数')

export const taskRefSchema = z.object({ taskId: idSchema('任务编号') }, required('提交内容', '对象'))

/** `version` is the one the worker saw: two people acting at once, one wins (CONFLICT). */
export const acceptTaskSchema = z.object({ taskId: idSchema('任务编号'), version: versionSchema }, required('提交内容', '对象'))
export type AcceptTaskInput = z.infer<typeof acceptTaskSchema>

export const RESULT_MIN = 5
export const RESULT_MAX = 500
export const resolveTaskSchema = z.object(
  {
    taskId: idSchema('任务编号'),
    version: versionSchema,
    text: writtenText('处理结果', RESULT_MIN, RESULT_MAX, `处理结果至少${RESULT_MIN}个字，请写明如何处理`, `处理结果最多${RESULT_MAX}个字`),
    photos: photosSchema('处理照片', 1),
  },
  required('提交内容', '对象'),
)
export type ResolveTaskInput = z.infer<typeof resolveTaskSchema>

export const markReadSchema = z.object(
  { ids: z.array(idSchema('消息编号'), '消息编号必须是列表').max(100, '一次最多标记100条消息').optional() },
  required('提交内容', '对象'),
)
export type MarkReadInput = z.infer<typeof markReadSchema>
