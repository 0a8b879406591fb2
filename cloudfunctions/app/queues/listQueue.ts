import type { Page, TaskSummary } from '../../../shared/api'
import { appError } from '../../../shared/errors'
import { DISTRICT_QUEUE_ID, type User } from '../../../shared/model'
import { fail, ok, type Result } from '../../../shared/result'
import type { QueuePageInput } from '../../../shared/schemas/queue'
import { can } from '../policy'
import type { Needs } from '../ports'
import { DEFAULT_PAGE } from '../reports/readReports'
import { withReports } from '../tasks/readTasks'
import { taskSummaries, type ViewDeps } from '../views'

// A dispatchers' queue (分拨中心): what no grid holds in a community or a street, earliest
// deadline first. A street's dispatchers see their street's queue and its communities'; the
// district's queue (the top of escalation) is the district office's.
export async function listQueue(deps: ViewDeps & Needs<'cases'>, caller: User, input: QueuePageInput): Promise<Result<Page<TaskSummary>>> {
  const community = input.scope === 'community' ? await deps.reference.getCommunity(input.id) : null
  const street = input.scope === 'street' ? await deps.reference.getStreet(input.id) : null
  const district = input.scope === 'district' && input.id === DISTRICT_QUEUE_ID
  if (!community && !street && !district) return fail(appError('NOT_FOUND', '没有这个社区或街道', { id: '没有这个社区或街道' }))
  const subject = { scope: input.scope, id: input.id, streetId: community ? community.streetId : district ? null : input.id }
  if (!can(caller, 'admin', 'listQueue', subject)) return fail(appError('FORBIDDEN', '只能查看本辖区的分拨队列'))
  const page = await deps.cases.listQueue({ scope: input.scope, id: input.id }, { cursor: input.cursor, limit: input.limit ?? DEFAULT_PAGE })
  return ok({ items: await taskSummaries(deps, caller, await withReports(deps, page.items)), nextCursor: page.nextCursor })
}
