import type { Grid } from '../../shared/model'
import type { Needs, QueueRef } from './ports'

// Who hears of a new or moved task, chosen from the grid, community and street records
// (never by scanning every user).

/** The people of a grid who receive its tasks: its workers and its leader. */
export const gridStaffIds = (grid: Grid) => [...new Set([...grid.workerIds, ...(grid.leaderId ? [grid.leaderId] : [])])]

/** The dispatchers of a community's or a street's queue. */
export async function queueDispatcherIds(deps: Needs<'reference'>, queue: QueueRef): Promise<string[]> {
  const record = queue.scope === 'community' ? await deps.reference.getCommunity(queue.id) : await deps.reference.getStreet(queue.id)
  return record ? [...record.dispatcherIds] : []
}
