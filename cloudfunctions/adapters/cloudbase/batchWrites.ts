import type { Db } from '@cloudbase/database'
import { chunks, type Doc } from './docs'

// Writes of many documents in few requests. `collection.add([...])` sends every document it
// is given in one insertDocument request, and `where({_id: _.in(ids)}).remove()` removes
// every match in one (node_modules/@cloudbase/database collection.js, query.js). The SDK
// sets no limit on either; the limits below are ours:
// - at most 1,000 documents an insert, as a query returns and `_.in` takes (docs.ts chunks);
// - at most 1 MiB of JSON an insert. CloudBase documents no request size; its own team
//   measured about 5 MB a write from a function (cloud.tencent.cn/developer/article/2448792),
//   and the EJSON the SDK sends wraps the few plain numbers of a map document in type tags.
// Every request counts against the database's requests a second (30 on the base tier,
// docs/capacity.md), so fewer, larger batches leave more of it to everyone else.

export const MAX_BATCH_DOCS = 1000
export const MAX_BATCH_BYTES = 1024 * 1024

/** Documents in insert order, cut where a batch would pass either limit; a document larger than a batch goes alone. */
export function batches(docs: Doc[], maxDocs = MAX_BATCH_DOCS, maxBytes = MAX_BATCH_BYTES): Doc[][] {
  const out: Doc[][] = []
  let batch: Doc[] = []
  let bytes = 0
  for (const doc of docs) {
    const size = Buffer.byteLength(JSON.stringify(doc))
    if (batch.length > 0 && (batch.length >= maxDocs || bytes + size > maxBytes)) {
      out.push(batch)
      batch = []
      bytes = 0
    }
    batch.push(doc)
    bytes += size
  }
  if (batch.length > 0) out.push(batch)
  return out
}

/** Inserts new documents (their _ids must be free), one request a batch. */
export async function insertAll(db: Db, collection: string, docs: Doc[]): Promise<void> {
  for (const batch of batches(docs)) await db.collection(collection).add(batch)
}

/** Removes documents by _id, one request per 1,000 ids. */
export async function removeAll(db: Db, collection: string, ids: string[]): Promise<void> {
  const _ = db.command
  for (const part of chunks([...new Set(ids)])) await db.collection(collection).where({ _id: _.in(part) }).remove()
}
