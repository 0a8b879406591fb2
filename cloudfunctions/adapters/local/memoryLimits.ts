import type { Limits, RateRule, Taken } from '../../app/ports/limits'

// Abuse limits on the local host: fixed windows counted in memory. The host is one
// process, so memory is the right place; a restart forgets the counts, which only ever
// lets a person in early.
export class MemoryLimits implements Limits {
  private readonly windows = new Map<string, { start: number; count: number }>()

  async take(key: string, rule: RateRule, now: number, amount = 1): Promise<Taken> {
    const start = now - (now % rule.windowMs)
    const id = `${rule.name}|${key}`
    let w = this.windows.get(id)
    if (!w || w.start !== start) {
      // bounded: past windows go when the map grows large
      if (this.windows.size > 100_000) this.sweep(now)
      w = { start, count: 0 }
      this.windows.set(id, w)
    }
    w.count += amount
    return w.count <= rule.limit ? { ok: true } : { ok: false, retryAfterMs: start + rule.windowMs - now }
  }

  private sweep(now: number) {
    for (const [id, w] of this.windows) if (now - w.start > 2 * 24 * 60 * 60 * 1000) this.windows.delete(id)
    if (this.windows.size > 100_000) this.windows.clear()
  }
}
