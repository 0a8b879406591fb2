import * as z from 'zod'
import type { AppError } from '../errors'
import { required } from './messages'
import { requestIdSchema } from './common'

// DESIGN.md, "Functions and the API envelope".
export const requestEnvelopeSchema = z.object(
  {
    action: z.string(required('操作名 action', '文本')).min(1, '请填写操作名 action').max(64, '操作名 action 过长'),
    payload: z.unknown().optional(),
    requestId: requestIdSchema.optional(),
  },
  required('请求', '对象'),
)
export type RequestEnvelope = z.infer<typeof requestEnvelopeSchema>

export type ApiResponse<T> = { ok: true; data: T } | { ok: false; error: AppError }
