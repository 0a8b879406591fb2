import type { Db } from '@cloudbase/database'
import type { Clock } from '../../app/ports'
import { cipherOver, type Cipher } from '../../app/ports/cipher'
import { checkCanary, describeCanaryProblem, newCanary } from '../../app/privacy/canary'
import { createFieldCipher, type FieldCipher } from '../../app/privacy/fieldCipher'
import type { KeyRing } from '../../app/privacy/keyRing'
import { COLLECTIONS, isDuplicate, type Doc } from './docs'

// Field encryption in the functions (docs/privacy.md, "Keys"): the ring is the functions'
// GRIDLINK_FIELD_KEYS setting. Checked on first use, not at cold start, so the functions that
// hold no ID number keep working where it is unset. The first use in a container opens the
// env's canary (meta/field_key_canary, app/privacy/canary.ts), made by the first container
// that ever encrypts: a ring that cannot open it encrypts and reads nothing, so two key sets
// never mix in one env. One read per container; a failed check is retried by the next call.

export const CANARY_ID = 'field_key_canary'

const NOT_SET = 'GRIDLINK_FIELD_KEYS is not set: the functions cannot encrypt or read ID numbers and phones. Set it on every function that handles declarations (docs/deploy.md, docs/privacy.md)'

export function cloudbaseCipher(db: Db, ring: KeyRing | undefined, clock: Clock): Cipher {
  let checked: Promise<FieldCipher> | null = null
  return cipherOver(() => {
    if (!ring) return Promise.reject(new Error(NOT_SET))
    if (!checked) {
      checked = checkedCipher(db, ring, clock)
      checked.catch(() => (checked = null))
    }
    return checked
  })
}

async function checkedCipher(db: Db, ring: KeyRing, clock: Clock): Promise<FieldCipher> {
  const cipher = createFieldCipher(ring)
  const doc = db.collection(COLLECTIONS.meta).doc(CANARY_ID)
  let found = ((await doc.get()).data as Doc[])[0]
  if (!found) {
    try {
      await db.collection(COLLECTIONS.meta).add({ _id: CANARY_ID, token: newCanary(cipher), writtenAt: clock.now() })
      return cipher
    } catch (err) {
      if (!isDuplicate(err)) throw err
      // another container made it first, perhaps with another ring: check theirs
      found = ((await doc.get()).data as Doc[])[0]
      if (!found) throw new Error('the field-key canary vanished while being made')
    }
  }
  const verdict = checkCanary(cipher, found.token)
  if (!verdict.ok) {
    throw new Error(`field keys refused: ${describeCanaryProblem(verdict.error)}. Set GRIDLINK_FIELD_KEYS on every function to the key ring this env's data was written with (docs/privacy.md); nothing is encrypted or read with this one`)
  }
  if (verdict.value.rewrite) await doc.update({ token: verdict.value.rewrite, writtenAt: clock.now() })
  return cipher
}
