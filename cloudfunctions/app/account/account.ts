import type { Me, MyGrid, Page } from '../../../shared/api'
import type { Message, User } from '../../../shared/model'
import { ok, type Result } from '../../../shared/result'
import { ROLE_NAMES } from '../../../shared/roles'
import type { PageInput } from '../../../shared/schemas/report'
import type { MarkReadInput } from '../../../shared/schemas/task'
import type { PointQueryInput } from '../../../shared/schemas/user'
import { contactCardOf, DEFAULT_HOTLINE } from '../map/contactCard'
import type { Needs } from '../ports'
import { DEFAULT_PAGE } from '../reports/readReports'

export async function me(_deps: unknown, caller: User): Promise<Result<Me>> {
  const { id, name, role, gridIds, communityId, streetId, homeGridId } = caller
  return ok({ id, name, role, gridIds, communityId, streetId, homeGridId, roleName: ROLE_NAMES[role] })
}

/**
 * 网格员服务联系卡: the caller's grid, found in this order: their home grid (a verified
 * declaration, or their own choice through setHomeGrid), their own first grid as staff, the
 * grid at the point they give. No point: 'no_location'; a point outside every grid (the
 * nearest-grid rule is for routing reports, not for telling someone whose grid they live in):
 * 'outside', with the community's or street's name and whom to call.
 */
export async function myGrid(deps: Needs<'reference' | 'router' | 'clock' | 'content' | 'photoLinks'>, caller: User, input: PointQueryInput): Promise<Result<MyGrid>> {
  const known = caller.homeGridId ? { id: caller.homeGridId, source: 'home' as const } : caller.gridIds[0] ? { id: caller.gridIds[0], source: 'staff' as const } : null
  // a grid no longer on the map (re-imported away) falls through to the location
  const grid = known ? await deps.reference.getGrid(known.id) : null
  if (grid && known) {
    const card = await contactCardOf(deps, grid, known.source)
    // a home grid from a verified declaration says which address it came from
    return ok({ found: true, card: known.source === 'home' && caller.homeAddress ? { ...card, homeAddress: caller.homeAddress.label } : card })
  }
  if (input.lng === undefined || input.lat === undefined) return ok({ found: false, reason: 'no_location', areaName: null, hotline: await anyHotline(deps) })
  const routing = await deps.router.route({ lng: input.lng, lat: input.lat })
  const here = routing.gridId && (routing.outcome === 'inside' || routing.outcome === 'near_border') ? await deps.reference.getGrid(routing.gridId) : null
  if (here) return ok({ found: true, card: await contactCardOf(deps, here, 'location') })
  const [community, street] = await Promise.all([
    routing.communityId ? deps.reference.getCommunity(routing.communityId) : null,
    routing.streetId ? deps.reference.getStreet(routing.streetId) : null,
  ])
  return ok({ found: false, reason: 'outside', areaName: community?.name ?? street?.name ?? null, hotline: street?.hotline ?? (await anyHotline(deps)) })
}

/** Outside every street we serve: a street's hotline to ask, else the citizens' 12345. */
async function anyHotline(deps: Needs<'reference'>): Promise<string> {
  return (await deps.reference.listStreets())[0]?.hotline ?? DEFAULT_HOTLINE
}

export async function listMessages(deps: Needs<'messages'>, caller: User, input: PageInput): Promise<Result<Page<Message> & { unread: number }>> {
  const [page, unread] = await Promise.all([
    deps.messages.listMessages(caller.id, { cursor: input.cursor, limit: input.limit ?? DEFAULT_PAGE }),
    deps.messages.countUnread(caller.id),
  ])
  return ok({ ...page, unread })
}

export async function markMessagesRead(deps: Needs<'messages' | 'clock'>, caller: User, input: MarkReadInput): Promise<Result<{ unread: number }>> {
  await deps.messages.markRead(caller.id, input.ids ?? 'all', deps.clock.now())
  return ok({ unread: await deps.messages.countUnread(caller.id) })
}
