import * as z from 'zod'
import { idSchema } from './common'
import { pageSchema } from './report'

// The public board of a grid (办结公示): its resolved cases with before and after photos, for
// neighbours. Anyone may read it, so it carries nothing that is not public (docs/privacy.md).

/** Locations on the board are rounded to this many metres: near enough to know the place, not the door. */
export const BOARD_ROUND_M = 50

export const gridBoardSchema = pageSchema.extend({ gridId: idSchema('网格编号') })
export type GridBoardInput = z.infer<typeof gridBoardSchema>
