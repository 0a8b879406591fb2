import type { Db } from '@cloudbase/database'
import { MAX_PAGE } from '../paging'
import { chunks, fromDoc, type Doc } from './docs'
import { readAll } from './keyset'
import { committedIn, MAP_MARKER_ID, recordOf, STAMP_FIELD, versionRange, visibleAt } from './mapDocs'

// The reads every CloudBase port makes: one document by _id, and documents by a list of
// _ids (one `_id in [...]` query per 1,000); and the grid map's records, which are versions
// (mapDocs.ts): one record is one query that brings its versions and its collection's marker
// together, a whole collection is the walk it was before versions.

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

/** One map record as its collection's committed generation shows it: one query, by _id only. */
export async function mapRecord<T extends { id: string }>(db: Db, collection: string, id: string): Promise<T | null> {
  const _ = db.command
  const { from, before } = versionRange(id)
  // a record keeps few versions (the import cleans up), far below the query's default 100
  const res = await db.collection(collection).where(_.or([{ _id: _.in([MAP_MARKER_ID, id]) }, _.and([{ _id: _.gte(from) }, { _id: _.lt(before) }])])).get()
  const docs = (res.data as Doc[]).filter((d) => d._id === MAP_MARKER_ID || (d[STAMP_FIELD]?.id ?? d._id) === id)
  const [shown] = visibleAt(docs, committedIn(docs))
  return shown ? recordOf<T>(shown) : null
}

/** Every record of a map collection as its committed generation shows it, in id order. */
export async function mapRecords<T extends { id: string }>(db: Db, collection: string): Promise<T[]> {
  const docs = await readAll(db, collection)
  return visibleAt(docs, committedIn(docs)).map((d) => recordOf<T>(d))
}

/** A map collection's documents with their stamps only (for an import's clean-up), walked by _id. */
export async function mapStamps(db: Db, collection: string): Promise<Doc[]> {
  const _ = db.command
  const out: Doc[] = []
  for (;;) {
    const last = out[out.length - 1]?._id
    const page = await db.collection(collection).where(last === undefined ? {} : { _id: _.gt(last) }).orderBy('_id', 'asc').field({ [STAMP_FIELD]: true }).limit(MAX_PAGE).get()
    out.push(...(page.data as Doc[]))
    if (page.data.length < MAX_PAGE) return out
  }
}
