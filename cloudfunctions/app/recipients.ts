import type { Grid, User } from '../../shared/model'
import { leaveRunning } from '../../shared/roster/leave'
import { ROLE_NAMES } from '../../shared/roles'
import type { Needs, QueueRef } from './ports'

// Who hears of a new or moved task, chosen from the grid, community and street records
// (never by scanning every user).

/** The people of a grid who receive its tasks: its workers and its leader. */
export const gridStaffIds = (grid: Grid) => [...new Set([...grid.workerIds, ...(grid.leaderId ? [grid.leaderId] : [])])]

/** Who takes a grid's new task, who hears of it, and the words for the timeline when a substitute takes it. */
export interface GridDuty { assigneeId: string | null; recipientIds: string[]; coverNote: string | null }

// A chain of substitutes each on leave ends here (or at a loop): the task then stays with the
// first worker, who sees it when back, rather than with nobody.
const MAX_COVER_HOPS = 5

/**
 * A grid's new task goes to its first worker not on leave, else to the first worker's
 * substitute (the leader, or theirs, when the grid has no worker). Everyone of the grid not
 * on leave hears of it, and so does the assignee; a person on leave hears nothing. One read
 * of the grid's staff, and one more per substitute who is not staff of the grid.
 */
export async function gridDuty(deps: Needs<'reference'>, grid: Grid, now: number): Promise<GridDuty> {
  const staffIds = gridStaffIds(grid)
  if (staffIds.length === 0) return { assigneeId: null, recipientIds: [], coverNote: null }
  const people = new Map((await deps.reference.getUsers(staffIds)).map((u) => [u.id, u]))
  const away = (id: string) => leaveRunning(people.get(id)?.leave, now)
  const firsts = grid.workerIds.length > 0 ? grid.workerIds : [grid.leaderId!]
  const present = firsts.find((id) => !away(id))
  const cover = present ? null : await coverOf(deps, people, firsts[0], now)
  const assigneeId = present ?? cover?.id ?? firsts[0]
  const recipientIds = [...new Set([...staffIds.filter((id) => !away(id)), assigneeId])]
  const absent = people.get(firsts[0])
  const coverNote = cover && absent ? `${ROLE_NAMES[absent.role]}${absent.name}请假，由${cover.name}代班` : null
  return { assigneeId, recipientIds, coverNote }
}

/** The first person along the substitute chain who is not on leave, or null. */
async function coverOf(deps: Needs<'reference'>, people: Map<string, User>, fromId: string, now: number): Promise<User | null> {
  let current = people.get(fromId)
  const seen = new Set([fromId])
  for (let hop = 0; current && leaveRunning(current.leave, now) && hop < MAX_COVER_HOPS; hop++) {
    const next: string = current.leave.substituteId
    if (seen.has(next)) return null
    seen.add(next)
    current = people.get(next) ?? (await deps.reference.getUser(next)) ?? undefined
    if (current) people.set(current.id, current)
  }
  return current && !leaveRunning(current.leave, now) ? current : null
}

/** The dispatchers of a community's or a street's queue. */
export async function queueDispatcherIds(deps: Needs<'reference'>, queue: QueueRef): Promise<string[]> {
  const record = queue.scope === 'community' ? await deps.reference.getCommunity(queue.id) : await deps.reference.getStreet(queue.id)
  return record ? [...record.dispatcherIds] : []
}
