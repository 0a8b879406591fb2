import { randomFillSync } from 'node:crypto'
import type { IdGen } from './ports'

// Ids sort by creation time (base36 ms) and carry 64 random bits, so two function
// instances never collide and lists can tie-break on id. Random bytes come from a pool
// refilled 512 ids at a time: one getrandom call per id was a measurable share of a
// submission.
const POOL = Buffer.alloc(8 * 512)
let offset = POOL.length

function random64hex(): string {
  if (offset >= POOL.length) {
    randomFillSync(POOL)
    offset = 0
  }
  const hex = POOL.toString('hex', offset, offset + 8)
  offset += 8
  return hex
}

export const randomIds: IdGen = {
  next: (prefix) => `${prefix}_${Date.now().toString(36)}${random64hex()}`,
}

export const systemClock = { now: () => Date.now() }
