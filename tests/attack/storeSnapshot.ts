import { createHash } from 'node:crypto'
import Database from 'better-sqlite3'

// What "nothing stored" means for the fuzz suite: the row count of every table and a hash of
// its rows, so an UPDATE in place (a task's version, a message's read mark, a report's
// rating) shows as well as an INSERT. Read on a connection of its own, read-only: the store
// answers a write only after its COMMIT, so a read right after the answer sees it. Hashing
// every table after each of thousands of calls costs more than the calls; SQLite's
// data_version moves only when another connection committed, so the tables are read only then.

export interface Snapshot {
  counts: Record<string, number>
  hashes: Record<string, string>
}

export class StoreWatch {
  private readonly db: Database.Database
  private readonly tables: string[]
  private readonly count: Map<string, Database.Statement>
  private readonly rows: Map<string, Database.Statement>
  private last: Snapshot
  private lastVersion: number

  constructor(file: string) {
    this.db = new Database(file, { readonly: true, fileMustExist: true })
    this.tables = (this.db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as { name: string }[]).map((t) => t.name)
    this.count = new Map(this.tables.map((t) => [t, this.db.prepare(`SELECT count(*) AS n FROM "${t}"`)]))
    this.rows = new Map(this.tables.map((t) => [t, this.rowsOf(t)]))
    this.lastVersion = this.version()
    this.last = this.take()
  }

  /** A table's rows in a stable order: by rowid, or (a WITHOUT ROWID table) by its primary key, the order a scan gives. */
  private rowsOf(table: string): Database.Statement {
    const withoutRowid = /WITHOUT\s+ROWID\s*$/i.test((this.db.prepare('SELECT sql FROM sqlite_master WHERE name = ?').get(table) as { sql: string }).sql.trim())
    return this.db.prepare(`SELECT * FROM "${table}"${withoutRowid ? '' : ' ORDER BY rowid'}`).raw()
  }

  private version(): number {
    return this.db.pragma('data_version', { simple: true }) as number
  }

  take(): Snapshot {
    const counts: Record<string, number> = {}
    for (const t of this.tables) counts[t] = (this.count.get(t)!.get() as { n: number }).n
    const hashes: Record<string, string> = {}
    for (const t of this.tables) {
      const hash = createHash('sha1')
      for (const row of this.rows.get(t)!.iterate()) hash.update(JSON.stringify(row))
      hashes[t] = hash.digest('hex')
    }
    return { counts, hashes }
  }

  /** After a success: what it stored is the new baseline. */
  refresh(): void {
    const version = this.version()
    if (version === this.lastVersion) return
    this.lastVersion = version
    this.last = this.take()
  }

  /** The tables whose rows changed since the baseline, e.g. ["tasks: 40 → 41 rows", "messages: updated"]; a
   * commit that left every row as it was (a version guard that stopped a write) is no change. */
  changes(): string[] {
    if (this.version() === this.lastVersion) return []
    const now = this.take()
    const counted = this.tables.filter((t) => now.counts[t] !== this.last.counts[t]).map((t) => `${t}: ${this.last.counts[t]} → ${now.counts[t]} rows`)
    const updated = this.tables.filter((t) => now.counts[t] === this.last.counts[t] && now.hashes[t] !== this.last.hashes[t]).map((t) => `${t}: updated`)
    if (counted.length + updated.length === 0) this.lastVersion = this.version()
    return [...counted, ...updated]
  }

  close(): void {
    this.db.close()
  }
}
