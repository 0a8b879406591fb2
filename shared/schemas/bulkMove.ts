import * as z from 'zod'
import { required } from './messages'
import { BULK_MOVES, bulkTasksSchema } from './moves'

/** admin.bulkMove: up to 500 tasks and one move for them all; each task is authorized, versioned and recorded on its own. */
export const bulkMoveSchema = z.object(
  {
    tasks: bulkTasksSchema,
    move: z.discriminatedUnion(
      'type',
      [BULK_MOVES.assign, BULK_MOVES.supervise, BULK_MOVES.escalate, BULK_MOVES.decide_extension],
      '操作类型 move.type 应为 assign、supervise、escalate 或 decide_extension',
    ),
  },
  required('提交内容', '对象'),
)
export type BulkMoveInput = z.infer<typeof bulkMoveSchema>
