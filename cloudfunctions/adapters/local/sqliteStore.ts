import fs from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'
import { LocalAccountLinks } from './accountLinks'
import { migrate } from './migrations'
import { LocalSessions } from './sessions'
import { SqliteAudit } from './sqliteAudit'
import { SqliteBindingCodes } from './sqliteBindingCodes'
import { SqliteBuildings } from './sqliteBuildings'
import { SqliteCases } from './sqliteCases'
import { SqliteDeclarations } from './sqliteDeclarations'
import { SqliteFiles } from './sqliteFiles'
import { SqliteMessages } from './sqliteMessages'
import { SqlitePatrols } from './sqlitePatrols'
import { SqlitePoints } from './sqlitePoints'
import { SqliteReference } from './sqliteReference'
import { WriteThread } from './writeThread'

// The local stack's ports on one SQLite file (better-sqlite3): reference data, cases,
// the message centre, photo records, staff binding codes, declarations with the register
// and the audit log, plus the dev login's sessions and the accounts bound to staff records.
// Reads run synchronously under the async interfaces on the host's connection; every write
// goes to the write thread (writeThread.ts), which owns the second connection.

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

export interface SqliteStoreOptions {
  /** how long a dev-login session lasts */
  sessionTtlMs?: number
}

/** A session lasts a working day and a night: a person logs in again the next morning. */
export const DEFAULT_SESSION_TTL_MS = 16 * 60 * 60 * 1000

export function openSqliteStore(file: string, opts: SqliteStoreOptions = {}): SqliteStore {
  if (file !== ':memory:') fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true })
  const db = new Database(file, { timeout: BUSY_TIMEOUT_MS })
  try {
    for (const pragma of PRAGMAS) db.pragma(pragma)
    migrate(db)
    // started on the first write, after the migrations, on a connection of its own
    return new SqliteStore(db, new WriteThread({ file: path.resolve(file), pragmas: PRAGMAS, busyTimeoutMs: BUSY_TIMEOUT_MS }), opts.sessionTtlMs ?? DEFAULT_SESSION_TTL_MS)
  } catch (error) {
    db.close()
    throw error
  }
}

export class SqliteStore {
  readonly reference: SqliteReference
  readonly buildings: SqliteBuildings
  readonly cases: SqliteCases
  readonly declarations: SqliteDeclarations
  readonly audit: SqliteAudit
  readonly messages: SqliteMessages
  readonly points: SqlitePoints
  readonly patrols: SqlitePatrols
  readonly files: SqliteFiles
  readonly bindingCodes: SqliteBindingCodes
  readonly accountLinks: LocalAccountLinks
  readonly sessions: LocalSessions

  constructor(private readonly db: Database.Database, private readonly writer: WriteThread, sessionTtlMs: number) {
    this.reference = new SqliteReference(db, writer)
    this.buildings = new SqliteBuildings(db, writer)
    this.cases = new SqliteCases(db, writer)
    this.declarations = new SqliteDeclarations(db, writer)
    this.audit = new SqliteAudit(db, writer)
    this.messages = new SqliteMessages(db, writer)
    this.points = new SqlitePoints(db, writer)
    this.patrols = new SqlitePatrols(db, writer)
    this.files = new SqliteFiles(db, writer)
    this.bindingCodes = new SqliteBindingCodes(db, writer)
    this.accountLinks = new LocalAccountLinks(db, writer)
    this.sessions = new LocalSessions(db, this.reference, this.accountLinks, sessionTtlMs)
  }

  /** Waits for the writes already made, then closes both connections. */
  async close(): Promise<void> {
    await this.writer.close()
    this.db.close()
  }
}
