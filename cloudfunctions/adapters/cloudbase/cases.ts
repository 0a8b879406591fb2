import type { Db } from '@cloudbase/database'
import type { NewReport, TaskChange } from '../../app/ports'
import type { Message } from '../../../shared/model'
import {
  abandon, backoff, bodyOf, COLLECTIONS, isConflict, isDuplicate, startTransaction, toDoc, TX_ATTEMPTS, type Doc, type Transaction,
} from './docs'
import { eventsOf, taskToDoc } from './taskDocs'

// The writes that must land whole, each one CloudBase transaction of single-document
// operations by _id. Two transactions touching one document: the database refuses one
// with DATABASE_TRANSACTION_CONFLICT; it is retried from the start, so the retry re-reads
// whatever the winner wrote.
//
// Every document written counts against the daily write quota (docs/capacity.md), so a
// case's timeline lives inside its task document (`timeline`, in order) rather than one
// document per line: a transition rewrites the task it must write anyway, and a new report
// is its idempotency key, the report, the task and one message per recipient.

export const messageDocs = (messages: Message[]) => messages.map((m) => toDoc(m))

export async function addAll(tx: Transaction, collection: string, docs: Doc[]) {
  for (const doc of docs) await tx.collection(collection).add(doc)
}

/** The record named by an idempotency key (its `field`), when that key's create has committed. */
async function keyOwner(db: Db, requestKey: string, field: string): Promise<string | null> {
  const res = await db.collection(COLLECTIONS.idempotency).doc(requestKey).get()
  const doc = (res.data as Doc[])[0]
  return typeof doc?.[field] === 'string' ? (doc[field] as string) : null
}

/**
 * A create keyed by the caller's requestId, in one transaction: the key is claimed first (its
 * unique _id, not an earlier read, decides between racing creates), then `write` adds the
 * records. `field` names the created record in the key's document (`reportId`, `declarationId`).
 */
export async function createOnce(
  db: Db,
  key: { requestKey: string | null; field: string; id: string; createdAt: number },
  write: (tx: Transaction) => Promise<void>,
): Promise<{ id: string; created: boolean }> {
  for (let attempt = 0; ; attempt++) {
    let tx: Transaction | null = null
    try {
      tx = await startTransaction(db)
      if (key.requestKey !== null) await tx.collection(COLLECTIONS.idempotency).add({ _id: key.requestKey, [key.field]: key.id, createdAt: key.createdAt })
      await write(tx)
      await tx.commit()
      return { id: key.id, created: true }
    } catch (err) {
      await abandon(tx)
      // Whatever the error says, a key that is claimed now means an earlier create committed:
      // the replay answers with it, so a retried request never fails where the first succeeded.
      const owner = key.requestKey === null ? null : await keyOwner(db, key.requestKey, key.field)
      if (owner) return { id: owner, created: false }
      // a conflict: a create of the same key may be in flight, or another write touched ours
      if (!(isConflict(err) || isDuplicate(err)) || attempt + 1 >= TX_ATTEMPTS) throw err
      await backoff(attempt)
    }
  }
}

export async function createReport(db: Db, input: NewReport): Promise<{ reportId: string; created: boolean }> {
  const { requestKey, report, task } = input
  const { id, created } = await createOnce(db, { requestKey, field: 'reportId', id: report.id, createdAt: report.createdAt }, async (tx) => {
    await tx.collection(COLLECTIONS.reports).add(toDoc(report))
    await tx.collection(COLLECTIONS.tasks).add(taskToDoc(task, input.events))
    await addAll(tx, COLLECTIONS.messages, messageDocs(input.messages))
  })
  return { reportId: id, created }
}

/**
 * A change to one versioned record, in one transaction: the record is read inside it and the
 * change applies only if its stored version is still `expectedVersion` (false otherwise, with
 * nothing written); `write` then writes it and whatever else lands with it. A conflict with
 * another transaction is retried from the start, so the retry re-reads what the winner wrote.
 */
export async function changeVersioned(
  db: Db,
  record: { collection: string; id: string; version: number; expectedVersion: number },
  write: (tx: Transaction, current: Doc) => Promise<void>,
): Promise<boolean> {
  if (record.version !== record.expectedVersion + 1) {
    throw new Error(`${record.collection} ${record.id}: a change from version ${record.expectedVersion} must carry version ${record.expectedVersion + 1}, got ${record.version}`)
  }
  for (let attempt = 0; ; attempt++) {
    let tx: Transaction | null = null
    try {
      tx = await startTransaction(db)
      const current = (await tx.collection(record.collection).doc(record.id).get()).data as Doc | null
      if (!current || current.version !== record.expectedVersion) {
        await abandon(tx)
        return false
      }
      await write(tx, current)
      await tx.commit()
      return true
    } catch (err) {
      await abandon(tx)
      if (!isConflict(err) || attempt + 1 >= TX_ATTEMPTS) throw err
      await backoff(attempt)
    }
  }
}

/** Applies the change only if the stored task is still at expectedVersion; false otherwise. */
export async function saveTaskChange(db: Db, change: TaskChange): Promise<boolean> {
  const { task, expectedVersion } = change
  return changeVersioned(db, { collection: COLLECTIONS.tasks, id: task.id, version: task.version, expectedVersion }, async (tx, current) => {
    await tx.collection(COLLECTIONS.tasks).doc(task.id).set(bodyOf(taskToDoc(task, [...eventsOf(current), ...change.events])))
    await addAll(tx, COLLECTIONS.messages, messageDocs(change.messages))
    if (change.reportPatch) {
      // each patched field replaced whole (_.set), as {...report, ...patch} would: no read needed
      const _ = db.command
      const patch = Object.fromEntries(Object.entries(change.reportPatch).filter(([, v]) => v !== undefined).map(([k, v]) => [k, _.set(v)]))
      const res = await tx.collection(COLLECTIONS.reports).doc(task.reportId).update(patch)
      if (res.updated === 0) throw new Error(`task ${task.id} points at missing report ${task.reportId}`)
    }
  })
}
