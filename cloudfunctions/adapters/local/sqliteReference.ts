import type Database from 'better-sqlite3'
import type { MapChange, ReferenceData } from '../../app/ports'
import type { Community, Grid, Street, User } from '../../../shared/model'
import { ReadThrough } from './referenceCache'
import type { Step, WriteThread } from './writeThread'

// Reference data on SQLite. Read from memory (referenceCache.ts says why); written by
// imports and seeding through the write thread, and the cached records they change are
// dropped only after COMMIT, so no request ever reads an entry older than the file.
// Reference data is small and read whole, so it is kept as whole documents.

type Doc = { doc: string }
const parse = <T>(row: Doc | undefined): T | null => (row ? (JSON.parse(row.doc) as T) : null)
const parseAll = <T>(rows: Doc[]): T[] => rows.map((r) => JSON.parse(r.doc) as T)
interface LoadedMap {
  grids: readonly Grid[]
  communities: readonly Community[]
  streets: readonly Street[]
  byId: { grids: Map<string, Grid>; communities: Map<string, Community>; streets: Map<string, Street> }
}
const frozenAll = <T extends object>(rows: T[]): readonly T[] => Object.freeze(rows.map((r) => Object.freeze(r)))

const WRITES = {
  street: 'INSERT INTO streets (id, doc) VALUES (@id, @doc) ON CONFLICT (id) DO UPDATE SET doc = excluded.doc',
  community: `INSERT INTO communities (id, street_id, doc) VALUES (@id, @street_id, @doc)
    ON CONFLICT (id) DO UPDATE SET street_id = excluded.street_id, doc = excluded.doc`,
  grid: `INSERT INTO grids (id, community_id, street_id, version, doc) VALUES (@id, @community_id, @street_id, @version, @doc)
    ON CONFLICT (id) DO UPDATE SET community_id = excluded.community_id, street_id = excluded.street_id,
    version = excluded.version, doc = excluded.doc`,
  removeGrid: 'DELETE FROM grids WHERE id = ?',
  user: 'INSERT INTO users (id, role, doc) VALUES (@id, @role, @doc) ON CONFLICT (id) DO UPDATE SET role = excluded.role, doc = excluded.doc',
  // the guard: two imports at once, the second meets a generation that moved and writes nothing
  generation: "UPDATE meta SET value = @next WHERE key = 'map_generation' AND value = @prev",
}

export class SqliteReference implements ReferenceData {
  private readonly s
  private readonly users = new ReadThrough<User>(50_000)
  private map: LoadedMap | null = null
  private generation: number
  private readonly loadUser = (id: string) => parse<User>(this.s.user.get(id))

  constructor(db: Database.Database, private readonly writer: WriteThread) {
    const p = <R>(sql: string) => db.prepare<unknown[], R>(sql)
    this.s = {
      user: p<Doc>('SELECT doc FROM users WHERE id = ?'),
      allUsers: p<Doc>('SELECT doc FROM users ORDER BY id'),
      anyUser: p<{ n: number }>('SELECT count(*) AS n FROM (SELECT 1 FROM users LIMIT 1)'),
      allGrids: p<Doc>('SELECT doc FROM grids ORDER BY id'),
      allCommunities: p<Doc>('SELECT doc FROM communities ORDER BY id'),
      allStreets: p<Doc>('SELECT doc FROM streets ORDER BY id'),
      generation: p<{ value: number }>("SELECT value FROM meta WHERE key = 'map_generation'"),
    }
    this.generation = this.s.generation.get()?.value ?? 0
  }

  async getUser(id: string) {
    return this.users.get(id, this.loadUser)
  }

  async getUsers(ids: string[]) {
    return [...new Set(ids)].flatMap((id) => this.users.get(id, this.loadUser) ?? [])
  }

  async getGrid(id: string) {
    return this.loaded().byId.grids.get(id) ?? null
  }

  async listGrids() {
    return [...this.loaded().grids]
  }

  async getCommunity(id: string) {
    return this.loaded().byId.communities.get(id) ?? null
  }

  async listCommunities() {
    return [...this.loaded().communities]
  }

  async getStreet(id: string) {
    return this.loaded().byId.streets.get(id) ?? null
  }

  async listStreets() {
    return [...this.loaded().streets]
  }

  async mapGeneration() {
    return this.generation
  }

  async saveMap(change: MapChange): Promise<number> {
    const prev = this.generation
    const steps: Step[] = [
      ...(change.streets ?? []).map((s) => ({ sql: WRITES.street, params: { id: s.id, doc: JSON.stringify(s) } })),
      ...(change.communities ?? []).map((c) => ({ sql: WRITES.community, params: { id: c.id, street_id: c.streetId, doc: JSON.stringify(c) } })),
      ...(change.grids ?? []).map((g) => ({ sql: WRITES.grid, params: { id: g.id, community_id: g.communityId, street_id: g.streetId, version: g.version, doc: JSON.stringify(g) } })),
      ...(change.removedGridIds ?? []).map((id) => ({ sql: WRITES.removeGrid, params: [id] })),
      { sql: WRITES.generation, params: { prev, next: prev + 1 }, expect: 'required', missing: 'the grid map changed while this import was written; nothing was imported' },
    ]
    await this.writer.run(steps)
    // after COMMIT: the next read sees the new map, and routers see the new generation
    this.generation = prev + 1
    this.map = null
    return this.generation
  }

  async saveUsers(users: User[]): Promise<void> {
    if (users.length === 0) return
    await this.writer.run(users.map((u) => ({ sql: WRITES.user, params: { id: u.id, role: u.role, doc: JSON.stringify(u) } })))
    for (const u of users) this.users.forget(u.id)
  }

  // --- for the local host (dev routes, first start) ---

  /** Every person, for the dev login's list of demo people (never for choosing recipients). */
  listUsers(): User[] {
    return parseAll<User>(this.s.allUsers.all())
  }

  /** No users yet: the local host seeds the demo street. */
  isEmpty(): boolean {
    return (this.s.anyUser.get()?.n ?? 0) === 0
  }

  /** Grids, communities and streets are read whole by routers and views: one copy in memory until the next import. */
  private loaded(): LoadedMap {
    if (this.map) return this.map
    const grids = frozenAll(parseAll<Grid>(this.s.allGrids.all()))
    const communities = frozenAll(parseAll<Community>(this.s.allCommunities.all()))
    const streets = frozenAll(parseAll<Street>(this.s.allStreets.all()))
    const byId = <T extends { id: string }>(rows: readonly T[]) => new Map(rows.map((r) => [r.id, r]))
    this.map = { grids, communities, streets, byId: { grids: byId(grids), communities: byId(communities), streets: byId(streets) } }
    return this.map
  }
}
