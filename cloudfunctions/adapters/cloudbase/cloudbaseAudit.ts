import type { Db } from '@cloudbase/database'
import type { AuditLog, PageOf, PageQuery } from '../../app/ports'
import type { AuditEntry } from '../../../shared/model'
import { decodeCursor, fetchSize, pageSize, toPage } from '../paging'
import { COLLECTIONS, fromDoc, toDoc } from './docs'
import { query, type SortField } from './keyset'

// The audit log on CloudBase (audit_log): an insert and a newest-first read, and nothing
// else. CloudBase has no append-only collection, so the guarantee is in what can reach it:
// the security rules let no client read or write it (scripts/deploy/safeRules.ts), and the
// functions' only code that names the collection is this class, which has no update or
// remove (tests/functions/store/declarations.cloudbase.test.ts watches the wire for one).

const NEWEST: SortField[] = [{ field: 'at', dir: 'desc' }, { field: '_id', dir: 'desc' }]

export class CloudbaseAudit implements AuditLog {
  constructor(private readonly db: Db) {}

  /** 1 write; resolves once the database has the entry, so a reveal shows the value only after. */
  async append(entry: AuditEntry): Promise<void> {
    await this.db.collection(COLLECTIONS.auditLog).add(toDoc(entry))
  }

  /** 1 read (index: at ↓, _id ↓). */
  async list(page: PageQuery): Promise<PageOf<AuditEntry>> {
    const limit = pageSize(page.limit)
    const key = page.cursor ? (decodeCursor('audit', page.cursor, ['number', 'string']) as [number, string]) : undefined
    const docs = await query(this.db, COLLECTIONS.auditLog, {}, NEWEST, fetchSize(limit), key)
    return toPage(docs.map((d) => fromDoc<AuditEntry>(d)), limit, 'audit', (e) => [e.at, e.id])
  }
}
