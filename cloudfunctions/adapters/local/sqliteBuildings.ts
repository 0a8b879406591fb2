import type Database from 'better-sqlite3'
import type { BuildingRooms, Buildings } from '../../app/ports'
import { inRegistryOrder, nearestFirst, searchBox } from '../../app/buildings/order'
import type { Building, LngLat, Room } from '../../../shared/model'
import type { Step, WriteThread } from './writeThread'

// The building registry on SQLite: a row per building (its record as a document, with the
// columns its queries need) and a row per room. An import is one job of the write thread,
// so one transaction: every building upserted, its rooms replaced, or nothing.

const WRITES = {
  building: `INSERT INTO buildings (id, community_id, grid_id, lng, lat, doc) VALUES (@id, @community_id, @grid_id, @lng, @lat, @doc)
    ON CONFLICT (id) DO UPDATE SET community_id = excluded.community_id, grid_id = excluded.grid_id,
    lng = excluded.lng, lat = excluded.lat, doc = excluded.doc`,
  clearRooms: 'DELETE FROM rooms WHERE building_id = ?',
  room: 'INSERT INTO rooms (id, building_id, unit, number) VALUES (@id, @building_id, @unit, @number)',
}

type Doc = { doc: string }
type RoomRow = { id: string; building_id: string; unit: string; number: string }
const roomOf = (r: RoomRow): Room => ({ id: r.id, buildingId: r.building_id, unit: r.unit, number: r.number })

export class SqliteBuildings implements Buildings {
  private readonly s

  constructor(db: Database.Database, private readonly writer: WriteThread) {
    const p = <R>(sql: string) => db.prepare<unknown[], R>(sql)
    this.s = {
      room: p<RoomRow & Doc>('SELECT r.id, r.building_id, r.unit, r.number, b.doc FROM rooms r JOIN buildings b ON b.id = r.building_id WHERE r.id = ?'),
      byCommunity: p<Doc>('SELECT doc FROM buildings WHERE community_id = ?'),
      byGrid: p<Doc>('SELECT doc FROM buildings WHERE grid_id = ?'),
      roomsOf: p<RoomRow>('SELECT id, building_id, unit, number FROM rooms WHERE building_id IN (SELECT value FROM json_each(?))'),
      perGrid: p<{ grid_id: string; n: number }>('SELECT b.grid_id, count(*) AS n FROM rooms r JOIN buildings b ON b.id = r.building_id GROUP BY b.grid_id'),
      inBox: p<Doc>('SELECT doc FROM buildings WHERE lat BETWEEN @south AND @north AND lng BETWEEN @west AND @east'),
    }
  }

  async saveImport(list: BuildingRooms[]): Promise<void> {
    const steps: Step[] = []
    for (const { building: b, rooms } of list) {
      steps.push({ sql: WRITES.building, params: { id: b.id, community_id: b.communityId, grid_id: b.gridId, lng: b.location.lng, lat: b.location.lat, doc: JSON.stringify(b) } })
      steps.push({ sql: WRITES.clearRooms, params: [b.id] })
      for (const r of rooms) steps.push({ sql: WRITES.room, params: { id: r.id, building_id: r.buildingId, unit: r.unit, number: r.number } })
    }
    if (steps.length > 0) await this.writer.run(steps)
  }

  async getRoom(id: string): Promise<{ room: Room; building: Building } | null> {
    const row = this.s.room.get(id)
    return row ? { room: roomOf(row), building: JSON.parse(row.doc) as Building } : null
  }

  async listBuildings(where: { communityId: string } | { gridId: string }): Promise<BuildingRooms[]> {
    const buildings = ('communityId' in where ? this.s.byCommunity.all(where.communityId) : this.s.byGrid.all(where.gridId)).map((r) => JSON.parse(r.doc) as Building)
    const rooms = new Map<string, Room[]>(buildings.map((b) => [b.id, []]))
    for (const r of this.s.roomsOf.all(JSON.stringify(buildings.map((b) => b.id)))) rooms.get(r.building_id)!.push(roomOf(r))
    return inRegistryOrder(buildings.map((building) => ({ building, rooms: rooms.get(building.id)! })))
  }

  async roomsPerGrid(): Promise<Map<string, number>> {
    return new Map(this.s.perGrid.all().map((r) => [r.grid_id, r.n]))
  }

  async nearBuildings(point: LngLat, radiusM: number, limit: number): Promise<Building[]> {
    return nearestFirst(this.s.inBox.all(searchBox(point, radiusM)).map((r) => JSON.parse(r.doc) as Building), point, limit)
  }
}
