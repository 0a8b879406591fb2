import { maskIdNumber, maskPhone } from '../../../shared/identity/masking'
import type { SealedValue } from '../../../shared/model'
import type { Cipher } from '../ports'

// An ID or phone number on its way into a store (docs/privacy.md): encrypted under the
// field's purpose, its blind index for finding duplicates, and the masked form views show.
// The plain number exists only in the request being handled and, on an audited reveal, in
// the one answer that asked for it.

export type SealedField = 'idNumber' | 'phone'

export async function seal(cipher: Cipher, field: SealedField, value: string): Promise<SealedValue> {
  const [token, index] = await Promise.all([cipher.encrypt(field, value), cipher.blindIndex(field, value)])
  return { token, index, masked: field === 'idNumber' ? maskIdNumber(value) : maskPhone(value) }
}

/** The number back, for the one audited reveal (app/declarations/verification/revealPersonField.ts). */
export const unseal = (cipher: Cipher, field: SealedField, sealed: SealedValue) => cipher.decrypt(field, sealed.token)

/** What an anonymised record keeps of a field: nothing that leads back to the number. */
export const ERASED: SealedValue = { token: '', index: '', masked: '' }
