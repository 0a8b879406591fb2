import type { Task } from '../../../../shared/model'
import type { Needs } from '../../ports'
import { gridStaffIds, queueDispatcherIds } from '../../recipients'

// Where a task waits, named as the people reading a timeline or a list say it, and who is
// there to hear of it.

export const DISTRICT_OFFICE_NAME = '区网格化服务管理中心'

/** "滨江一网格", "江南社区分拨中心", "城关街道分拨中心", "区网格化服务管理中心". */
export async function placeName(deps: Needs<'reference'>, queue: Task['queue']): Promise<string> {
  switch (queue.scope) {
    case 'grid': return (await deps.reference.getGrid(queue.id))?.name ?? '网格'
    case 'community': return `${(await deps.reference.getCommunity(queue.id))?.name ?? '社区'}分拨中心`
    case 'street': return `${(await deps.reference.getStreet(queue.id))?.name ?? '街道'}分拨中心`
    case 'district': return DISTRICT_OFFICE_NAME
  }
}

/** Names of many places for a list, each read once. */
export async function placeNames(deps: Needs<'reference'>, queues: Task['queue'][]): Promise<Map<string, string>> {
  const keys = new Map(queues.map((q) => [`${q.scope}:${q.id}`, q]))
  const names = await Promise.all([...keys].map(async ([key, q]) => [key, await placeName(deps, q)] as const))
  return new Map(names)
}
export const placeKey = (q: Task['queue']) => `${q.scope}:${q.id}`

/**
 * Who holds the task where it waits: its assignee (else its grid's staff) while a grid has it,
 * the dispatchers of its queue otherwise (the district office for the district's).
 */
export async function holderIds(deps: Needs<'reference' | 'config'>, task: Pick<Task, 'queue' | 'assigneeId'>): Promise<string[]> {
  if (task.queue.scope === 'grid') {
    if (task.assigneeId) return [task.assigneeId]
    const grid = await deps.reference.getGrid(task.queue.id)
    return grid ? gridStaffIds(grid) : []
  }
  if (task.queue.scope === 'district') return [...deps.config.workflow.districtOfficeIds]
  return queueDispatcherIds(deps, { scope: task.queue.scope, id: task.queue.id })
}
