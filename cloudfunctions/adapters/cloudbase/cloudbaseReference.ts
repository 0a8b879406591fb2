import type { Db } from '@cloudbase/database'
import type { MapChange, ReferenceData } from '../../app/ports'
import type { Community, Grid, Street, User } from '../../../shared/model'
import { COLLECTIONS, fromDoc } from './docs'
import { MAP_GENERATION_ID } from './mapDocs'
import { importMap } from './mapImport'
import { byId, docsByIds, mapRecord, mapRecords } from './reads'
import { writeUsers } from './userWrites'

// Reference data on the CloudBase document database. The grid map (streets, communities,
// grids) is kept as versions that an import writes in batches and commits by moving the
// map's generation (mapDocs.ts, mapImport.ts); every read of it costs one query, as before,
// and sees whole imports only. Warm containers compare the generation before routing
// (cloudfunctions/app/mapRouter.ts). People are one document each (userWrites.ts).

/** Stored on a user document for pushes and identity; never part of the User record. */
export const USER_QUERY_FIELDS = ['openid'] as const
export { geoDoc } from './mapDocs'
export { MAP_GENERATION_ID }

export class CloudbaseReference implements ReferenceData {
  /** `now`: the clock of the import lease (mapImport.ts); tests move it to outlive a crashed import. */
  constructor(private readonly db: Db, private readonly now: () => number = Date.now) {}

  getUser(id: string) {
    return byId<User>(this.db, COLLECTIONS.users, id, USER_QUERY_FIELDS)
  }

  async getUsers(ids: string[]): Promise<User[]> {
    return (await docsByIds(this.db, COLLECTIONS.users, ids)).map((d) => fromDoc<User>(d, USER_QUERY_FIELDS))
  }

  getGrid(id: string) {
    return mapRecord<Grid>(this.db, COLLECTIONS.grids, id)
  }

  listGrids() {
    return mapRecords<Grid>(this.db, COLLECTIONS.grids)
  }

  getCommunity(id: string) {
    return mapRecord<Community>(this.db, COLLECTIONS.communities, id)
  }

  listCommunities() {
    return mapRecords<Community>(this.db, COLLECTIONS.communities)
  }

  getStreet(id: string) {
    return mapRecord<Street>(this.db, COLLECTIONS.streets, id)
  }

  listStreets() {
    return mapRecords<Street>(this.db, COLLECTIONS.streets)
  }

  async mapGeneration(): Promise<number> {
    const meta = await byId<{ value?: number }>(this.db, COLLECTIONS.meta, MAP_GENERATION_ID)
    return meta?.value ?? 0
  }

  saveMap(change: MapChange): Promise<number> {
    return importMap(this.db, change, this.now())
  }

  saveUsers(users: User[]): Promise<void> {
    return writeUsers(this.db, users, USER_QUERY_FIELDS)
  }
}
