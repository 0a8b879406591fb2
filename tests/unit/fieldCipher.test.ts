import { randomBytes } from 'node:crypto'
import { createFieldCipher, FieldCipherError, type FieldCipherErrorCode } from '../../cloudfunctions/app/privacy/fieldCipher'
import { keyRingSetting, newKeyEntry, parseKeyRing, type KeyRing } from '../../cloudfunctions/app/privacy/keyRing'

// ID and phone numbers are kept encrypted (AES-256-GCM): a token tells nothing of its value,
// opens only for the field it was written for and with the key it names, and any change
// to it is noticed. Equality is found through a keyed blind index instead.

const hexKey = () => randomBytes(32).toString('hex')
const KEY_A = hexKey()
const KEY_B = randomBytes(32).toString('base64')

function ring(spec: string, current?: string): KeyRing {
  const r = parseKeyRing(spec, current)
  if (!r.ok) throw new Error(r.error)
  return r.value
}

const ID = '44030519900307105X'
const PHONE = '13812345678'

function codeOf(run: () => unknown): FieldCipherErrorCode | 'no error' | 'another error' {
  try {
    run()
    return 'no error'
  } catch (err) {
    return err instanceof FieldCipherError ? err.code : 'another error'
  }
}

describe('field cipher', () => {
  const cipher = createFieldCipher(ring(`a:${KEY_A}`))

  it.each([ID, PHONE, '', '张三 身份证 ４４０３', 'x'.repeat(31), 'y'.repeat(32), 'z'.repeat(300)])('opens what it wrote: %p', (plain) => {
    expect(cipher.decrypt(cipher.encrypt(plain, 'idNumber'), 'idNumber')).toBe(plain)
  })

  it('writes v1.<keyId>.<iv>.<ciphertext>.<tag> with a 96-bit IV and a 128-bit tag', () => {
    const [version, keyId, iv, body, tag, ...rest] = cipher.encrypt(ID, 'idNumber').split('.')
    expect([version, keyId, rest]).toEqual(['v1', 'a', []])
    expect(Buffer.from(iv, 'base64url')).toHaveLength(12)
    expect(Buffer.from(tag, 'base64url')).toHaveLength(16)
    expect(Buffer.from(body, 'base64url').length % 32).toBe(0)
  })

  it('uses a new IV every time: the same number never gives the same token', () => {
    const tokens = Array.from({ length: 50 }, () => cipher.encrypt(ID, 'idNumber'))
    expect(new Set(tokens).size).toBe(50)
    expect(new Set(tokens.map((t) => t.split('.')[2])).size).toBe(50)
  })

  it('does not tell an 18-character ID from a 15-character one, or a mobile from a landline, by length', () => {
    const lengthOf = (plain: string) => cipher.encrypt(plain, 'idNumber').length
    expect(lengthOf(ID)).toBe(lengthOf('USA440388080812'))
    expect(lengthOf(PHONE)).toBe(lengthOf('0755-12345678-801'))
  })

  it('leaves no piece of the number in the token', () => {
    for (const plain of [ID, PHONE]) {
      const token = cipher.encrypt(plain, 'phone')
      for (let i = 0; i + 4 <= plain.length; i++) expect(token).not.toContain(plain.slice(i, i + 4))
      const decoded = token.split('.').slice(2).map((p) => Buffer.from(p, 'base64url').toString('latin1')).join('')
      for (let i = 0; i + 4 <= plain.length; i++) expect(decoded).not.toContain(plain.slice(i, i + 4))
    }
  })

  it('notices a change to any character of the token', () => {
    const token = cipher.encrypt(ID, 'idNumber')
    const results = new Set<string>()
    for (let i = 0; i < token.length; i++) {
      for (const c of ['A', 'b', '0', '-', '_', '.']) {
        if (token[i] === c) continue
        const changed = token.slice(0, i) + c + token.slice(i + 1)
        const code = codeOf(() => cipher.decrypt(changed, 'idNumber'))
        expect([i, c, code]).not.toEqual([i, c, 'no error'])
        expect([i, c, code]).not.toEqual([i, c, 'another error'])
        results.add(code)
      }
    }
    expect(results).toEqual(new Set(['MALFORMED', 'UNSUPPORTED_VERSION', 'UNKNOWN_KEY', 'TAMPERED']))
  })

  it.each([
    ['a part cut off', (t: string) => t.split('.').slice(0, 4).join('.'), 'MALFORMED'],
    ['a part added', (t: string) => `${t}.AAAA`, 'MALFORMED'],
    ['a shortened tag (Node would accept 4 bytes unless told)', (t: string) => { const p = t.split('.'); p[4] = Buffer.from(p[4], 'base64url').subarray(0, 4).toString('base64url'); return p.join('.') }, 'MALFORMED'],
    ['the ciphertext of another token', (t: string) => { const p = t.split('.'); p[3] = cipher.encrypt(PHONE, 'idNumber').split('.')[3]; return p.join('.') }, 'TAMPERED'],
    ['a padded base64 part', (t: string) => { const p = t.split('.'); p[2] += '='; return p.join('.') }, 'MALFORMED'],
    ['not text at all', () => 42 as unknown as string, 'MALFORMED'],
  ])('refuses %s', (_what, change, code) => {
    expect(codeOf(() => cipher.decrypt(change(cipher.encrypt(ID, 'idNumber')), 'idNumber'))).toBe(code)
  })

  it('opens a value only for the field it was written for', () => {
    const token = cipher.encrypt(PHONE, 'phone')
    expect(codeOf(() => cipher.decrypt(token, 'idNumber'))).toBe('TAMPERED')
    expect(cipher.decrypt(token, 'phone')).toBe(PHONE)
  })

  it('refuses a purpose that is not a short identifier', () => {
    expect(codeOf(() => cipher.encrypt(ID, ''))).toBe('BAD_PURPOSE')
    expect(codeOf(() => cipher.encrypt(ID, 'id|Number'))).toBe('BAD_PURPOSE')
    expect(codeOf(() => cipher.blindIndex('id\nNumber', ID))).toBe('BAD_PURPOSE')
  })

  it('says UNKNOWN_KEY for a token of a key it does not hold', () => {
    const other = createFieldCipher(ring(`b:${KEY_B}`))
    const err = (() => {
      try {
        cipher.decrypt(other.encrypt(ID, 'idNumber'), 'idNumber')
      } catch (e) {
        return e
      }
    })()
    expect(err).toBeInstanceOf(FieldCipherError)
    expect(err).toMatchObject({ code: 'UNKNOWN_KEY', message: 'no field key b in the key ring' })
  })

  it('says TAMPERED for another key under the same id', () => {
    const impostor = createFieldCipher(ring(`a:${hexKey()}`))
    expect(codeOf(() => cipher.decrypt(impostor.encrypt(ID, 'idNumber'), 'idNumber'))).toBe('TAMPERED')
  })
})

describe('key rotation', () => {
  const before = createFieldCipher(ring(`a:${KEY_A}`))
  const after = createFieldCipher(ring(`a:${KEY_A}, b:${KEY_B}`))
  const old = before.encrypt(ID, 'idNumber')

  it('still opens what the old key wrote', () => {
    expect(after.decrypt(old, 'idNumber')).toBe(ID)
  })

  it('writes with the new key', () => {
    const fresh = after.encrypt(ID, 'idNumber')
    expect(fresh.split('.')[1]).toBe('b')
    expect(after.isCurrent(fresh)).toBe(true)
    expect(after.isCurrent(old)).toBe(false)
    expect(codeOf(() => before.decrypt(fresh, 'idNumber'))).toBe('UNKNOWN_KEY')
  })

  it('can keep an older key current while a new one is being spread', () => {
    const held = createFieldCipher(ring(`a:${KEY_A} b:${KEY_B}`, 'a'))
    expect(held.encrypt(ID, 'idNumber').split('.')[1]).toBe('a')
  })

  it('finds a number indexed under the old key among the indexes under every key', () => {
    const indexedBefore = before.blindIndex('idNumber', ID)
    expect(after.blindIndex('idNumber', ID)).not.toBe(indexedBefore)
    expect(after.blindIndexes('idNumber', ID)).toEqual([after.blindIndex('idNumber', ID), indexedBefore])
  })
})

describe('blind index', () => {
  const cipher = createFieldCipher(ring(`a:${KEY_A}`))

  it('is the same for the same value, every time and on every instance', () => {
    const again = createFieldCipher(ring(`a:${KEY_A}`))
    expect(cipher.blindIndex('idNumber', ID)).toBe(cipher.blindIndex('idNumber', ID))
    expect(again.blindIndex('idNumber', ID)).toBe(cipher.blindIndex('idNumber', ID))
    expect(cipher.blindIndex('idNumber', ID)).toMatch(/^a\.[A-Za-z0-9_-]{43}$/)
  })

  it('differs between values, purposes and keys', () => {
    const index = cipher.blindIndex('idNumber', ID)
    expect(cipher.blindIndex('idNumber', `${ID.slice(0, 17)}9`)).not.toBe(index)
    expect(cipher.blindIndex('phone', ID)).not.toBe(index)
    expect(createFieldCipher(ring(`a:${hexKey()}`)).blindIndex('idNumber', ID)).not.toBe(index)
  })

  it('does not separate purpose and value ambiguously', () => {
    expect(cipher.blindIndex('id', 'Number\nx')).not.toBe(cipher.blindIndex('idNumber', 'x'))
  })

  it('contains no piece of the value', () => {
    const index = cipher.blindIndex('phone', PHONE)
    for (let i = 0; i + 4 <= PHONE.length; i++) expect(index).not.toContain(PHONE.slice(i, i + 4))
  })
})

describe('key ring from configuration', () => {
  it.each([
    ['a hex key', `k1:${KEY_A}`],
    ['a base64 key', `k1:${KEY_B}`],
    ['a base64url key without padding', `k1:${randomBytes(32).toString('base64url')}`],
    ['an upper-case hex key', `k1:${KEY_A.toUpperCase()}`],
  ])('reads %s', (_what, spec) => {
    expect(parseKeyRing(spec).ok).toBe(true)
  })

  it('takes the last key listed as current unless one is named', () => {
    const r = parseKeyRing(`old:${KEY_A},\n new:${KEY_B}`)
    expect(r.ok && [r.value.current.id, [...r.value.keys.keys()]]).toEqual(['new', ['old', 'new']])
  })

  it.each([
    ['nothing', '', 'no field key given (expected id:key, e.g. k1:<64 hex characters>)'],
    ['a key without an id', KEY_A, 'field key entry 1: expected id:key with an id of 1–16 letters, digits, - or _'],
    ['an id with a dot', `k.1:${KEY_A}`, 'field key entry 1: expected id:key with an id of 1–16 letters, digits, - or _'],
    ['a short key', `k1:${KEY_A.slice(2)}`, 'field key k1 is not 32 bytes as 64 hex characters or base64'],
    ['a 16-byte key', `k1:${randomBytes(16).toString('base64')}`, 'field key k1 is not 32 bytes as 64 hex characters or base64'],
    ['a placeholder', `k1:${'0'.repeat(64)}`, 'field key k1 does not look random: make one with `openssl rand -hex 32`'],
    ['an id twice', `k1:${KEY_A},k1:${KEY_B}`, 'field key k1 is listed twice'],
  ])('refuses %s', (_what, spec, message) => {
    const r = parseKeyRing(spec)
    expect(r).toEqual({ ok: false, error: message })
    if (!r.ok) expect(r.error).not.toContain(KEY_A.slice(8, 24))
  })

  it('refuses a current key that is not listed', () => {
    expect(parseKeyRing(`k1:${KEY_A}`, 'k2')).toEqual({ ok: false, error: 'the current field key k2 is not in the list' })
  })

  it('checks the setting at boot and names it', () => {
    const setting = keyRingSetting('GRIDLINK_FIELD_KEYS')
    expect(setting.safeParse(`k1:${KEY_A}`).success).toBe(true)
    const bad = setting.safeParse('k1:short')
    expect(bad.success || bad.error.issues[0].message).toBe('GRIDLINK_FIELD_KEYS: field key k1 is not 32 bytes as 64 hex characters or base64')
  })

  it('makes new entries that it reads back, each different', () => {
    const a = newKeyEntry('k9')
    expect(a).toMatch(/^k9:[0-9a-f]{64}$/)
    expect(newKeyEntry('k9')).not.toBe(a)
    expect(parseKeyRing(a).ok).toBe(true)
    expect(() => newKeyEntry('k.9')).toThrow()
  })
})
