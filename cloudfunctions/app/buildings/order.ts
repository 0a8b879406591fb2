import type { Building, LngLat } from '../../../shared/model'
import { distanceM, metresPerDegree } from '../../../shared/routing/geo'
import type { BuildingRooms } from '../ports'

// The order the registry is listed in, by every adapter alike: buildings by name, rooms by
// unit then number, numbers compared as numbers ("2栋" before "10栋", "301" before "1201"),
// ties by id so the order never depends on the store.

const collator = new Intl.Collator('zh-CN', { numeric: true })
const byText = (a: string, b: string) => collator.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0)

export function inRegistryOrder(list: BuildingRooms[]): BuildingRooms[] {
  return list
    .map(({ building, rooms }) => ({ building, rooms: [...rooms].sort((a, b) => byText(a.unit, b.unit) || byText(a.number, b.number) || byText(a.id, b.id)) }))
    .sort((a, b) => byText(a.building.name, b.building.name) || byText(a.building.id, b.building.id))
}

/** The box of "buildings near me": radiusM each way of the point. */
export function searchBox(point: LngLat, radiusM: number): { south: number; north: number; west: number; east: number } {
  const m = metresPerDegree(point.lat)
  return { south: point.lat - radiusM / m.y, north: point.lat + radiusM / m.y, west: point.lng - radiusM / m.x, east: point.lng + radiusM / m.x }
}

/** Nearest first, ties by id, at most `limit`. */
export function nearestFirst(buildings: Building[], point: LngLat, limit: number): Building[] {
  return buildings
    .map((b) => ({ b, d: distanceM(point, b.location) }))
    .sort((x, y) => x.d - y.d || (x.b.id < y.b.id ? -1 : 1))
    .slice(0, limit)
    .map((x) => x.b)
}
