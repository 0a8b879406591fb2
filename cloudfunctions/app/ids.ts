import { randomBytes } from 'node:crypto'
import type { IdGen } from './ports'

// Ids sort by creation time (base36 ms) and carry 64 random bits, so two function
// instances never collide and lists can tie-break on id.
export const randomIds: IdGen = {
  next: (prefix) => `${prefix}_${Date.now().toString(36)}${randomBytes(8).toString('hex')}`,
}

export const systemClock = { now: () => Date.now() }
