import { randomBytes } from 'node:crypto'
import type { Needs, RateRule } from '../ports'

// Binding codes as staff type them: 8 characters of an alphabet without 0/O and 1/I
// (shared/schemas/binding.ts, BINDING_CODE), 40 bits; with 10 tries an hour per account and a
// 72-hour life, guessing one of even a thousand waiting codes takes millions of accounts.

const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789'
const HOUR = 3_600_000

/** Long enough to reach a worker over a weekend, short enough that a code on a lost note soon dies. */
export const BINDING_CODE_TTL_MS = 72 * HOUR
/** Tries per account an hour: a person mistyping a few times gets through, a script does not. */
export const BIND_ATTEMPTS: RateRule = { name: 'bindAttemptsPerAccountHour', limit: 10, windowMs: HOUR }

/** A fresh code; 32 letters, so a random byte's low 5 bits pick one without bias. */
export function newBindingCode(): string {
  return [...randomBytes(8)].map((b) => ALPHABET[b & 31]).join('')
}

/** What is stored of a code: its keyed hash, never the code. */
export const codeHash = (deps: Needs<'keyedHash'>, code: string) => deps.keyedHash.hash('binding-code', code)
