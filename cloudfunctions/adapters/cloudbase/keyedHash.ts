import { createHmac, randomBytes } from 'node:crypto'
import type { Db } from '@cloudbase/database'
import * as z from 'zod'
import type { KeyedHash } from '../../app/ports'
import { COLLECTIONS, isDuplicate, type Doc } from './docs'

// HMAC-SHA256 with the deployment's secret, for what must be kept only as a hash (binding
// codes). The secret comes from the functions' GRIDLINK_SECRET variable: a copied database
// then reveals no code. Without it the env makes a secret once and keeps it in `meta`, read
// once per container: codes still never sit in the database as typed, but anyone who copies
// the whole database has the key too, so set GRIDLINK_SECRET (docs/deploy.md).

export const SECRET_ID = 'keyed_hash_secret'
const secretSchema = z.string().min(32, 'GRIDLINK_SECRET must be at least 32 characters (e.g. `openssl rand -hex 32`)')

/** GRIDLINK_SECRET checked at cold start: a bad value stops the container, an unset one falls back to the env's own. */
export function secretSetting(env: Record<string, string | undefined> = process.env): string | undefined {
  const value = env.GRIDLINK_SECRET
  return value === undefined || value === '' ? undefined : secretSchema.parse(value)
}

export class CloudbaseKeyedHash implements KeyedHash {
  private secret: Promise<string> | null

  constructor(private readonly db: Db, secret?: string) {
    this.secret = secret ? Promise.resolve(secret) : null
  }

  async hash(purpose: string, value: string): Promise<string> {
    return createHmac('sha256', await this.key()).update(`${purpose}\n${value}`, 'utf8').digest('hex')
  }

  private key(): Promise<string> {
    if (!this.secret) {
      this.secret = this.storedSecret()
      // a failed read is retried by the next call
      this.secret.catch(() => (this.secret = null))
    }
    return this.secret
  }

  /** The env's own secret: made by the first container that needs it; a racing one reads the winner's. */
  private async storedSecret(): Promise<string> {
    const doc = this.db.collection(COLLECTIONS.meta).doc(SECRET_ID)
    const found = ((await doc.get()).data as Doc[])[0]
    if (typeof found?.value === 'string') return found.value
    try {
      const value = randomBytes(32).toString('hex')
      await this.db.collection(COLLECTIONS.meta).add({ _id: SECRET_ID, value })
      return value
    } catch (err) {
      if (!isDuplicate(err)) throw err
      const raced = ((await doc.get()).data as Doc[])[0]
      if (typeof raced?.value !== 'string') throw new Error('the keyed-hash secret vanished while being made')
      return raced.value
    }
  }
}
