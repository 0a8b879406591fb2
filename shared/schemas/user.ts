import * as z from 'zod'
import { required } from './messages'

export const emptySchema = z.object({}, required('提交内容', '对象'))

/** The contact card of the grid at a point, for a person without a home grid. */
export const pointQuerySchema = z.object(
  { lng: z.number('经度必须是数字').optional(), lat: z.number('纬度必须是数字').optional() },
  required('提交内容', '对象'),
)
export type PointQueryInput = z.infer<typeof pointQuerySchema>

export const recordGrantsSchema = z.object(
  {
    answers: z
      .record(
        z.string().min(1, '模板编号不能为空').max(64, '模板编号过长'),
        z.enum(['accept', 'reject', 'ban', 'filter'], '订阅结果应为 accept、reject、ban 或 filter'),
        '订阅结果 answers 必须是对象',
      )
      .refine((a) => Object.keys(a).length <= 10, '一次最多记录10个订阅结果'),
  },
  required('提交内容', '对象'),
)
export type RecordGrantsInput = z.infer<typeof recordGrantsSchema>
