import { createHash, randomBytes } from 'node:crypto'
import type Database from 'better-sqlite3'
import type { User } from '../../../shared/model'
import type { LocalAccountLinks } from './accountLinks'
import { BoundedMap } from './referenceCache'
import type { SqliteReference } from './sqliteReference'

// Sessions of the local host: a bearer token → the person it was issued to, until it
// expires. Only the token's SHA-256 is stored (the token has 192 random bits, so a plain
// hash is enough; nothing to guess), and a token that is unknown, altered or expired is
// simply no session: UNAUTHENTICATED. A session belongs to an account (the identity the dev
// login chose); an account bound to a staff record acts as that record (accountLinks.ts).

export const hashToken = (token: string) => createHash('sha256').update(token, 'utf8').digest('hex')

export class LocalSessions {
  private readonly s
  private readonly known = new BoundedMap<string, { userId: string; expiresAt: number }>(100_000)

  constructor(db: Database.Database, private readonly reference: SqliteReference, private readonly links: LocalAccountLinks, private readonly ttlMs: number) {
    this.s = {
      create: db.prepare('INSERT INTO sessions (token_hash, user_id, created_at, expires_at) VALUES (?, ?, ?, ?)'),
      find: db.prepare<unknown[], { user_id: string; expires_at: number }>('SELECT user_id, expires_at FROM sessions WHERE token_hash = ?'),
      sweep: db.prepare('DELETE FROM sessions WHERE expires_at <= ?'),
    }
  }

  /** A new session for the person: the token goes to the client, only its hash stays here. */
  create(userId: string, now: number): { token: string; expiresAt: number } {
    const token = randomBytes(24).toString('base64url')
    const expiresAt = now + this.ttlMs
    this.s.create.run(hashToken(token), userId, now, expiresAt)
    return { token, expiresAt }
  }

  async userOf(token: string, now: number): Promise<User | null> {
    // in memory by the token itself (this process handed it out or was shown it); only the
    // file must never hold a usable token, and a hash per request was a measurable cost
    let session = this.known.get(token)
    if (!session) {
      const row = this.s.find.get(hashToken(token))
      if (!row) return null
      session = this.known.set(token, { userId: row.user_id, expiresAt: row.expires_at })
    }
    if (session.expiresAt <= now) return null
    return this.reference.getUser(this.links.actingAs(session.userId))
  }

  /** Drops expired sessions (at start-up; they already let nobody in). */
  sweep(now: number): number {
    return this.s.sweep.run(now).changes
  }
}
