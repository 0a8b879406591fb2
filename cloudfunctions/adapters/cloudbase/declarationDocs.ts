import { OPEN_DECLARATION_STATUSES } from '../../../shared/declarations/words'
import type { Declaration, Resident } from '../../../shared/model'
import { fromDoc, toDoc, type Doc } from './docs'
import { UNDATED } from './taskDocs'

// Declarations, residents and the blind-index lookup as CloudBase documents (docs/deploy.md
// lists their indexes). Each record is its document, _id = its id; the fields kept beside it
// exist only for queries and are dropped on read.

/** A declaration's sort key for the verification list: its deadline, or the largest date when it waits on the declarant. */
const DECLARATION_QUERY_FIELDS = ['dueKey'] as const
export const declarationToDoc = (d: Declaration): Doc => toDoc(d, { dueKey: d.dueAt ?? UNDATED })
export const declarationFromDoc = (doc: Doc) => fromDoc<Declaration>(doc, DECLARATION_QUERY_FIELDS)

/**
 * Where a resident stands in the register, as one field the register's lists filter on
 * (`movedOut` is an object or null, which an index serves less well than a word): current,
 * moved out (the "moves" list, until retention), or anonymised (listed nowhere).
 */
export type RegisterState = 'current' | 'moved_out' | 'anonymised'
export const registerState = (r: Resident): RegisterState => (r.anonymisedAt !== null ? 'anonymised' : r.movedOut !== null ? 'moved_out' : 'current')
const RESIDENT_QUERY_FIELDS = ['state'] as const
export const residentToDoc = (r: Resident): Doc => toDoc(r, { state: registerState(r) })
export const residentFromDoc = (doc: Doc) => fromDoc<Resident>(doc, RESIDENT_QUERY_FIELDS)

export const isOpen = (d: Pick<Declaration, 'status' | 'anonymisedAt'>) => OPEN_DECLARATION_STATUSES.includes(d.status) && d.anonymisedAt === null

/**
 * id_index documents: one per ID number's blind index and its holder, so the duplicate and
 * conflict check is one `index in [...]` query. They exist only while the holder is current
 * (a resident not moved out, a declaration pending or waiting for more); the transaction that
 * ends that state removes them. The _id names the holder, not the index, so removing them
 * needs no read: `r:<resident id>`, `d:<declaration id>:<person id>`.
 */
export interface IndexDoc extends Doc { index: string; ownerKind: 'resident' | 'declaration'; ownerId: string; roomId: string }

export function declarationIndexDocs(d: Declaration): IndexDoc[] {
  if (!isOpen(d)) return []
  return d.persons
    .filter((p) => p.idNumber.index !== '')
    .map((p) => ({ _id: `d:${d.id}:${p.id}`, index: p.idNumber.index, ownerKind: 'declaration', ownerId: d.id, roomId: d.roomId }))
}

export const residentIndexId = (residentId: string) => `r:${residentId}`

export function residentIndexDoc(r: Resident): IndexDoc | null {
  if (registerState(r) !== 'current' || r.idNumber.index === '') return null
  return { _id: residentIndexId(r.id), index: r.idNumber.index, ownerKind: 'resident', ownerId: r.id, roomId: r.roomId }
}
