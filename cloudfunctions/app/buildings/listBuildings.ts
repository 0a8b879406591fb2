import type { BuildingListItem, NearBuilding } from '../../../shared/api'
import type { User } from '../../../shared/model'
import { appError } from '../../../shared/errors'
import { fail, ok, type Result } from '../../../shared/result'
import { distanceM } from '../../../shared/routing/geo'
import type { ListBuildingsInput, NearBuildingsInput } from '../../../shared/schemas/building'
import type { BuildingRooms, Needs } from '../ports'

// A community's buildings for the address picker (community → building → unit → room):
// names and room ids only, which any signed-in person may read, as a building's address is
// on its door. Who lives in a room is the register's business, never this list's.

const listItem = ({ building, rooms }: BuildingRooms): BuildingListItem => {
  const units = new Map<string, { id: string; number: string }[]>()
  for (const r of rooms) units.set(r.unit, [...(units.get(r.unit) ?? []), { id: r.id, number: r.number }])
  return { id: building.id, name: building.name, address: building.address, gridId: building.gridId, units: [...units].map(([unit, list]) => ({ unit, rooms: list })) }
}

export async function listBuildings(deps: Needs<'buildings' | 'reference'>, _caller: User, input: ListBuildingsInput): Promise<Result<BuildingListItem[]>> {
  const community = await deps.reference.getCommunity(input.communityId)
  if (!community) return fail(appError('NOT_FOUND', '该社区不存在或已从网格地图中删除', { communityId: '该社区不存在或已从网格地图中删除' }))
  return ok((await deps.buildings.listBuildings({ communityId: community.id })).map(listItem))
}

/** How far "near me" reaches: a phone's fix indoors is often 50–100 m off, and a block of flats is ~100 m across. */
export const NEAR_RADIUS_M = 300
export const NEAR_LIMIT = 6

/**
 * The declaration form's "start from where I am": the buildings nearest the located point,
 * with their rooms, so the person taps their building instead of scrolling a community's list.
 * One read of the buildings near the point, one per community they belong to (usually one).
 */
export async function nearBuildings(deps: Needs<'buildings' | 'router'>, _caller: User, input: NearBuildingsInput): Promise<Result<NearBuilding[]>> {
  const near = await deps.buildings.nearBuildings(input.location, NEAR_RADIUS_M, NEAR_LIMIT)
  if (near.length === 0) return ok([])
  const map = await deps.router.currentMap()
  const communityNames = new Map(map.communities.map((c) => [c.id, c.name]))
  const withRooms = new Map<string, BuildingRooms>()
  for (const communityId of new Set(near.map((b) => b.communityId))) {
    for (const entry of await deps.buildings.listBuildings({ communityId })) withRooms.set(entry.building.id, entry)
  }
  return ok(
    near.flatMap((b) => {
      const entry = withRooms.get(b.id)
      if (!entry) return []
      return [{ ...listItem(entry), communityId: b.communityId, communityName: communityNames.get(b.communityId) ?? '', distanceM: Math.round(distanceM(input.location, b.location)) }]
    }),
  )
}
