import { CANARY_ID, cloudbaseCipher } from '../../../cloudfunctions/adapters/cloudbase/cloudbaseCipher'
import { COLLECTIONS } from '../../../cloudfunctions/adapters/cloudbase/docs'
import { loadCloudbaseSettings } from '../../../cloudfunctions/adapters/cloudbase/settings'
import { newKeyEntry, parseKeyRing, type KeyRing } from '../../../cloudfunctions/app/privacy/keyRing'
import { T0, wireApp } from './wire'
import { useWireDb } from './wireDb'

// Field encryption in the functions: the ring from GRIDLINK_FIELD_KEYS, checked on first use
// against the env's canary (meta/field_key_canary), so a container with keys that cannot read
// the env's data encrypts and reads nothing.
const wire = useWireDb()
const K1 = newKeyEntry('k1')
const ring = (spec: string): KeyRing => {
  const parsed = parseKeyRing(spec)
  if (!parsed.ok) throw new Error(parsed.error)
  return parsed.value
}
/** A container's cipher port: its own database client, ring and cache. */
const container = (keys: KeyRing | undefined) => cloudbaseCipher(wireApp().database(), keys, { now: () => T0 })
const canaryDocs = () => wire.db.docs(COLLECTIONS.meta).filter((d) => d._id === CANARY_ID)

describe('CloudBase field encryption', () => {
  it('without GRIDLINK_FIELD_KEYS fails each use by name, touching no data', async () => {
    const cipher = container(undefined)
    await expect(cipher.encrypt('phone', '13812345678')).rejects.toThrow(/GRIDLINK_FIELD_KEYS is not set/)
    await expect(cipher.blindIndexes('phone', '13812345678')).rejects.toThrow(/GRIDLINK_FIELD_KEYS is not set/)
    expect(wire.db.requests).toEqual([])
  })

  it('makes the env its canary on first use; another container with the same ring reads it once and opens the first one\'s values', async () => {
    const token = await container(ring(K1)).encrypt('idNumber', '440305199003071051')
    expect(canaryDocs()).toHaveLength(1)
    expect(canaryDocs()[0]).toMatchObject({ writtenAt: T0 })
    expect(String(canaryDocs()[0].token).startsWith('v1.k1.')).toBe(true)
    const index = await container(ring(K1)).blindIndex('idNumber', '440305199003071051')
    const other = container(ring(K1))
    const before = wire.db.requests.length
    expect(await other.decrypt('idNumber', token)).toBe('440305199003071051')
    expect(await other.blindIndex('idNumber', '440305199003071051')).toBe(index)
    expect(wire.db.requests.slice(before).map((r) => r.action)).toEqual(['database.getDocument'])
  })

  it('leaves one canary when two containers make it at once', async () => {
    await Promise.all([container(ring(K1)).encrypt('phone', '1'), container(ring(K1)).encrypt('phone', '2')])
    expect(canaryDocs()).toHaveLength(1)
    // the second insert lost the race and the loser checked the winner's canary instead
    expect(wire.db.requests.filter((r) => r.error === 'DATABASE_DUPLICATE_WRITE')).toHaveLength(1)
  })

  it('refuses to encrypt or read with a ring that does not hold the env\'s key, or another key under its id', async () => {
    await container(ring(K1)).encrypt('phone', '13812345678')
    const stranger = container(ring(newKeyEntry('k2')))
    await expect(stranger.encrypt('phone', '13812345678')).rejects.toThrow(/field keys refused: .*holds no key "k1".*Set GRIDLINK_FIELD_KEYS on every function/)
    await expect(container(ring(newKeyEntry('k1'))).decrypt('phone', 'v1.k1.x.y.z')).rejects.toThrow(/field key "k1" is not the key "k1"/)
    expect(canaryDocs()).toHaveLength(1)
    expect(String(canaryDocs()[0].token).startsWith('v1.k1.')).toBe(true)
  })

  it('after a rotation reads the old values, writes with the new key and moves the canary to it', async () => {
    const old = await container(ring(K1)).encrypt('phone', '13812345678')
    const rotated = container(ring(`${K1} ${newKeyEntry('k2')}`))
    expect(await rotated.decrypt('phone', old)).toBe('13812345678')
    expect((await rotated.encrypt('phone', '13812345678')).startsWith('v1.k2.')).toBe(true)
    expect(String(canaryDocs()[0].token).startsWith('v1.k2.')).toBe(true)
  })

  it('retries the check on the next call when the canary could not be read', async () => {
    const cipher = container(ring(K1))
    wire.db.failRequest(1)
    await expect(cipher.encrypt('phone', '1')).rejects.toThrow()
    wire.db.clearFailure()
    expect((await cipher.encrypt('phone', '1')).startsWith('v1.k1.')).toBe(true)
  })
})

describe('the GRIDLINK_FIELD_KEYS function setting', () => {
  it('is optional (an empty value counts as unset), parsed into the ring when set, refused by name when malformed', () => {
    expect(loadCloudbaseSettings({}).GRIDLINK_FIELD_KEYS).toBeUndefined()
    expect(loadCloudbaseSettings({ GRIDLINK_FIELD_KEYS: '' }).GRIDLINK_FIELD_KEYS).toBeUndefined()
    expect(loadCloudbaseSettings({ GRIDLINK_FIELD_KEYS: `${K1},${newKeyEntry('k2')}` }).GRIDLINK_FIELD_KEYS?.current.id).toBe('k2')
    expect(() => loadCloudbaseSettings({ GRIDLINK_FIELD_KEYS: 'k1:short' })).toThrow(/GRIDLINK_FIELD_KEYS: field key k1 is not 32 bytes/)
  })
})
