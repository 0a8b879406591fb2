import { createHash } from 'node:crypto'
import type { Db } from '@cloudbase/database'
import type { Limits, RateRule, Taken } from '../../app/ports/limits'
import { COLLECTIONS, isDuplicate } from './docs'

// Abuse limits in CloudBase: one counter document per key, rule and window, moved with an
// atomic increment (every invocation may run in another container, so memory cannot count).
// Costs one write and one read per check (docs/capacity.md); `expiresAt` lets a TTL index
// or a clean-up job drop past windows.
export class CloudbaseLimits implements Limits {
  constructor(private readonly db: Db) {}

  async take(key: string, rule: RateRule, now: number, amount = 1): Promise<Taken> {
    const start = now - (now % rule.windowMs)
    const id = `l${createHash('sha256').update(`${rule.name}|${key}|${start}`).digest('hex').slice(0, 40)}`
    const doc = this.db.collection(COLLECTIONS.limits).doc(id)
    const _ = this.db.command
    const moved = await doc.update({ count: _.inc(amount) })
    if (!moved.updated) {
      try {
        await this.db.collection(COLLECTIONS.limits).add({ _id: id, count: amount, expiresAt: start + rule.windowMs })
      } catch (err) {
        // a racing call created it first: count on it
        if (!isDuplicate(err)) throw err
        await doc.update({ count: _.inc(amount) })
      }
    }
    const res = await doc.get()
    const count = Number(((res.data as { count?: number }[])[0] ?? {}).count ?? amount)
    return count <= rule.limit ? { ok: true } : { ok: false, retryAfterMs: start + rule.windowMs - now }
  }
}
