import type { AuditEntry } from '../../../shared/model'
import type { PageOf, PageQuery } from './paging'

// The audit log of personal data read whole (docs/privacy.md): append and read, nothing
// else. No adapter offers a way to change or remove an entry (SQLite refuses UPDATE and
// DELETE on the table by trigger; CloudBase's rules let no client write the collection and
// the functions only ever add).

export interface AuditLog {
  /** Resolves once the entry is stored: a use case shows the value only after that. */
  append(entry: AuditEntry): Promise<void>
  /** Newest first. */
  list(page: PageQuery): Promise<PageOf<AuditEntry>>
}
