import { createSecretKey, hkdfSync, randomBytes, type KeyObject } from 'node:crypto'
import * as z from 'zod'
import { fail, ok, type Result } from '../../../shared/result'

// The keys that protect ID and phone numbers at rest (DESIGN.md, "Privacy and safety"),
// from configuration: `id:key` pairs, comma or space separated, each key 32 random bytes as
// 64 hex characters or base64 (`openssl rand -hex 32`). Several keys make rotation possible:
// new values are written with the current key (the last one listed unless named), older
// ones still read with theirs until a job has rewritten them; a key leaves the list only
// after that. Each master key is never used directly: HKDF-SHA256 derives one key for
// AES-256-GCM and another for the blind index, so a leak of one use tells nothing of the other.
//
// Messages name the key id, never the key.

export interface FieldKey {
  id: string
  encryption: KeyObject
  index: KeyObject
}

export interface KeyRing {
  current: FieldKey
  keys: ReadonlyMap<string, FieldKey>
}

/** Key ids travel in every ciphertext (`v1.<id>.…`): short, and without the '.' that separates its parts. */
export const KEY_ID = /^[A-Za-z0-9_-]{1,16}$/
const SALT = 'gridlink field keys'
const INFO = { encryption: 'aes-256-gcm v1', index: 'blind-index hmac-sha256 v1' }

function derive(master: Buffer, info: string): KeyObject {
  return createSecretKey(Buffer.from(hkdfSync('sha256', master, SALT, info, 32)))
}

function decodeKey(text: string): Buffer | null {
  if (/^[0-9a-fA-F]{64}$/.test(text)) return Buffer.from(text, 'hex')
  if (!/^[A-Za-z0-9+/_-]{43}=?$/.test(text)) return null
  const bytes = Buffer.from(text, 'base64')
  return bytes.length === 32 ? bytes : null
}

/** The key ring a setting describes, or what is wrong with it. */
export function parseKeyRing(spec: string, currentId?: string): Result<KeyRing, string> {
  const entries = spec.split(/[\s,]+/).filter(Boolean)
  if (entries.length === 0) return fail('no field key given (expected id:key, e.g. k1:<64 hex characters>)')
  const keys = new Map<string, FieldKey>()
  let last = ''
  for (const entry of entries) {
    const at = entry.indexOf(':')
    const id = at < 0 ? '' : entry.slice(0, at)
    if (!KEY_ID.test(id)) return fail(`field key entry ${keys.size + 1}: expected id:key with an id of 1–16 letters, digits, - or _`)
    if (keys.has(id)) return fail(`field key ${id} is listed twice`)
    const master = decodeKey(entry.slice(at + 1))
    if (!master) return fail(`field key ${id} is not 32 bytes as 64 hex characters or base64`)
    // a placeholder (all zeros, one repeated byte) rather than random bytes
    if (new Set(master).size < 8) return fail(`field key ${id} does not look random: make one with \`openssl rand -hex 32\``)
    keys.set(id, { id, encryption: derive(master, INFO.encryption), index: derive(master, INFO.index) })
    last = id
  }
  const current = keys.get(currentId ?? last)
  if (!current) return fail(`the current field key ${currentId} is not in the list`)
  return ok({ current, keys })
}

/** A setting holding the key ring, for a settings schema (cloudfunctions/app/settings.ts). */
export const keyRingSetting = (name: string, currentId?: string) =>
  z.string(`${name} is required`).transform((spec, ctx) => {
    const ring = parseKeyRing(spec, currentId)
    if (ring.ok) return ring.value
    ctx.addIssue({ code: 'custom', message: `${name}: ${ring.error}` })
    return z.NEVER
  })

/** A new `id:key` entry, for the local stack's key file and for rotation by hand. */
export const newKeyEntry = (id: string) => {
  if (!KEY_ID.test(id)) throw new Error('a field key id is 1–16 letters, digits, - or _')
  return `${id}:${randomBytes(32).toString('hex')}`
}
