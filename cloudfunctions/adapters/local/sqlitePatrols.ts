import type Database from 'better-sqlite3'
import type { PageOf, PageQuery, Patrols } from '../../app/ports'
import type { Patrol } from '../../../shared/model'
import { keysetPage } from './keysetPage'
import type { WriteThread } from './writeThread'

// The patrol log (巡查打卡) on SQLite (migration 11). A start is keyed by the caller's
// requestId in a UNIQUE column, so the insert decides between two tries of one start; every
// later check-in is a versioned rewrite of the patrol's document.

const WRITES = {
  insert: `INSERT INTO patrols (id, request_key, user_id, started_at, ended_at, version, doc)
    VALUES (@id, @request_key, @user_id, @started_at, @ended_at, @version, @doc) ON CONFLICT DO NOTHING`,
  save: `UPDATE patrols SET ended_at = @ended_at, version = @version, doc = @doc WHERE id = @id AND version = @expected_version`,
}

type Doc = { doc: string }
const rowOf = (p: Patrol) => ({ id: p.id, user_id: p.userId, started_at: p.startedAt, ended_at: p.endedAt, version: p.version, doc: JSON.stringify(p) })
const parse = (r: Doc) => JSON.parse(r.doc) as Patrol

export class SqlitePatrols implements Patrols {
  private readonly s

  constructor(db: Database.Database, private readonly writer: WriteThread) {
    const p = <R>(sql: string) => db.prepare<unknown[], R>(sql)
    this.s = {
      get: p<Doc>('SELECT doc FROM patrols WHERE id = ?'),
      keyOwner: p<Doc>('SELECT doc FROM patrols WHERE request_key = ?'),
      open: p<Doc>('SELECT doc FROM patrols WHERE user_id = ? AND ended_at IS NULL ORDER BY started_at DESC LIMIT 1'),
      first: p<Doc>('SELECT doc FROM patrols WHERE user_id = @user ORDER BY started_at DESC, id DESC LIMIT @limit'),
      after: p<Doc>(`SELECT doc FROM patrols WHERE user_id = @user AND (started_at, id) < (@started, @id)
        ORDER BY started_at DESC, id DESC LIMIT @limit`),
    }
  }

  /** Either UNIQUE column, the id or the key, stops a second insert of one start; the key's first patrol answers it. */
  async create(patrol: Patrol, requestKey: string | null): Promise<{ patrol: Patrol; created: boolean }> {
    const { stoppedAt } = await this.writer.run([{ sql: WRITES.insert, params: { ...rowOf(patrol), request_key: requestKey }, expect: 'changed' }])
    if (stoppedAt === null) return { patrol, created: true }
    if (requestKey === null) throw new Error(`patrol ${patrol.id} exists already`)
    const owner = this.s.keyOwner.get(requestKey)
    if (!owner) throw new Error(`patrol request key ${requestKey} vanished while claimed`)
    return { patrol: parse(owner), created: false }
  }

  async get(id: string): Promise<Patrol | null> {
    const row = this.s.get.get(id)
    return row ? parse(row) : null
  }

  async openFor(userId: string): Promise<Patrol | null> {
    const row = this.s.open.get(userId)
    return row ? parse(row) : null
  }

  async save(patrol: Patrol, expectedVersion: number): Promise<boolean> {
    if (patrol.version !== expectedVersion + 1) {
      throw new Error(`patrol ${patrol.id}: a change from version ${expectedVersion} must carry version ${expectedVersion + 1}, got ${patrol.version}`)
    }
    const { stoppedAt } = await this.writer.run([{ sql: WRITES.save, params: { ...rowOf(patrol), expected_version: expectedVersion }, expect: 'changed' }])
    return stoppedAt === null
  }

  async listFor(userId: string, page: PageQuery): Promise<PageOf<Patrol>> {
    return keysetPage({ first: this.s.first, after: this.s.after, key: 'started' }, { user: userId }, page, 'patrols', parse, (p) => [p.startedAt, p.id])
  }
}
