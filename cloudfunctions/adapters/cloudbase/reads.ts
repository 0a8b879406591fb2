import type { Db } from '@cloudbase/database'
import { chunks, fromDoc, type Doc } from './docs'

// The two reads every CloudBase port makes: one document by _id, and documents by a list
// of _ids (one `_id in [...]` query per 1,000).

export async function byId<T>(db: Db, collection: string, id: string, queryOnly: readonly string[] = []): Promise<T | null> {
  const res = await db.collection(collection).doc(id).get()
  const doc = (res.data as Doc[])[0]
  return doc ? fromDoc<T>(doc, queryOnly) : null
}

/** Documents by _id in the order asked, unknown ids skipped, 1,000 ids a query. */
export async function docsByIds(db: Db, collection: string, ids: string[]): Promise<Doc[]> {
  const unique = [...new Set(ids)]
  if (unique.length === 0) return []
  const _ = db.command
  const found: Doc[] = []
  for (const part of chunks(unique)) {
    const res = await db.collection(collection).where({ _id: _.in(part) }).limit(part.length).get()
    found.push(...(res.data as Doc[]))
  }
  const byKey = new Map(found.map((d) => [d._id, d]))
  return unique.flatMap((id) => byKey.get(id) ?? [])
}
