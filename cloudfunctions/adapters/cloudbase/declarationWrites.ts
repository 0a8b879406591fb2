import type { Db } from '@cloudbase/database'
import type { DeclarationChange, NewDeclaration } from '../../app/ports'
import type { Resident } from '../../../shared/model'
import { addAll, changeVersioned, createOnce, messageDocs } from './cases'
import {
  declarationFromDoc, declarationIndexDocs, declarationToDoc, registerState, residentFromDoc, residentIndexDoc, residentIndexId, residentToDoc, type IndexDoc,
} from './declarationDocs'
import { bodyOf, COLLECTIONS, type Doc, type Transaction } from './docs'
import { CountChanges, writeCounts } from './registerCounts'

// The declaration writes that must land whole, each one CloudBase transaction of
// single-document operations by _id, retried from the start on a conflict as cases.ts does.
// Every document written counts against the daily write quota (30,000 on the base tier), so
// the costs are stated per method, with n = the declaration's persons (at most 12) and m = its
// messages.

/**
 * 2 transaction requests; writes: the key, the declaration, n index documents, m messages.
 * A replay: 1 read more (the key's owner) after its transaction is refused.
 */
export async function createDeclaration(db: Db, input: NewDeclaration): Promise<{ declarationId: string; created: boolean }> {
  const { requestKey, declaration } = input
  const { id, created } = await createOnce(db, { requestKey, field: 'declarationId', id: declaration.id, createdAt: declaration.createdAt }, async (tx) => {
    await tx.collection(COLLECTIONS.declarations).add(declarationToDoc(declaration))
    await addAll(tx, COLLECTIONS.idIndex, declarationIndexDocs(declaration))
    await addAll(tx, COLLECTIONS.messages, messageDocs(input.messages))
  })
  return { declarationId: id, created }
}

/** The index documents to remove and to write so that `before` becomes `after` (unchanged ones untouched). */
function indexSteps(before: IndexDoc[], after: IndexDoc[]) {
  const was = new Map(before.map((d) => [d._id, JSON.stringify(d)]))
  const keep = new Set(after.map((d) => d._id))
  return { remove: before.filter((d) => !keep.has(d._id)).map((d) => d._id), write: after.filter((d) => was.get(d._id) !== JSON.stringify(d)) }
}

/**
 * Applies the change only if the stored declaration is still at expectedVersion; false
 * otherwise, with nothing written. 2 transaction requests; 1 read (the version) and 1 write
 * (the declaration), plus:
 * - index documents: a removal for each person when it closes (verified, rejected,
 *   withdrawn), a write for each person that changed when amended, none when it only waits;
 * - a verified move-in: per person, the resident and its index document (2n writes);
 * - a verified move-out: per resident, a read, its rewrite and its index removal (n reads, 2n writes);
 * - either of those: the grid's register counts (1 read, 1 write);
 * - m messages.
 */
export async function saveDeclarationChange(db: Db, change: DeclarationChange): Promise<boolean> {
  const { declaration, expectedVersion } = change
  const record = { collection: COLLECTIONS.declarations, id: declaration.id, version: declaration.version, expectedVersion }
  return changeVersioned(db, record, async (tx, current) => {
    await tx.collection(COLLECTIONS.declarations).doc(declaration.id).set(bodyOf(declarationToDoc(declaration)))
    const index = indexSteps(declarationIndexDocs(declarationFromDoc(current)), declarationIndexDocs(declaration))
    for (const id of index.remove) await tx.collection(COLLECTIONS.idIndex).doc(id).remove()
    for (const doc of index.write) await tx.collection(COLLECTIONS.idIndex).doc(doc._id).set(bodyOf(doc))
    const counts = new CountChanges()
    for (const r of change.addResidents ?? []) await addResident(tx, r, counts)
    if (change.moveOut) for (const id of change.moveOut.residentIds) await moveOut(tx, id, change.moveOut.movedOut, counts)
    await writeCounts(tx, counts)
    await addAll(tx, COLLECTIONS.messages, messageDocs(change.messages))
  })
}

/** A new resident: a second one with the same id is a bug upstream, and the duplicate key fails the change. */
async function addResident(tx: Transaction, r: Resident, counts: CountChanges) {
  await tx.collection(COLLECTIONS.residents).add(residentToDoc(r))
  const index = residentIndexDoc(r)
  if (index) await tx.collection(COLLECTIONS.idIndex).add(index)
  if (registerState(r) === 'current') counts.add(r.gridId, r.roomId, 1)
}

/**
 * Read inside the transaction, so the counts come off the grid and room the resident was
 * counted in; a resident not current any more is a bug upstream (the use case checks), and
 * the whole change fails.
 */
async function moveOut(tx: Transaction, id: string, movedOut: NonNullable<Resident['movedOut']>, counts: CountChanges) {
  const ref = tx.collection(COLLECTIONS.residents).doc(id)
  const doc = (await ref.get()).data as Doc | null
  const resident = doc ? residentFromDoc(doc) : null
  if (!resident || registerState(resident) !== 'current') throw new Error(`resident ${id} is not a current resident`)
  await ref.set(bodyOf(residentToDoc({ ...resident, movedOut })))
  await tx.collection(COLLECTIONS.idIndex).doc(residentIndexId(id)).remove()
  counts.add(resident.gridId, resident.roomId, -1)
}
