import type Database from 'better-sqlite3'
import type { AuditLog, PageOf, PageQuery } from '../../app/ports'
import type { AuditEntry } from '../../../shared/model'
import { keysetPage } from './keysetPage'
import type { WriteThread } from './writeThread'

// The audit log on SQLite: an insert and a newest-first read. The table's triggers refuse
// UPDATE and DELETE (migration 8), so not even a second connection to the file can rewrite
// what was read.

const APPEND = 'INSERT INTO audit_log (id, at, doc) VALUES (@id, @at, @doc)'

type Doc = { doc: string }

export class SqliteAudit implements AuditLog {
  private readonly s

  constructor(db: Database.Database, private readonly writer: WriteThread) {
    const p = <R>(sql: string) => db.prepare<unknown[], R>(sql)
    this.s = {
      first: p<Doc>('SELECT doc FROM audit_log ORDER BY at DESC, id DESC LIMIT @limit'),
      after: p<Doc>('SELECT doc FROM audit_log WHERE (at, id) < (@at, @id) ORDER BY at DESC, id DESC LIMIT @limit'),
    }
  }

  /** Resolves after the commit: a reveal shows the number only once its entry is on disk. */
  async append(entry: AuditEntry): Promise<void> {
    await this.writer.run([{ sql: APPEND, params: { id: entry.id, at: entry.at, doc: JSON.stringify(entry) } }])
  }

  async list(page: PageQuery): Promise<PageOf<AuditEntry>> {
    return keysetPage({ ...this.s, key: 'at' }, {}, page, 'audit', (r) => JSON.parse(r.doc) as AuditEntry, (e) => [e.at, e.id])
  }
}
