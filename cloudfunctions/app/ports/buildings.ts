import type { Building, LngLat, Room } from '../../../shared/model'

// The building registry: community → building → unit → room (docs/import.md). Written only
// by imports and seeding; read by the address picker and, later, by declarations (a room
// that does not exist is refused) and coverage (rooms per grid).

/** A building with all its rooms, as an import writes it. */
export interface BuildingRooms { building: Building; rooms: Room[] }

export interface Buildings {
  /**
   * Writes an import: each building given replaces its record and its whole list of rooms
   * (rooms it no longer lists are removed); buildings not given are left as they are.
   * All or nothing where the store can promise it (docs/deploy.md for CloudBase).
   */
  saveImport(buildings: BuildingRooms[]): Promise<void>
  getRoom(id: string): Promise<{ room: Room; building: Building } | null>
  /** A community's buildings (or a grid's) with their rooms, buildings by name, rooms by unit then number. */
  listBuildings(where: { communityId: string } | { gridId: string }): Promise<BuildingRooms[]>
  /** Known rooms per grid id, for declaration coverage; grids without buildings are absent. */
  roomsPerGrid(): Promise<Map<string, number>>
  /** Buildings whose location lies within `radiusM` of the point (a box, not a circle), nearest first, at most `limit`. */
  nearBuildings(point: LngLat, radiusM: number, limit: number): Promise<Building[]>
}
