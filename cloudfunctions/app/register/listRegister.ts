import type { RegisterPage } from '../../../shared/api'
import { appError } from '../../../shared/errors'
import type { User } from '../../../shared/model'
import { fail, ok, type Result } from '../../../shared/result'
import type { ListRegisterInput } from '../../../shared/schemas/declaration'
import { residentViews } from '../declarations/views'
import { can } from '../policy'
import type { Needs } from '../ports'
import { DEFAULT_PAGE } from '../reports/readReports'
import { invalid } from '../staff/staffRecord'

// 实有人口: a grid's register for its own staff, a page of residents (or of those who moved
// out) by building and room, masked, with the grid's declaration coverage: rooms with a
// verified household out of the rooms the building registry knows.

export async function listRegister(deps: Needs<'declarations' | 'buildings' | 'router'>, caller: User, input: ListRegisterInput): Promise<Result<RegisterPage>> {
  const gridId = input.gridId ?? caller.gridIds[0]
  if (!gridId) return invalid('gridId', '您还没有负责的网格')
  if (!can(caller, 'worker', 'listRegister', { gridId })) return fail(appError('FORBIDDEN', '这个网格不归您负责'))
  const map = await deps.router.currentMap()
  const grid = map.grids.find((g) => g.id === gridId)
  if (!grid) return fail(appError('NOT_FOUND', '该网格不存在或已从网格地图中删除', { gridId: '该网格不存在或已从网格地图中删除' }))
  // the grid's buildings come with their rooms: the known rooms are counted from them (on
  // CloudBase, rooms per grid over every building would read the whole registry each page)
  const [buildings, counts] = await Promise.all([deps.buildings.listBuildings({ gridId }), deps.declarations.registerCounts([gridId])])
  if (input.buildingId && !buildings.some((b) => b.building.id === input.buildingId)) return invalid('buildingId', '该楼栋不在这个网格中')
  const page = await deps.declarations.listRegister(
    { gridId, ...(input.buildingId ? { buildingId: input.buildingId } : {}), movedOut: input.movedOut ?? false },
    { cursor: input.cursor, limit: input.limit ?? DEFAULT_PAGE },
  )
  const knownRooms = buildings.reduce((n, b) => n + b.rooms.length, 0)
  const { verifiedRooms, residents } = counts.get(gridId) ?? { verifiedRooms: 0, residents: 0 }
  return ok({
    items: await residentViews(deps, page.items),
    nextCursor: page.nextCursor,
    gridId,
    gridName: grid.name,
    coverage: { knownRooms, verifiedRooms, residents, rate: knownRooms > 0 ? verifiedRooms / knownRooms : null },
    buildings: buildings.map(({ building }) => ({ id: building.id, name: building.name })),
    myGrids: caller.gridIds.flatMap((id) => map.grids.filter((g) => g.id === id).map((g) => ({ id: g.id, name: g.name }))),
  })
}
