import { randomBytes } from 'node:crypto'
import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { checkCanary, describeCanaryProblem, newCanary } from '../../app/privacy/canary'
import { createFieldCipher, type FieldCipher } from '../../app/privacy/fieldCipher'
import { newKeyEntry, parseKeyRing, type KeyRing } from '../../app/privacy/keyRing'

// The local host's field keys (docs/privacy.md, "Keys"): GRIDLINK_FIELD_KEYS when set
// (required in production mode, config.ts); otherwise the data folder's key file, made with
// one fresh key on first start, readable by its owner only. Then the canary (field_canary,
// app/privacy/canary.ts) is opened with the ring: a ring that cannot open it stops the host
// with FieldKeyRefusal. A key is made only while the data holds no canary, so a lost key
// file is never quietly replaced by a new key over ID numbers nobody could then read.

export const FIELD_KEYS_FILE = 'field-keys'

/** The exit code of a host that refused to start on its data: the supervisor does not restart it (scripts/supervise.mjs). */
export const REFUSED_EXIT_CODE = 78

/** The key ring does not fit the data: starting would show every ID number as unreadable, or mix two key sets. */
export class FieldKeyRefusal extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'FieldKeyRefusal'
  }
}

export interface LocalFieldKeys {
  dataDir: string
  /** the SQLite file, already migrated */
  dbFile: string
  /** GRIDLINK_FIELD_KEYS, parsed at boot; unset = the data folder's key file */
  ring?: KeyRing
  now: number
}

const BUSY_TIMEOUT_MS = 5000
const refuse = (why: string, todo: string) => new FieldKeyRefusal(`refusing to start: ${why}. ${todo}`)

/** The cipher the host's use cases get, once the ring is known to fit the data. */
export function openLocalFieldCipher(opts: LocalFieldKeys): FieldCipher {
  // a short connection of its own: the store's connections belong to the store
  const db = new Database(opts.dbFile, { timeout: BUSY_TIMEOUT_MS })
  try {
    const stored = db.prepare('SELECT token FROM field_canary WHERE id = 1').get() as { token: string } | undefined
    const file = join(opts.dataDir, FIELD_KEYS_FILE)
    const { ring, todo } = opts.ring
      ? { ring: opts.ring, todo: 'Set GRIDLINK_FIELD_KEYS to the key ring the data was written with (the old keys before the new one), from wherever the keys are backed up.' }
      : { ring: fileRing(file, stored?.token), todo: `Restore ${file} from its backup, or set GRIDLINK_FIELD_KEYS to the key ring the data was written with. No new key is made over encrypted data.` }
    const cipher = createFieldCipher(ring)
    if (!stored) {
      db.prepare('INSERT INTO field_canary (id, token, written_at) VALUES (1, ?, ?)').run(newCanary(cipher), opts.now)
      return cipher
    }
    const checked = checkCanary(cipher, stored.token)
    if (!checked.ok) throw refuse(describeCanaryProblem(checked.error), todo)
    // after a rotation the canary moves to the current key, so the older key can leave the ring once the data has
    if (checked.value.rewrite) db.prepare('UPDATE field_canary SET token = ?, written_at = ? WHERE id = 1').run(checked.value.rewrite, opts.now)
    return cipher
  } finally {
    db.close()
  }
}

/** The key file's ring; made with one fresh key only when the data holds no canary (no ciphertext) yet. */
function fileRing(file: string, canary: string | undefined): KeyRing {
  if (!existsSync(file)) {
    if (canary) {
      const keyId = canary.split('.')[1] ?? '?'
      throw refuse(`the data's ID numbers and phones are encrypted with field key "${keyId}", and the key file ${file} is missing`, `Restore ${file} from its backup, or set GRIDLINK_FIELD_KEYS to the key ring holding key "${keyId}". No new key is made over encrypted data.`)
    }
    // a random id: a key file from another data folder then names a key this data does not know
    writeFileSync(file, `${newKeyEntry(`k${randomBytes(4).toString('hex')}`)}\n`, { mode: 0o600, flag: 'wx' })
    chmodSync(file, 0o600)
  }
  const ring = parseKeyRing(readFileSync(file, 'utf8'))
  if (!ring.ok) throw refuse(`the key file ${file} is not a field key ring (${ring.error})`, `Restore ${file} from its backup, or set GRIDLINK_FIELD_KEYS.`)
  return ring.value
}
