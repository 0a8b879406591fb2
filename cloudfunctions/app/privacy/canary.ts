import { fail, ok, type Result } from '../../../shared/result'
import { FieldCipherError, type FieldCipher } from './fieldCipher'

// The field-key canary: one known value, encrypted with the current key and kept with the
// data (SQLite `field_canary`, CloudBase `meta/field_key_canary`). Every start (local) or
// first use (CloudBase) opens it: a key ring that cannot open it is not the ring the data's ID
// numbers and phones were written with, and using it would mix two key sets in one store or
// show every record as unreadable. So the adapter refuses, naming the key id it lacks, and
// never makes a new key over data that holds ciphertext.
//
// The canary follows the current key (rewritten once a rotation made another key current), so
// it proves the ring belongs to the data; whether every older key is still needed is the
// rotation job's question (isCurrent), not the canary's.

export const CANARY_PURPOSE = 'fieldKeyCanary'
const CANARY_TEXT = 'gridlink field keys canary v1'

export type CanaryProblem =
  /** written with a key id the ring does not hold: the key file was lost, or another ring configured */
  | { kind: 'missingKey'; keyId: string }
  /** the ring holds the id, but another key under it: the key file was replaced */
  | { kind: 'wrongKey'; keyId: string }
  /** not a canary at all (damaged data) */
  | { kind: 'unreadable' }

export const newCanary = (cipher: FieldCipher) => cipher.encrypt(CANARY_TEXT, CANARY_PURPOSE)

/** Whether the ring opens the stored canary; `rewrite` is a fresh one under the current key when it was under an older key. */
export function checkCanary(cipher: FieldCipher, token: string): Result<{ rewrite: string | null }, CanaryProblem> {
  const keyId = typeof token === 'string' ? token.split('.')[1] ?? '' : ''
  try {
    if (cipher.decrypt(token, CANARY_PURPOSE) !== CANARY_TEXT) return fail({ kind: 'unreadable' })
    return ok({ rewrite: cipher.isCurrent(token) ? null : newCanary(cipher) })
  } catch (err) {
    if (!(err instanceof FieldCipherError)) throw err
    if (err.code === 'UNKNOWN_KEY') return fail({ kind: 'missingKey', keyId })
    if (err.code === 'TAMPERED') return fail({ kind: 'wrongKey', keyId })
    return fail({ kind: 'unreadable' })
  }
}

/** What went wrong, in words for the operator; the adapter adds where the keys come from. Names key ids, never keys. */
export function describeCanaryProblem(problem: CanaryProblem): string {
  switch (problem.kind) {
    case 'missingKey':
      return `the data's ID numbers and phones are encrypted with field key "${problem.keyId}", and the key ring holds no key "${problem.keyId}"`
    case 'wrongKey':
      return `the key ring's field key "${problem.keyId}" is not the key "${problem.keyId}" the data's ID numbers and phones are encrypted with (same id, another key)`
    case 'unreadable':
      return 'the stored field-key canary is damaged, so it cannot be told whether the key ring fits the data'
  }
}
