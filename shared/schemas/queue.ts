import * as z from 'zod'
import { idSchema } from './common'
import { pageSchema } from './report'

/** A dispatchers' queue page: a community's, a street's or the district's tasks that no grid holds. */
export const queuePageSchema = pageSchema.extend({
  scope: z.enum(['community', 'street', 'district'], '队列范围 scope 应为 community、street 或 district'),
  id: idSchema('队列所属社区或街道编号'),
})
export type QueuePageInput = z.infer<typeof queuePageSchema>
