import fs from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'
import type { FileRecord, NewReport, PageOf, PageQuery, Store, TaskChange } from '../../app/ports'
import type { Community, Grid, Message, Report, Street, Task, TimelineEvent, User } from '../../../shared/model'
import { migrate } from './migrations'
import { fileFromRow, fileToRow, type FileRow } from './rows'
import { SqliteCases } from './sqliteCases'
import { WriteThread } from './writeThread'
import { BoundedMap, ReadThrough } from './referenceCache'

// The local stack's Store on one SQLite file (better-sqlite3). Reads run synchronously
// under the async interface on the host's connection; the use cases' writes go to the
// write thread (writeThread.ts). The extra synchronous methods serve seeding and the dev
// login, on the host's connection.

type Doc = { doc: string }
const parse = <T>(row: Doc | undefined): T | null => (row ? (JSON.parse(row.doc) as T) : null)
const parseAll = <T>(rows: Doc[]): T[] => rows.map((r) => JSON.parse(r.doc) as T)

// Every connection to the file, the host's and the write thread's, runs with these.
const PRAGMAS = [
  // WAL lets the host's reads run beside the one writer; FULL survives power loss, at the
  // cost TOOLCHAIN.md measured (~4,500 single-row commits/s, plenty for one street).
  'journal_mode = WAL',
  'synchronous = FULL',
  'foreign_keys = ON',
  // SQLite's default page cache is 2 MB: past a few thousand reports every insert missed
  // it and went to the OS for index pages. 64 MB holds a street's working set.
  'cache_size = -65536',
  // Each grouped write is a savepoint, and savepoints keep a statement journal: in a temp
  // file by default, which tripled the cost of every insert. It is rolled-back data only,
  // never the durable copy, so memory is the right place.
  'temp_store = MEMORY',
  // A checkpoint copies each page changed since the last one back into the file once,
  // however often it changed: every 10,000 WAL pages (~40 MB) rather than SQLite's 1,000
  // copies the hot index pages a tenth as often.
  'wal_autocheckpoint = 10000',
]
// A second process (a dev tool, a test) waits up to 5 s for the write lock before SQLITE_BUSY.
const BUSY_TIMEOUT_MS = 5000

export function openSqliteStore(file: string): SqliteStore {
  if (file !== ':memory:') fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true })
  const db = new Database(file, { timeout: BUSY_TIMEOUT_MS })
  try {
    for (const pragma of PRAGMAS) db.pragma(pragma)
    migrate(db)
    // started on the first write, after the migrations, on a connection of its own
    return new SqliteStore(db, new WriteThread({ file: path.resolve(file), pragmas: PRAGMAS, busyTimeoutMs: BUSY_TIMEOUT_MS }))
  } catch (error) {
    db.close()
    throw error
  }
}

export class SqliteStore implements Store {
  private readonly cases: SqliteCases
  private readonly s
  // reference data in memory (referenceCache.ts says why and when it is dropped)
  private readonly users = new ReadThrough<User>(50_000)
  private allUsers: readonly User[] | null = null
  private readonly grids = new ReadThrough<Grid>(100_000)
  private readonly files = new ReadThrough<FileRecord>(100_000)
  private readonly sessions = new BoundedMap<string, string>(100_000)
  private readonly loadUser = (id: string) => parse<User>(this.s.user.get(id))
  private readonly loadGrid = (id: string) => parse<Grid>(this.s.grid.get(id))
  private readonly loadFile = (id: string) => {
    const row = this.s.file.get(id)
    return row ? fileFromRow(row) : null
  }

  constructor(private readonly db: Database.Database, private readonly writer: WriteThread) {
    this.cases = new SqliteCases(db)
    const p = <R>(sql: string) => db.prepare<unknown[], R>(sql)
    // Reference data is small and read whole, so it is kept as whole documents.
    this.s = {
      user: p<Doc>('SELECT doc FROM users WHERE id = ?'),
      allUsers: p<Doc>('SELECT doc FROM users ORDER BY id'),
      anyUser: p<{ n: number }>('SELECT count(*) AS n FROM (SELECT 1 FROM users LIMIT 1)'),
      upsertUser: p(`INSERT INTO users (id, role, doc) VALUES (@id, @role, @doc)
        ON CONFLICT (id) DO UPDATE SET role = excluded.role, doc = excluded.doc`),
      grid: p<Doc>('SELECT doc FROM grids WHERE id = ?'),
      allGrids: p<Doc>('SELECT doc FROM grids ORDER BY id'),
      upsertGrid: p(`INSERT INTO grids (id, community_id, street_id, version, doc) VALUES (@id, @community_id, @street_id, @version, @doc)
        ON CONFLICT (id) DO UPDATE SET community_id = excluded.community_id, street_id = excluded.street_id,
        version = excluded.version, doc = excluded.doc`),
      community: p<Doc>('SELECT doc FROM communities WHERE id = ?'),
      upsertCommunity: p(`INSERT INTO communities (id, street_id, doc) VALUES (@id, @street_id, @doc)
        ON CONFLICT (id) DO UPDATE SET street_id = excluded.street_id, doc = excluded.doc`),
      street: p<Doc>('SELECT doc FROM streets WHERE id = ?'),
      allStreets: p<Doc>('SELECT doc FROM streets ORDER BY id'),
      upsertStreet: p('INSERT INTO streets (id, doc) VALUES (@id, @doc) ON CONFLICT (id) DO UPDATE SET doc = excluded.doc'),
      file: p<FileRow>('SELECT * FROM files WHERE id = ?'),
      createSession: p('INSERT INTO sessions (token, user_id, created_at) VALUES (?, ?, ?)'),
      sessionUser: p<{ user_id: string }>('SELECT user_id FROM sessions WHERE token = ?'),
    }
  }

  async getUser(id: string): Promise<User | null> {
    return this.users.get(id, this.loadUser)
  }

  async getUsers(ids: string[]): Promise<User[]> {
    return [...new Set(ids)].flatMap((id) => this.users.get(id, this.loadUser) ?? [])
  }

  async listUsers(): Promise<User[]> {
    this.allUsers ??= Object.freeze(parseAll<User>(this.s.allUsers.all()).map((u) => Object.freeze(u)))
    return [...this.allUsers]
  }

  async getGrid(id: string): Promise<Grid | null> {
    return this.grids.get(id, this.loadGrid)
  }

  async listGrids(): Promise<Grid[]> {
    return parseAll<Grid>(this.s.allGrids.all())
  }

  async getCommunity(id: string): Promise<Community | null> {
    return parse<Community>(this.s.community.get(id))
  }

  async getStreet(id: string): Promise<Street | null> {
    return parse<Street>(this.s.street.get(id))
  }

  async listStreets(): Promise<Street[]> {
    return parseAll<Street>(this.s.allStreets.all())
  }

  async getFiles(ids: string[]): Promise<FileRecord[]> {
    return [...new Set(ids)].flatMap((id) => this.files.get(id, this.loadFile) ?? [])
  }

  async createReport(input: NewReport): Promise<{ reportId: string; created: boolean }> {
    const { stoppedAt } = await this.writer.run(this.cases.reportSteps(input))
    // stopped at the key claim (nothing of this try kept): the key was taken by an earlier try
    if (stoppedAt !== null && input.requestKey !== null) return { reportId: this.cases.keyOwner(input.requestKey), created: false }
    return { reportId: input.report.id, created: true }
  }

  async getReport(id: string): Promise<Report | null> {
    return this.cases.getReport(id)
  }

  async getReports(ids: string[]): Promise<Report[]> {
    return this.cases.getReports(ids)
  }

  async listReportsByReporter(reporterId: string, page: PageQuery): Promise<PageOf<Report>> {
    return this.cases.listReportsByReporter(reporterId, page)
  }

  async getTask(id: string): Promise<Task | null> {
    return this.cases.getTasks([id])[0] ?? null
  }

  async getTasks(ids: string[]): Promise<Task[]> {
    return this.cases.getTasks(ids)
  }

  async listOpenTasksForGrids(gridIds: string[], page: PageQuery): Promise<PageOf<Task>> {
    return this.cases.listOpenTasksForGrids(gridIds, page)
  }

  async saveTaskChange(change: TaskChange): Promise<boolean> {
    const { stoppedAt } = await this.writer.run(this.cases.changeSteps(change))
    return stoppedAt === null
  }

  async listTimeline(taskId: string): Promise<TimelineEvent[]> {
    return this.cases.listTimeline(taskId)
  }

  async listMessages(userId: string, page: PageQuery): Promise<PageOf<Message>> {
    return this.cases.listMessages(userId, page)
  }

  async countUnread(userId: string): Promise<number> {
    return this.cases.countUnread(userId)
  }

  async markRead(userId: string, ids: string[] | 'all', at: number): Promise<void> {
    const steps = this.cases.markReadSteps(userId, ids, at)
    if (steps.length > 0) await this.writer.run(steps)
  }

  /** A photo's record, written once its bytes are on disk (diskFiles.ts). */
  async insertFile(file: FileRecord): Promise<void> {
    await this.writer.run([{ sql: 'INSERT INTO files (id, owner_id, mime, size, created_at) VALUES (@id, @owner_id, @mime, @size, @created_at)', params: fileToRow(file) }])
  }

  // --- for the local host and seeding (synchronous, so they can run inside transaction()) ---

  upsertStreet(street: Street): void {
    this.s.upsertStreet.run({ id: street.id, doc: JSON.stringify(street) })
  }

  upsertCommunity(community: Community): void {
    this.s.upsertCommunity.run({ id: community.id, street_id: community.streetId, doc: JSON.stringify(community) })
  }

  upsertGrid(grid: Grid): void {
    this.s.upsertGrid.run({ id: grid.id, community_id: grid.communityId, street_id: grid.streetId, version: grid.version, doc: JSON.stringify(grid) })
    this.grids.forget(grid.id)
  }

  upsertUser(user: User): void {
    this.s.upsertUser.run({ id: user.id, role: user.role, doc: JSON.stringify(user) })
    this.users.forget(user.id)
    this.allUsers = null
  }

  createSession(token: string, userId: string, createdAt: number): void {
    this.s.createSession.run(token, userId, createdAt)
  }

  getSessionUser(token: string): User | null {
    let userId = this.sessions.get(token)
    if (userId === undefined) {
      const row = this.s.sessionUser.get(token)
      if (!row) return null
      userId = this.sessions.set(token, row.user_id)
    }
    return this.users.get(userId, this.loadUser)
  }

  /** No users yet: the local host seeds the demo street. */
  isEmpty(): boolean {
    return (this.s.anyUser.get()?.n ?? 0) === 0
  }

  /**
   * Runs fn in one transaction (seeding in batches is ~30x faster than a commit per row).
   * fn must be synchronous: better-sqlite3 commits when fn returns, before any await resumes.
   */
  transaction<T>(fn: () => T): T {
    return this.db.transaction(() => {
      const result = fn()
      if (result instanceof Promise) throw new TypeError('transaction(fn) needs a synchronous fn; the store methods used inside must be the sync ones')
      return result
    }).immediate()
  }

  /** Waits for the writes already made, then closes both connections. */
  async close(): Promise<void> {
    await this.writer.close()
    this.db.close()
  }
}
