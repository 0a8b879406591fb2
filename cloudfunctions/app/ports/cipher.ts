import type { FieldCipher } from '../privacy/fieldCipher'

// Field encryption as the use cases see it (docs/privacy.md): ID numbers and phones are
// encrypted before they reach a store, and found again by their blind index. `purpose` names
// the field ('idNumber', 'phone'): a value written for one purpose never opens as another.
// The adapters hold the key ring; a use case never sees a key. Async so the CloudBase one can
// check, on first use, that its keys belong to the data (the canary, privacy/canary.ts).

export interface Cipher {
  /** The value encrypted with the current key. */
  encrypt(purpose: string, plain: string): Promise<string>
  /** The value back; rejects with FieldCipherError when it cannot be read as written for `purpose`. */
  decrypt(purpose: string, token: string): Promise<string>
  /** The current key's index of a normalised value (`<keyId>.<mac>`): what a new record is stored with. */
  blindIndex(purpose: string, value: string): Promise<string>
  /** The value's index under every key, current first: what a lookup searches while older records carry an older key's index. */
  blindIndexes(purpose: string, value: string): Promise<string[]>
}

/** The port over a cipher the adapter has already checked against its data. */
export function cipherOver(field: FieldCipher | (() => Promise<FieldCipher>)): Cipher {
  const ready = typeof field === 'function' ? field : () => Promise.resolve(field)
  return {
    encrypt: async (purpose, plain) => (await ready()).encrypt(plain, purpose),
    decrypt: async (purpose, token) => (await ready()).decrypt(token, purpose),
    blindIndex: async (purpose, value) => (await ready()).blindIndex(purpose, value),
    blindIndexes: async (purpose, value) => (await ready()).blindIndexes(purpose, value),
  }
}
