import type Database from 'better-sqlite3'
import type { AccountLinks } from '../../app/ports'
import { BoundedMap } from './referenceCache'
import type { WriteThread } from './writeThread'

// The local stack's accounts are the dev login's identities, each named by the record it
// logs in as. A linked account acts as the staff record it was bound to: the session (and a
// new dev login) resolves through here. Links are read on every request, so they are kept in
// memory; this host is the file's only writer, and it updates the memory after each COMMIT.
export class LocalAccountLinks implements AccountLinks {
  private readonly s
  private readonly known = new BoundedMap<string, string | null>(100_000)

  constructor(db: Database.Database, private readonly writer: WriteThread) {
    this.s = { find: db.prepare<unknown[], { user_id: string }>('SELECT user_id FROM account_links WHERE account_id = ?') }
  }

  async link(accountId: string, staffId: string, at: number): Promise<void> {
    await this.writer.run([{
      sql: `INSERT INTO account_links (account_id, user_id, linked_at) VALUES (?, ?, ?)
        ON CONFLICT (account_id) DO UPDATE SET user_id = excluded.user_id, linked_at = excluded.linked_at`,
      params: [accountId, staffId, at],
    }])
    this.known.set(accountId, staffId)
  }

  async unlink(accountId: string): Promise<void> {
    await this.writer.run([{ sql: 'DELETE FROM account_links WHERE account_id = ?', params: [accountId] }])
    this.known.set(accountId, null)
  }

  /** The record the account acts as: the staff record it is linked to, else its own. */
  actingAs(accountId: string): string {
    let linked = this.known.get(accountId)
    if (linked === undefined) linked = this.known.set(accountId, this.s.find.get(accountId)?.user_id ?? null)
    return linked ?? accountId
  }
}
