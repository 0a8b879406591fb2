import { appError } from '../../../shared/errors'
import type { User } from '../../../shared/model'
import { fail, ok, type Result } from '../../../shared/result'
import { can } from '../policy'
import type { AreaRef, Needs } from '../ports'
import { DISTRICT_OFFICE_NAME } from '../tasks/moves/places'

// The area a dispatcher's console shows: their community, their street (or one of its
// communities, when they narrow it), or for the district office everything (or one community).

export interface ConsoleArea { ref: AreaRef; label: { scope: 'community' | 'street' | 'district'; id: string; name: string } }

export async function consoleArea(deps: Needs<'reference'>, caller: User, communityId: string | undefined, action: 'listConsole' | 'consoleCounts'): Promise<Result<ConsoleArea>> {
  const narrowTo = communityId ?? (caller.role === 'community_dispatcher' ? caller.communityId : undefined)
  if (narrowTo) {
    const community = await deps.reference.getCommunity(narrowTo)
    if (!community) return fail(appError('NOT_FOUND', '没有这个社区', { communityId: '没有这个社区' }))
    if (!can(caller, 'admin', action, { communityId: community.id, streetId: community.streetId })) return fail(appError('FORBIDDEN', '只能查看本辖区的任务'))
    return ok({ ref: { communityId: community.id }, label: { scope: 'community', id: community.id, name: community.name } })
  }
  if (caller.role === 'street_dispatcher' && caller.streetId) {
    const street = await deps.reference.getStreet(caller.streetId)
    if (!street || !can(caller, 'admin', action, { communityId: null, streetId: street.id })) return fail(appError('FORBIDDEN', '只能查看本辖区的任务'))
    return ok({ ref: { streetId: street.id }, label: { scope: 'street', id: street.id, name: street.name } })
  }
  if (caller.role === 'district_admin') return ok({ ref: { all: true }, label: { scope: 'district', id: 'district', name: DISTRICT_OFFICE_NAME } })
  return fail(appError('FORBIDDEN', '您的账号没有绑定管辖范围'))
}
