import type { BuildingImportResult, CsvProblem } from '../../../shared/api'
import type { ParsedBuilding } from '../../../shared/buildings/parseBuildings'
import { buildingHeader } from '../../../shared/buildings/columns'
import type { Building, Community, Room, Routing } from '../../../shared/model'
import type { BuildingRooms } from '../ports'
import { buildingIdFor, roomIdFor } from './ids'

// What a building import changes: each building of the file placed in its community (by
// code) and its grid (where its location routes), given its stable id, and compared with
// the record it replaces. A building the file lists is replaced whole: rooms it no longer
// lists are removed. Buildings the file does not list stay as they are: removing a building
// is not an import's doing.
//
// A building whose point lies in no grid, or in a grid of another community, is a problem,
// not a warning: the register counts rooms per grid, and a building without one would be
// a hole in every coverage figure until someone noticed. The admin fixes the point or the map.

export interface PlacedBuilding { parsed: ParsedBuilding; community: Community; routing: Routing }
export interface BuildingWrite { buildings: BuildingRooms[]; plan: BuildingImportResult['plan'] }

const COMMUNITY = buildingHeader('communityCode')
const LNG = buildingHeader('lng')

/** The building's community, or the problem that it has none. */
export function communityOf(b: ParsedBuilding, byCode: ReadonlyMap<string, Community>): { community: Community } | { problem: CsvProblem } {
  const community = byCode.get(b.communityCode)
  if (community) return { community }
  return { problem: { row: b.row, column: COMMUNITY, message: `社区编码 ${b.communityCode} 不存在：请先在网格地图中导入该社区，或核对编码` } }
}

/** A routed building is placed when a grid of its own community covers its point. */
export function placementProblem(p: PlacedBuilding, gridName: (id: string) => string, communityName: (id: string) => string): CsvProblem | null {
  const { parsed: b, community, routing } = p
  const covered = routing.outcome === 'inside' || routing.outcome === 'near_border'
  if (!covered || !routing.gridId) {
    const near = routing.outcome === 'nearest_grid' && routing.gridId ? `（最近的网格是${gridName(routing.gridId)}，相距约${Math.round(routing.distanceM)}米）` : ''
    return { row: b.row, column: LNG, message: `${b.name}的位置不在任何网格内${near}：请核对经纬度（GCJ-02），或先补全网格地图` }
  }
  if (routing.communityId !== community.id) {
    return { row: b.row, column: LNG, message: `${b.name}的位置落在${communityName(routing.communityId ?? '')}的${gridName(routing.gridId)}，不属于社区编码 ${b.communityCode}（${community.name}）：请核对经纬度或社区编码` }
  }
  return null
}

export function planBuildings(placed: readonly PlacedBuilding[], before: readonly BuildingRooms[]): BuildingWrite {
  const old = new Map(before.map((b) => [b.building.id, b]))
  const plan: BuildingWrite['plan'] = { buildings: { added: [], changed: [], unchanged: [] }, rooms: { added: 0, removed: 0 } }
  const buildings: BuildingRooms[] = []
  for (const { parsed, community, routing } of placed) {
    const id = buildingIdFor(parsed.communityCode, parsed.name)
    const building: Building = { id, communityId: community.id, gridId: routing.gridId!, name: parsed.name, address: parsed.address, location: parsed.location }
    const rooms: Room[] = parsed.rooms.map((r) => ({ id: roomIdFor(id, r.unit, r.number), buildingId: id, unit: r.unit, number: r.number }))
    const label = `${community.name} ${parsed.name}`
    const was = old.get(id)
    const oldRooms = new Set(was?.rooms.map((r) => r.id) ?? [])
    const newRooms = new Set(rooms.map((r) => r.id))
    const added = rooms.filter((r) => !oldRooms.has(r.id)).length
    const removed = [...oldRooms].filter((r) => !newRooms.has(r)).length
    plan.rooms.added += added
    plan.rooms.removed += removed
    if (!was) plan.buildings.added.push(label)
    else if (added + removed === 0 && sameBuilding(was.building, building)) {
      plan.buildings.unchanged.push(label)
      continue
    } else plan.buildings.changed.push(label)
    buildings.push({ building, rooms })
  }
  return { buildings, plan }
}

const sameBuilding = (a: Building, b: Building) =>
  a.communityId === b.communityId && a.gridId === b.gridId && a.name === b.name && a.address === b.address && a.location.lng === b.location.lng && a.location.lat === b.location.lat
