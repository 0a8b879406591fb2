import type { Db } from '@cloudbase/database'
import { MAX_PAGE } from '../paging'
import type { Doc } from './docs'

// Keyset paging on the document database: a query returns at most 1,000 documents
// (TOOLCHAIN.md), so every list walks on from the last sort key it saw rather than with
// skip(), which re-reads what it skips. Cursors share the SQLite store's format.

export type Direction = 'asc' | 'desc'
export interface SortField { field: string; dir: Direction }

/** Documents strictly after `key` in the order `fields`: (a > x) or (a = x and b > y) or ... */
export function after(db: Db, fields: SortField[], key: (string | number)[]): object {
  const _ = db.command
  const branches = fields.map((f, i) => {
    const branch: Record<string, unknown> = {}
    fields.slice(0, i).forEach((earlier, j) => (branch[earlier.field] = key[j]))
    branch[f.field] = f.dir === 'asc' ? _.gt(key[i]) : _.lt(key[i])
    return branch
  })
  return branches.length === 1 ? branches[0] : _.or(branches)
}

/** Runs one page query: `where` ∧ after(cursor), ordered by `fields`, at most `size` documents. */
export async function query(db: Db, collection: string, where: object, fields: SortField[], size: number, cursorKey?: (string | number)[]): Promise<Doc[]> {
  const _ = db.command
  const condition = cursorKey ? _.and([where, after(db, fields, cursorKey)]) : where
  let q = db.collection(collection).where(condition)
  for (const f of fields) q = q.orderBy(f.field, f.dir)
  const res = await q.limit(size).get()
  return res.data as Doc[]
}

/** Every document matching `where`, walked by _id in pages of 1,000. */
export async function readAll(db: Db, collection: string, where: object = {}): Promise<Doc[]> {
  const out: Doc[] = []
  const byId: SortField[] = [{ field: '_id', dir: 'asc' }]
  let last: string | undefined
  for (;;) {
    const page = await query(db, collection, where, byId, MAX_PAGE, last === undefined ? undefined : [last])
    out.push(...page)
    if (page.length < MAX_PAGE) return out
    last = page[page.length - 1]._id
  }
}
