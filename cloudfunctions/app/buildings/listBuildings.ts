import type { BuildingListItem } from '../../../shared/api'
import type { User } from '../../../shared/model'
import { appError } from '../../../shared/errors'
import { fail, ok, type Result } from '../../../shared/result'
import type { ListBuildingsInput } from '../../../shared/schemas/building'
import type { Needs } from '../ports'

// A community's buildings for the address picker (community → building → unit → room):
// names and room ids only, which any signed-in person may read, as a building's address is
// on its door. Who lives in a room is the register's business, never this list's.

export async function listBuildings(deps: Needs<'buildings' | 'reference'>, _caller: User, input: ListBuildingsInput): Promise<Result<BuildingListItem[]>> {
  const community = await deps.reference.getCommunity(input.communityId)
  if (!community) return fail(appError('NOT_FOUND', '该社区不存在或已从网格地图中删除', { communityId: '该社区不存在或已从网格地图中删除' }))
  const buildings = await deps.buildings.listBuildings({ communityId: community.id })
  return ok(
    buildings.map(({ building, rooms }) => {
      const units = new Map<string, { id: string; number: string }[]>()
      for (const r of rooms) units.set(r.unit, [...(units.get(r.unit) ?? []), { id: r.id, number: r.number }])
      return { id: building.id, name: building.name, address: building.address, gridId: building.gridId, units: [...units].map(([unit, list]) => ({ unit, rooms: list })) }
    }),
  )
}
