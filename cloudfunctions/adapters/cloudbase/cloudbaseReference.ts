import type { Db } from '@cloudbase/database'
import type { MapChange, ReferenceData } from '../../app/ports'
import type { Community, Grid, Street, User } from '../../../shared/model'
import { bodyOf, COLLECTIONS, fromDoc, toDoc, type Doc } from './docs'
import { readAll } from './keyset'
import { byId, docsByIds } from './reads'

// Reference data on the CloudBase document database. Imports write each document by _id
// (an upsert, so a re-run converges) and then move the map's generation with one atomic
// increment of the `meta` document, which warm containers compare before routing.

/** Stored on a user document for pushes and identity; never part of the User record. */
export const USER_QUERY_FIELDS = ['openid'] as const
export const MAP_GENERATION_ID = 'map_generation'

// The SDK turns any object shaped like GeoJSON ({ type: 'Polygon', coordinates }) into a
// database geo value and hands back Geo objects on reads, so a grid's or community's
// geometry is kept as JSON text: it is never queried by the database (routing is in memory).
type WithGeometry = { id: string; geometry?: unknown }
export function geoDoc<T extends WithGeometry>(record: T) {
  return toDoc(record.geometry === undefined ? record : { ...record, geometry: JSON.stringify(record.geometry) })
}
function withGeometry<T extends WithGeometry>(record: T | null): T | null {
  return record && typeof record.geometry === 'string' ? { ...record, geometry: JSON.parse(record.geometry) } : record
}
const fromGeoDoc = <T extends WithGeometry>(doc: Doc) => withGeometry(fromDoc<T>(doc)) as T

export class CloudbaseReference implements ReferenceData {
  constructor(private readonly db: Db) {}

  getUser(id: string) {
    return byId<User>(this.db, COLLECTIONS.users, id, USER_QUERY_FIELDS)
  }

  async getUsers(ids: string[]): Promise<User[]> {
    return (await docsByIds(this.db, COLLECTIONS.users, ids)).map((d) => fromDoc<User>(d, USER_QUERY_FIELDS))
  }

  async getGrid(id: string) {
    return withGeometry(await byId<Grid>(this.db, COLLECTIONS.grids, id))
  }

  async listGrids(): Promise<Grid[]> {
    return (await readAll(this.db, COLLECTIONS.grids)).map((d) => fromGeoDoc<Grid>(d))
  }

  async getCommunity(id: string) {
    return withGeometry(await byId<Community>(this.db, COLLECTIONS.communities, id))
  }

  async listCommunities(): Promise<Community[]> {
    return (await readAll(this.db, COLLECTIONS.communities)).map((d) => fromGeoDoc<Community>(d))
  }

  getStreet(id: string) {
    return byId<Street>(this.db, COLLECTIONS.streets, id)
  }

  async listStreets(): Promise<Street[]> {
    return (await readAll(this.db, COLLECTIONS.streets)).map((d) => fromDoc<Street>(d))
  }

  async mapGeneration(): Promise<number> {
    const meta = await byId<{ value: number }>(this.db, COLLECTIONS.meta, MAP_GENERATION_ID)
    return meta?.value ?? 0
  }

  async saveMap(change: MapChange): Promise<number> {
    const put = (collection: string, doc: Doc) => this.db.collection(collection).doc(doc._id).set(bodyOf(doc))
    for (const s of change.streets ?? []) await put(COLLECTIONS.streets, toDoc(s))
    for (const c of change.communities ?? []) await put(COLLECTIONS.communities, geoDoc(c))
    for (const g of change.grids ?? []) await put(COLLECTIONS.grids, geoDoc(g))
    for (const id of change.removedGridIds ?? []) await this.db.collection(COLLECTIONS.grids).doc(id).remove()
    // the generation moves last, so a container that sees it also sees the whole import
    const _ = this.db.command
    const moved = await this.db.collection(COLLECTIONS.meta).doc(MAP_GENERATION_ID).update({ value: _.inc(1) })
    if (!moved.updated) await this.db.collection(COLLECTIONS.meta).doc(MAP_GENERATION_ID).set({ value: 1 })
    return this.mapGeneration()
  }

  /** `set` replaces a whole document: the openid an account was bound with is carried over. */
  async saveUsers(users: User[]): Promise<void> {
    const openids = new Map((await docsByIds(this.db, COLLECTIONS.users, users.map((u) => u.id))).map((d) => [d._id, d.openid as string | undefined]))
    for (const u of users) {
      const openid = openids.get(u.id)
      await this.db.collection(COLLECTIONS.users).doc(u.id).set(bodyOf(toDoc(u, openid ? { openid } : {})))
    }
  }
}
