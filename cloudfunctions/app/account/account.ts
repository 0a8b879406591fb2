import type { ContactCard, Me, Page } from '../../../shared/api'
import type { Message, User } from '../../../shared/model'
import { ok, type Result } from '../../../shared/result'
import { ROLE_NAMES } from '../../../shared/roles'
import type { PageInput } from '../../../shared/schemas/report'
import type { MarkReadInput } from '../../../shared/schemas/task'
import type { Needs } from '../ports'
import { DEFAULT_PAGE } from '../reports/readReports'

export async function me(_deps: unknown, caller: User): Promise<Result<Me>> {
  const { id, name, role, gridIds, communityId, streetId, homeGridId } = caller
  return ok({ id, name, role, gridIds, communityId, streetId, homeGridId, roleName: ROLE_NAMES[role] })
}

/** 网格员服务联系卡: the caller's grid — their home grid, their own grid as staff, or where they stand. */
export async function myGrid(deps: Needs<'reference' | 'router'>, caller: User, input: { lng?: number; lat?: number }): Promise<Result<ContactCard | null>> {
  let gridId: string | null = caller.homeGridId ?? caller.gridIds[0] ?? null
  if (!gridId && input.lng !== undefined && input.lat !== undefined) gridId = (await deps.router.route({ lng: input.lng, lat: input.lat })).gridId
  const grid = gridId ? await deps.reference.getGrid(gridId) : null
  if (!grid) return ok(null)
  const [community, street, staff] = await Promise.all([
    deps.reference.getCommunity(grid.communityId),
    deps.reference.getStreet(grid.streetId),
    deps.reference.getUsers([...(grid.leaderId ? [grid.leaderId] : []), ...grid.workerIds]),
  ])
  const leader = staff.find((u) => u.id === grid.leaderId)
  return ok({
    gridId: grid.id,
    gridName: grid.name,
    communityName: community?.name ?? '',
    leader: leader ? { name: leader.name, phone: leader.phone, duties: leader.duties ?? '', photoUrl: leader.photoUrl } : null,
    workers: staff.filter((u) => u.id !== grid.leaderId).map((u) => ({ name: u.name, phone: u.phone, role: u.role })),
    hotline: street?.hotline ?? '12345',
  })
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
