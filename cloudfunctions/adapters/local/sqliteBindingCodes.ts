import type Database from 'better-sqlite3'
import type { BindingCodes } from '../../app/ports'
import type { WriteThread } from './writeThread'

// Binding codes on SQLite: one row per staff member, written by the write thread. A redeem
// is one conditional UPDATE: of two at once, the second finds the row already used and
// changes nothing, so a code binds once.
const WRITES = {
  issue: `INSERT INTO binding_codes (staff_id, code_hash, issued_at, expires_at, used_at, used_by) VALUES (@staff, @hash, @now, @expires, NULL, NULL)
    ON CONFLICT (staff_id) DO UPDATE SET code_hash = excluded.code_hash, issued_at = excluded.issued_at,
    expires_at = excluded.expires_at, used_at = NULL, used_by = NULL`,
  redeem: 'UPDATE binding_codes SET used_at = @now, used_by = @account WHERE code_hash = @hash AND used_at IS NULL AND expires_at > @now',
}

export class SqliteBindingCodes implements BindingCodes {
  private readonly s

  constructor(db: Database.Database, private readonly writer: WriteThread) {
    this.s = {
      staffOf: db.prepare<unknown[], { staff_id: string; used_by: string | null }>('SELECT staff_id, used_by FROM binding_codes WHERE code_hash = ?'),
      waiting: db.prepare<unknown[], { staff_id: string; expires_at: number }>(`SELECT staff_id, expires_at FROM binding_codes
        WHERE staff_id IN (SELECT value FROM json_each(@ids)) AND used_at IS NULL AND expires_at > @now`),
    }
  }

  async issue(staffId: string, codeHash: string, expiresAt: number, now: number): Promise<void> {
    await this.writer.run([{ sql: WRITES.issue, params: { staff: staffId, hash: codeHash, now, expires: expiresAt } }])
  }

  async redeem(codeHash: string, accountId: string, now: number): Promise<string | null> {
    const { stoppedAt } = await this.writer.run([{ sql: WRITES.redeem, params: { hash: codeHash, account: accountId, now }, expect: 'changed' }])
    if (stoppedAt !== null) return null
    // read after COMMIT: the row this redeem used
    const row = this.s.staffOf.get(codeHash)
    return row && row.used_by === accountId ? row.staff_id : null
  }

  async waiting(staffIds: string[], now: number): Promise<Map<string, number>> {
    if (staffIds.length === 0) return new Map()
    return new Map(this.s.waiting.all({ ids: JSON.stringify(staffIds), now }).map((r) => [r.staff_id, r.expires_at]))
  }
}
