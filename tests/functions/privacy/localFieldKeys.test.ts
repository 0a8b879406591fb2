import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import Database from 'better-sqlite3'
import { FIELD_KEYS_FILE, FieldKeyRefusal } from '../../../cloudfunctions/adapters/local/fieldKeys'
import { newKeyEntry, parseKeyRing, type KeyRing } from '../../../cloudfunctions/app/privacy/keyRing'
import { loadSettings } from '../../../cloudfunctions/local/config'
import { openLocalStack } from '../../../cloudfunctions/local/stack'

// The local stack's field keys: a key file made on first start, a canary beside the data, and a
// refusal to start whenever the keys at hand cannot read what the data holds.
let dir: string
beforeEach(() => { dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gridlink-keys-')) })
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }))

const keyFile = () => path.join(dir, FIELD_KEYS_FILE)
const open = (fieldKeys?: KeyRing) => openLocalStack({ dataDir: dir, seed: false, fieldKeys })
const canary = () => {
  const db = new Database(path.join(dir, 'gridlink.sqlite'), { readonly: true })
  try {
    return db.prepare('SELECT token FROM field_canary').all() as { token: string }[]
  } finally {
    db.close()
  }
}
const ring = (spec: string) => {
  const parsed = parseKeyRing(spec)
  if (!parsed.ok) throw new Error(parsed.error)
  return parsed.value
}
/** Starts on the folder, writes an encrypted phone, stops; the token and the key file's text. */
async function firstStart() {
  const stack = await open()
  const token = await stack.deps.cipher.encrypt('phone', '13812345678')
  await stack.close()
  return { token, entry: fs.readFileSync(keyFile(), 'utf8').trim() }
}
const refusal = (p: Promise<unknown>) => p.then(() => { throw new Error('the stack opened') }, (err: unknown) => err as Error)

describe('the local field keys', () => {
  it('on first start make a key file readable by its owner only, holding one fresh key, and a canary under that key', async () => {
    const { token, entry } = await firstStart()
    expect(fs.statSync(keyFile()).mode & 0o777).toBe(0o600)
    const [id, key] = entry.split(':')
    expect(key).toMatch(/^[0-9a-f]{64}$/)
    expect(canary()).toHaveLength(1)
    expect(canary()[0].token.startsWith(`v1.${id}.`)).toBe(true)
    expect(token.startsWith(`v1.${id}.`)).toBe(true)
    expect(token).not.toContain('13812345678')
  })

  it('open the same data again with the same key file, and read what was written before', async () => {
    const { token, entry } = await firstStart()
    const again = await open()
    expect(await again.deps.cipher.decrypt('phone', token)).toBe('13812345678')
    await again.close()
    expect(fs.readFileSync(keyFile(), 'utf8').trim()).toBe(entry)
    expect(canary()).toHaveLength(1)
  })

  it('refuse to start when the key file was deleted, naming the key, and make no new key', async () => {
    const { entry } = await firstStart()
    fs.rmSync(keyFile())
    const err = await refusal(open())
    expect(err).toBeInstanceOf(FieldKeyRefusal)
    expect(err.message).toContain(`field key "${entry.split(':')[0]}"`)
    expect(err.message).toMatch(/key file .*field-keys is missing/)
    expect(err.message).toMatch(/Restore .*field-keys.*or set GRIDLINK_FIELD_KEYS/)
    expect(fs.existsSync(keyFile())).toBe(false)
  })

  it('refuse to start when the key file was replaced, by another key under the same id or another id', async () => {
    const { entry } = await firstStart()
    const id = entry.split(':')[0]
    fs.writeFileSync(keyFile(), `${newKeyEntry(id)}\n`)
    expect((await refusal(open())).message).toContain(`field key "${id}" is not the key "${id}" the data's ID numbers and phones are encrypted with`)
    fs.writeFileSync(keyFile(), `${newKeyEntry('other')}\n`)
    const err = await refusal(open())
    expect(err.message).toContain(`encrypted with field key "${id}", and the key ring holds no key "${id}"`)
    expect(err.message).toContain('Restore')
  })

  it('refuse a configured key ring that does not hold the data\'s key, saying to set GRIDLINK_FIELD_KEYS', async () => {
    const { entry } = await firstStart()
    const err = await refusal(open(ring(newKeyEntry('k9'))))
    expect(err).toBeInstanceOf(FieldKeyRefusal)
    expect(err.message).toContain(`holds no key "${entry.split(':')[0]}"`)
    expect(err.message).toContain('Set GRIDLINK_FIELD_KEYS')
  })

  it('open with a rotated ring, the old key then a new current one: old values read, new ones and the canary move to the new key', async () => {
    const { token, entry } = await firstStart()
    const rotated = ring(`${entry},${newKeyEntry('k2')}`)
    const stack = await open(rotated)
    expect(await stack.deps.cipher.decrypt('phone', token)).toBe('13812345678')
    expect((await stack.deps.cipher.encrypt('phone', '13812345678')).startsWith('v1.k2.')).toBe(true)
    const indexes = await stack.deps.cipher.blindIndexes('phone', '13812345678')
    expect(indexes.map((i) => i.split('.')[0])).toEqual(['k2', entry.split(':')[0]])
    expect(await stack.deps.cipher.blindIndex('phone', '13812345678')).toBe(indexes[0])
    await stack.close()
    expect(canary()[0].token.startsWith('v1.k2.')).toBe(true)
    // and the same ring opens it again
    await (await open(rotated)).close()
  })

  it('refuse a damaged canary rather than guess', async () => {
    await firstStart()
    const db = new Database(path.join(dir, 'gridlink.sqlite'))
    db.prepare("UPDATE field_canary SET token = 'v1.x.not-a-token'").run()
    db.close()
    expect((await refusal(open())).message).toContain('canary is damaged')
  })
})

describe('the field keys setting', () => {
  const SECRET = 'x'.repeat(32)
  const KEYS = newKeyEntry('k1')
  it('is required in production mode, by name', () => {
    expect(() => loadSettings({ GRIDLINK_SECRET: SECRET })).toThrow(/GRIDLINK_FIELD_KEYS: production mode \(GRIDLINK_DEV=0\) needs GRIDLINK_FIELD_KEYS/)
    expect(loadSettings({ GRIDLINK_SECRET: SECRET, GRIDLINK_FIELD_KEYS: KEYS }).GRIDLINK_FIELD_KEYS?.current.id).toBe('k1')
  })
  it('may be left unset in dev mode (the key file), and is refused by name when malformed', () => {
    expect(loadSettings({ GRIDLINK_DEV: '1' }).GRIDLINK_FIELD_KEYS).toBeUndefined()
    expect(() => loadSettings({ GRIDLINK_DEV: '1', GRIDLINK_FIELD_KEYS: `k1:${'0'.repeat(64)}` })).toThrow(/GRIDLINK_FIELD_KEYS: field key k1 does not look random/)
    expect(() => loadSettings({ GRIDLINK_DEV: '1', GRIDLINK_FIELD_KEYS: 'k1' })).toThrow(/GRIDLINK_FIELD_KEYS: field key entry 1/)
  })
})
