import type { Building, Community, Grid, Room } from '../../../shared/model'
import { ok, type Result } from '../../../shared/result'
import type { Needs } from '../ports'
import { invalid } from '../staff/staffRecord'

// Declarations route by address (DESIGN.md "Routing"): the room's building → the grid its
// location routed to at import → that grid's community and street. Names come from the map
// the router holds (a warm container has it), not from reading grids one by one.

/** "3栋2单元301"; a building without units: "3栋301". */
export const addressLabelOf = (building: Pick<Building, 'name'>, room: Pick<Room, 'unit' | 'number'>) => `${building.name}${room.unit}${room.number}`

/** Grids and communities by id, as the current map has them. */
export interface MapNames { grids: Map<string, Grid>; communities: Map<string, Community> }

export async function mapNames(deps: Needs<'router'>): Promise<MapNames> {
  const map = await deps.router.currentMap()
  return { grids: new Map(map.grids.map((g) => [g.id, g])), communities: new Map(map.communities.map((c) => [c.id, c])) }
}

export const gridNameOf = (names: MapNames, gridId: string) => names.grids.get(gridId)?.name ?? ''
export const communityNameOf = (names: MapNames, communityId: string) => names.communities.get(communityId)?.name ?? ''

/** Where a room's declarations go, and what they call it. */
export interface RoomPlace { room: Room; building: Building; grid: Grid; community: Community; addressLabel: string }

/** The room's place, or VALIDATION on `roomId`: a room the registry does not have, or whose building no grid holds now. */
export async function roomPlace(deps: Needs<'buildings' | 'router'>, roomId: string): Promise<Result<RoomPlace>> {
  const found = await deps.buildings.getRoom(roomId)
  if (!found) return invalid('roomId', '该房号不存在，请重新选择')
  const names = await mapNames(deps)
  const grid = names.grids.get(found.building.gridId)
  const community = names.communities.get(found.building.communityId)
  // a grid re-imported away since the buildings were: nobody could verify it until the buildings are imported again
  if (!grid || !community) return invalid('roomId', '该楼栋暂未划入网格，请联系社区居委会')
  return ok({ room: found.room, building: found.building, grid, community, addressLabel: addressLabelOf(found.building, found.room) })
}

/** The fields of a declaration its place decides. */
export const placeFields = (place: RoomPlace) => ({
  roomId: place.room.id, buildingId: place.building.id, communityId: place.community.id, streetId: place.community.streetId, gridId: place.grid.id, addressLabel: place.addressLabel,
})
