import { isDeepStrictEqual } from 'node:util'
import type { Db } from '@cloudbase/database'
import type { User } from '../../../shared/model'
import { insertAll, removeAll } from './batchWrites'
import { abandon, backoff, COLLECTIONS, fromDoc, isConflict, startTransaction, toDoc, TX_ATTEMPTS, type Doc, type Transaction } from './docs'
import { docsByIds } from './reads'

// People written as one write (a roster import, a binding, a leave). People are read by _id
// on every request, and beside a record the document keeps what only the database needs
// (`openid`, USER_QUERY_FIELDS), so they stay one document each, rewritten in place:
// - new people are inserted in batches (batchWrites.ts), one request per 1,000;
// - people whose record changed are patched field by field (so `openid`, which a binding
//   may be writing at the same moment, is never carried over stale), all in one transaction,
//   one request each: CloudBase has no batch write that gives each document its own content
//   except an insert, and a transaction takes one document a request (TOOLCHAIN.md);
// - people whose record is unchanged are not written (a roster re-import changes few).
// New people go first: until the transaction commits nothing refers to them (grids and
// bindings name people by id once the import has returned), and if it fails they are taken
// out again, so a failed write leaves no one changed. A function that dies in between leaves
// the new ones unreferenced; the next run finds them and converges.

export async function writeUsers(db: Db, users: User[], queryOnly: readonly string[]): Promise<void> {
  const wanted = [...new Map(users.map((u) => [u.id, plain(u)])).values()]
  const stored = new Map((await docsByIds(db, COLLECTIONS.users, wanted.map((u) => u.id))).map((d) => [d._id, d]))
  const fresh = wanted.filter((u) => !stored.has(u.id))
  const changed = wanted.filter((u) => stored.has(u.id) && !isDeepStrictEqual(fromDoc<User>(stored.get(u.id)!, queryOnly), u))
  try {
    await insertAll(db, COLLECTIONS.users, fresh.map((u) => toDoc(u)))
    await patchAll(db, changed.map((u) => ({ id: u.id, patch: patchOf(db, stored.get(u.id)!, u, queryOnly) })))
  } catch (err) {
    await takeOut(db, fresh.map((u) => u.id))
    throw err
  }
}

/** The record as the database keeps it: fields that are undefined are not stored. */
const plain = (u: User): User => JSON.parse(JSON.stringify(u))

/** Every field of the new record set whole, and every record field it no longer has removed; query-only fields untouched. */
function patchOf(db: Db, doc: Doc, user: User, queryOnly: readonly string[]): Record<string, unknown> {
  const _ = db.command
  const { id, ...fields } = user
  const patch: Record<string, unknown> = Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, _.set(v)]))
  for (const k of Object.keys(doc)) if (!(k in fields) && k !== '_id' && k !== '_openid' && !queryOnly.includes(k)) patch[k] = _.remove()
  return patch
}

/** One patch is a write of its own; several are one transaction, retried from the start on a conflict as cases.ts does. */
async function patchAll(db: Db, patches: { id: string; patch: Record<string, unknown> }[]): Promise<void> {
  if (patches.length === 0) return
  if (patches.length === 1) {
    await db.collection(COLLECTIONS.users).doc(patches[0].id).update(patches[0].patch)
    return
  }
  for (let attempt = 0; ; attempt++) {
    let tx: Transaction | null = null
    try {
      tx = await startTransaction(db)
      for (const { id, patch } of patches) await tx.collection(COLLECTIONS.users).doc(id).update(patch)
      await tx.commit()
      return
    } catch (err) {
      await abandon(tx)
      if (!isConflict(err) || attempt + 1 >= TX_ATTEMPTS) throw err
      await backoff(attempt)
    }
  }
}

/** Removes the people this write inserted; if that fails too, they stay unreferenced until a rerun finds them. */
async function takeOut(db: Db, ids: string[]): Promise<void> {
  try {
    await removeAll(db, COLLECTIONS.users, ids)
  } catch {
    // a rerun treats them as stored people and converges
  }
}
