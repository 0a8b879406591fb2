import type { Page, StaffRecord } from '../../../shared/api'
import { appError } from '../../../shared/errors'
import type { User } from '../../../shared/model'
import { fail, ok, type Result } from '../../../shared/result'
import type { ListStaffInput } from '../../../shared/schemas/admin'
import { can, type AreaSubject } from '../policy'
import type { Needs } from '../ports'
import { DEFAULT_PAGE } from '../reports/readReports'
import { staffRecords, type Places, type RecordDeps } from './staffRecord'

// The staff of an area for the admin pages: a community's (its grids' workers and leaders,
// its dispatchers), a street's (and its communities'), or, for the district office, all.
// People are found from the map's records (grids, communities and streets name their staff),
// so a person the roster placed nowhere is not listed. In the order of the codes (a street,
// then its communities, each followed by its grids; a leader before the grid's workers),
// paged by a cursor on that order.

type ListDeps = RecordDeps
type Area = AreaSubject | 'all'

export async function listStaff(deps: ListDeps, caller: User, input: ListStaffInput): Promise<Result<Page<StaffRecord>>> {
  const area = await areaAsked(deps, caller, input)
  if (!area.ok) return area
  if (!can(caller, 'admin', 'listStaff', area.value === 'all' ? { communityId: null, streetId: null } : area.value)) {
    return fail(appError('FORBIDDEN', '只能查看您管辖范围内的工作人员'))
  }
  const after = input.cursor === undefined ? null : decodeStaffCursor(input.cursor)
  if (after === false) return fail(appError('VALIDATION', '翻页位置无效，请刷新列表后重试', { cursor: '翻页位置无效，请刷新列表后重试' }))

  const [grids, communities, streets] = await Promise.all([deps.reference.listGrids(), deps.reference.listCommunities(), deps.reference.listStreets()])
  const places: Places = { grids: new Map(grids.map((g) => [g.id, g])), communities: new Map(communities.map((c) => [c.id, c])), streets: new Map(streets.map((s) => [s.id, s])) }
  const within = (communityId: string | null, streetId: string) =>
    area.value === 'all' || (area.value.communityId ? communityId === area.value.communityId : streetId === area.value.streetId)
  const ids = [
    ...grids.filter((g) => within(g.communityId, g.streetId)).flatMap((g) => [...(g.leaderId ? [g.leaderId] : []), ...g.workerIds]),
    ...communities.filter((c) => within(c.id, c.streetId)).flatMap((c) => c.dispatcherIds),
    ...(area.value === 'all' || !area.value.communityId ? streets.filter((s) => within(null, s.id)).flatMap((s) => s.dispatcherIds) : []),
  ]
  const people = (await deps.reference.getUsers([...new Set(ids)])).map((u) => ({ u, key: sortKey(u, places) })).sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
  const limit = input.limit ?? DEFAULT_PAGE
  const rest = after === null ? people : people.filter((p) => p.key > after)
  const page = rest.slice(0, limit)
  const nextCursor = rest.length > limit ? encodeStaffCursor(page[page.length - 1].key) : null
  return ok({ items: await staffRecords(deps, page.map((p) => p.u), places), nextCursor })
}

/** The area asked for, or the caller's own when none is: their community, their street, or (district) all. */
async function areaAsked(deps: Needs<'reference'>, caller: User, input: ListStaffInput): Promise<Result<Area>> {
  if (input.communityId) {
    const community = await deps.reference.getCommunity(input.communityId)
    if (!community) return fail(appError('NOT_FOUND', '没有这个社区', { communityId: '没有这个社区' }))
    if (input.streetId && input.streetId !== community.streetId) return fail(appError('VALIDATION', '该社区不属于这个街道', { streetId: '该社区不属于这个街道' }))
    return ok({ communityId: community.id, streetId: community.streetId })
  }
  if (input.streetId) {
    const street = await deps.reference.getStreet(input.streetId)
    if (!street) return fail(appError('NOT_FOUND', '没有这个街道', { streetId: '没有这个街道' }))
    return ok({ communityId: null, streetId: street.id })
  }
  if (caller.role === 'district_admin') return ok('all')
  if (caller.role === 'street_dispatcher') return ok({ communityId: null, streetId: caller.streetId ?? null })
  return ok({ communityId: caller.communityId ?? null, streetId: caller.streetId ?? null })
}

const ROLE_RANK: Record<string, number> = { street_dispatcher: 0, community_dispatcher: 1, grid_leader: 2, grid_worker: 3 }

/** Codes nest (9-digit street, 12 community, 15 grid), so sorting on them walks the map from the top. */
function sortKey(u: User, places: Places): string {
  const grid = u.gridIds.length > 0 ? places.grids.get(u.gridIds[0]) : undefined
  const community = u.communityId ? places.communities.get(u.communityId) : undefined
  const street = u.streetId ? places.streets.get(u.streetId) : undefined
  const place = grid ? grid.code ?? grid.id : u.role !== 'street_dispatcher' && community ? community.code ?? community.id : street?.code ?? street?.id ?? ''
  return [place, ROLE_RANK[u.role] ?? 9, u.name, u.id].join('\u0001')
}

const encodeStaffCursor = (key: string) => Buffer.from(JSON.stringify(['staff', key]), 'utf8').toString('base64url')

/** The key a cursor carries, or false for one that was altered or belongs to another list. */
function decodeStaffCursor(cursor: string): string | false {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'))
    return Array.isArray(parsed) && parsed.length === 2 && parsed[0] === 'staff' && typeof parsed[1] === 'string' ? parsed[1] : false
  } catch {
    return false
  }
}
