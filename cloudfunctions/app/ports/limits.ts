// Abuse limits: how often one person or one address may do a thing in a window of time.
// Counted in memory on the local host; in CloudBase in the database with atomic counters,
// since every invocation may run in another container.

export interface RateRule {
  /** names the counter, so two rules on one key count apart */
  name: string
  limit: number
  windowMs: number
}

export type Taken = { ok: true } | { ok: false; retryAfterMs: number }

export interface Limits {
  /** Counts `amount` uses of `key` under the rule in its current window; refused when that goes over the limit. */
  take(key: string, rule: RateRule, now: number, amount?: number): Promise<Taken>
}
