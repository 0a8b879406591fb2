import type { Community, Grid, Street, User } from '../../../shared/model'

// Reference data: people, grids, communities and streets. Read on every request, written
// only by imports (the grid map, the roster) and seeding. Every write of the map moves
// its generation, which routers compare to know when to reload.

/** One import of the grid map: everything in it is written, or nothing. */
export interface MapChange {
  streets?: Street[]
  communities?: Community[]
  grids?: Grid[]
  /** grids that are no longer on the map */
  removedGridIds?: string[]
}

export interface ReferenceData {
  getUser(id: string): Promise<User | null>
  /** People by id in the order asked, unknown ids skipped. */
  getUsers(ids: string[]): Promise<User[]>
  getGrid(id: string): Promise<Grid | null>
  listGrids(): Promise<Grid[]>
  getCommunity(id: string): Promise<Community | null>
  listCommunities(): Promise<Community[]>
  getStreet(id: string): Promise<Street | null>
  listStreets(): Promise<Street[]>
  /** The grid map's generation: 0 before any map, then one more with every saveMap. */
  mapGeneration(): Promise<number>
  /** Writes a map import as one write and returns the generation it created. */
  saveMap(change: MapChange): Promise<number>
  /** Writes people (a roster import, a binding) as one write. */
  saveUsers(users: User[]): Promise<void>
}
