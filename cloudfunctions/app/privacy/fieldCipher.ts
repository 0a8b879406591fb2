import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto'
import { KEY_ID, type FieldKey, type KeyRing } from './keyRing'

// One field (an ID number, a phone) encrypted at rest with AES-256-GCM:
//
//   v1.<keyId>.<iv>.<ciphertext>.<tag>        (base64url parts)
//
// - a random 96-bit IV per value, so equal numbers never look equal in the data;
// - associated data = version, key id and the field's purpose ('idNumber', 'phone'): a
//   ciphertext copied into another field, or relabelled with another key id, fails to open;
// - the plaintext padded (ISO/IEC 7816-4: 0x80 then zeros) to a multiple of 32 bytes, so the
//   length does not tell an 18-character ID from a 15-character one or a mobile from a landline;
// - the 128-bit tag required whole: Node accepts shorter tags unless told the length, and a
//   4-byte tag can be forged.
//
// Equality is found through the blind index instead: HMAC-SHA256 of the normalised value
// under a key derived separately (keyRing.ts), so the database alone cannot be searched by
// guessing numbers (an ID has well under 2^40 plausible values; a plain hash of it is
// reversed in hours).
//
// The use cases reach it through the cipher port (app/ports/cipher.ts); nothing here reads configuration or storage.

export type FieldCipherErrorCode =
  /** not a token of this form: truncated, a part not canonical base64url, wrong IV or tag size */
  | 'MALFORMED'
  /** a version this code does not know */
  | 'UNSUPPORTED_VERSION'
  /** written with a key the ring does not hold: the data belongs to another key set */
  | 'UNKNOWN_KEY'
  /** the tag does not match: changed, moved from another field (purpose), or another key under the same id */
  | 'TAMPERED'
  /** a purpose that is not a short identifier (a programming error) */
  | 'BAD_PURPOSE'

export class FieldCipherError extends Error {
  constructor(
    readonly code: FieldCipherErrorCode,
    message: string,
  ) {
    super(message)
    this.name = 'FieldCipherError'
  }
}

export interface FieldCipher {
  /** The value encrypted with the current key, bound to `purpose`. */
  encrypt(plain: string, purpose: string): string
  /** The value back; throws FieldCipherError when it cannot be read as written for `purpose`. */
  decrypt(token: string, purpose: string): string
  /** The current key's index of a normalised value: `<keyId>.<mac>`. Equal values, equal index; `purpose` keeps fields apart. */
  blindIndex(purpose: string, normalisedValue: string): string
  /** The value's index under every key, current first: what to look for while older records still carry an older key's index. */
  blindIndexes(purpose: string, normalisedValue: string): string[]
  /** Whether a token was written with the current key (false: the rotation job rewrites it). */
  isCurrent(token: string): boolean
}

const VERSION = 'v1'
const IV_BYTES = 12
const TAG_BYTES = 16
const BLOCK = 32
const PURPOSE = /^[A-Za-z][A-Za-z0-9_.:-]{0,63}$/

function checkPurpose(purpose: string) {
  if (typeof purpose !== 'string' || !PURPOSE.test(purpose)) throw new FieldCipherError('BAD_PURPOSE', 'a purpose is a short identifier such as idNumber')
}

const aad = (keyId: string, purpose: string) => Buffer.from(`gridlink-field|${VERSION}|${keyId}|${purpose}`, 'utf8')

function pad(plain: Buffer): Buffer {
  const padded = Buffer.alloc((Math.floor(plain.length / BLOCK) + 1) * BLOCK)
  plain.copy(padded)
  padded[plain.length] = 0x80
  return padded
}

function unpad(padded: Buffer): Buffer {
  let end = padded.length - 1
  while (end >= 0 && padded[end] === 0) end--
  if (end < 0 || padded[end] !== 0x80) throw new FieldCipherError('TAMPERED', 'the field does not open: its padding is wrong')
  return padded.subarray(0, end)
}

/** A base64url part decoded only if it is written the one way it encodes: any changed character is noticed. */
function part(text: string, bytes?: number): Buffer {
  const buf = Buffer.from(text, 'base64url')
  if (buf.toString('base64url') !== text || (bytes !== undefined && buf.length !== bytes)) {
    throw new FieldCipherError('MALFORMED', 'not a field ciphertext')
  }
  return buf
}

export function createFieldCipher(ring: KeyRing): FieldCipher {
  const keyFor = (token: string) => {
    const parts = typeof token === 'string' ? token.split('.') : []
    if (parts.length !== 5) throw new FieldCipherError('MALFORMED', 'not a field ciphertext')
    if (parts[0] !== VERSION) throw new FieldCipherError('UNSUPPORTED_VERSION', 'a field ciphertext of an unknown version')
    const key = ring.keys.get(parts[1])
    if (!key) throw new FieldCipherError('UNKNOWN_KEY', `no field key ${KEY_ID.test(parts[1]) ? parts[1] : '(unreadable id)'} in the key ring`)
    return { key, parts }
  }

  const indexWith = (key: FieldKey, purpose: string, value: string) => {
    checkPurpose(purpose)
    return `${key.id}.${createHmac('sha256', key.index).update(`${purpose}\n${value}`, 'utf8').digest('base64url')}`
  }

  return {
    encrypt(plain, purpose) {
      checkPurpose(purpose)
      const { id, encryption } = ring.current
      const iv = randomBytes(IV_BYTES)
      const cipher = createCipheriv('aes-256-gcm', encryption, iv, { authTagLength: TAG_BYTES })
      cipher.setAAD(aad(id, purpose))
      const body = Buffer.concat([cipher.update(pad(Buffer.from(plain, 'utf8'))), cipher.final()])
      return [VERSION, id, iv.toString('base64url'), body.toString('base64url'), cipher.getAuthTag().toString('base64url')].join('.')
    },

    decrypt(token, purpose) {
      checkPurpose(purpose)
      const { key, parts } = keyFor(token)
      const iv = part(parts[2], IV_BYTES)
      const body = part(parts[3])
      const tag = part(parts[4], TAG_BYTES)
      if (body.length === 0 || body.length % BLOCK !== 0) throw new FieldCipherError('MALFORMED', 'not a field ciphertext')
      const decipher = createDecipheriv('aes-256-gcm', key.encryption, iv, { authTagLength: TAG_BYTES })
      decipher.setAAD(aad(key.id, purpose))
      decipher.setAuthTag(tag)
      let padded: Buffer
      try {
        padded = Buffer.concat([decipher.update(body), decipher.final()])
      } catch {
        throw new FieldCipherError('TAMPERED', 'the field does not open: changed, moved from another field, or written with another key')
      }
      return unpad(padded).toString('utf8')
    },

    blindIndex: (purpose, value) => indexWith(ring.current, purpose, value),

    blindIndexes: (purpose, value) => [ring.current, ...[...ring.keys.values()].filter((k) => k !== ring.current)].map((k) => indexWith(k, purpose, value)),

    isCurrent: (token) => keyFor(token).key === ring.current,
  }
}
