import type { Db } from '@cloudbase/database'
import type { FileRecord } from '../../app/ports'
import type { Community, Grid, Street, User } from '../../../shared/model'
import { geoDoc } from './cloudbaseReference'
import { bodyOf, COLLECTIONS, fileDocId, toDoc } from './docs'

// Writes of reference data for the store tests' seed and the wire tests: every record and
// photo record upserted by _id, so a re-run converges. Imports go through CloudbaseReference.

export interface ReferenceData { streets: Street[]; communities: Community[]; grids: Grid[]; users: User[]; files: FileRecord[] }

export async function upsertReference(db: Db, data: ReferenceData): Promise<void> {
  const put = (collection: string, doc: { _id: string }) => db.collection(collection).doc(doc._id).set(bodyOf(doc as never))
  for (const s of data.streets) await put(COLLECTIONS.streets, toDoc(s))
  for (const c of data.communities) await put(COLLECTIONS.communities, geoDoc(c))
  for (const g of data.grids) await put(COLLECTIONS.grids, geoDoc(g))
  for (const u of data.users) await put(COLLECTIONS.users, toDoc(u))
  for (const f of data.files) await put(COLLECTIONS.files, { _id: fileDocId(f.id), ...f })
}
