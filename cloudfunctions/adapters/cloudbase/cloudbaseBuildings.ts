import type { Db } from '@cloudbase/database'
import { buildingIdOfRoom } from '../../app/buildings/ids'
import { inRegistryOrder, nearestFirst, searchBox } from '../../app/buildings/order'
import type { BuildingRooms, Buildings } from '../../app/ports'
import type { Building, LngLat, Room } from '../../../shared/model'
import { MAX_PAGE } from '../paging'
import { insertAll } from './batchWrites'
import { bodyOf, COLLECTIONS, fromDoc, toDoc, type Doc } from './docs'
import { readAll } from './keyset'
import { byId, docsByIds } from './reads'

// The building registry on the CloudBase document database: one document per building,
// its rooms inside it (a room's id begins with its building's, app/buildings/ids.ts, so a
// room is one read by _id). A building and its rooms therefore change together, in one
// single-document write, which CloudBase applies whole.
//
// An import is not one transaction: CloudBase's transactions are meant for a few documents,
// and a district's file has hundreds of buildings. New buildings go in batches (one request
// per 1,000, batchWrites.ts); a changed one is one `set` by _id. Should a write fail part
// way, readers see each building either as it was or as the file has it, never a building
// half-written; the admin runs the same file again, which (ids being stable) writes only
// what is still different. docs/deploy.md says so too.

/** Fields kept on the document for queries and the rooms count, not part of the Building record. */
const EXTRA = ['rooms', 'roomCount'] as const
type RoomEntry = Omit<Room, 'buildingId'>

const docOf = ({ building, rooms }: BuildingRooms): Doc =>
  toDoc(building, { rooms: rooms.map(({ buildingId: _, ...r }) => r), roomCount: rooms.length })
function recordOf(doc: Doc): BuildingRooms {
  const building = fromDoc<Building>(doc, EXTRA)
  const rooms = ((doc.rooms ?? []) as RoomEntry[]).map((r) => ({ id: r.id, buildingId: building.id, unit: r.unit, number: r.number }))
  return { building, rooms }
}

export class CloudbaseBuildings implements Buildings {
  constructor(private readonly db: Db) {}

  async saveImport(list: BuildingRooms[]): Promise<void> {
    const docs = [...new Map(list.map((b) => [b.building.id, docOf(b)])).values()]
    const existing = new Set((await docsByIds(this.db, COLLECTIONS.buildings, docs.map((d) => d._id))).map((d) => d._id))
    await insertAll(this.db, COLLECTIONS.buildings, docs.filter((d) => !existing.has(d._id)))
    for (const doc of docs.filter((d) => existing.has(d._id))) await this.db.collection(COLLECTIONS.buildings).doc(doc._id).set(bodyOf(doc))
  }

  async getRoom(id: string): Promise<{ room: Room; building: Building } | null> {
    const buildingId = buildingIdOfRoom(id)
    if (!buildingId) return null
    const doc = await byId<Doc>(this.db, COLLECTIONS.buildings, buildingId)
    if (!doc) return null
    const { building, rooms } = recordOf({ ...doc, _id: buildingId })
    const room = rooms.find((r) => r.id === id)
    return room ? { room, building } : null
  }

  async listBuildings(where: { communityId: string } | { gridId: string }): Promise<BuildingRooms[]> {
    return inRegistryOrder((await readAll(this.db, COLLECTIONS.buildings, where)).map(recordOf))
  }

  /** Walks the collection reading only each building's grid and room count (a read per 1,000 buildings). */
  async roomsPerGrid(): Promise<Map<string, number>> {
    const _ = this.db.command
    const counts = new Map<string, number>()
    let last: string | undefined
    for (;;) {
      const page = await this.db.collection(COLLECTIONS.buildings).where(last === undefined ? {} : { _id: _.gt(last) }).orderBy('_id', 'asc').field({ gridId: true, roomCount: true }).limit(MAX_PAGE).get()
      const docs = page.data as Doc[]
      for (const d of docs) counts.set(d.gridId, (counts.get(d.gridId) ?? 0) + (d.roomCount ?? 0))
      if (docs.length < MAX_PAGE) return counts
      last = docs[docs.length - 1]._id
    }
  }

  async nearBuildings(point: LngLat, radiusM: number, limit: number): Promise<Building[]> {
    const _ = this.db.command
    const box = searchBox(point, radiusM)
    const where = { 'location.lat': _.and([_.gte(box.south), _.lte(box.north)]), 'location.lng': _.and([_.gte(box.west), _.lte(box.east)]) }
    return nearestFirst((await readAll(this.db, COLLECTIONS.buildings, where)).map((d) => recordOf(d).building), point, limit)
  }
}
