import type Database from 'better-sqlite3'
import type { PageOf, PageQuery } from '../../app/ports'
import { decodeCursor, pageSize, toPage, type SortKey } from '../paging'

// A list ordered newest first by (a number, id), the shape most SQLite lists here take: the
// first page from `first`, a later one from `after` with the cursor's key bound to the
// statement's own parameter name (`@created`, `@at`…) and `@id`. Both fetch limit + 1 rows
// so toPage knows whether a page follows.

export interface KeysetStatements<R> {
  first: Database.Statement<unknown[], R>
  after: Database.Statement<unknown[], R>
  /** the name `after` binds the cursor's number to */
  key: string
}

export function keysetPage<R, T>(
  s: KeysetStatements<R>, params: object, page: PageQuery, list: string, parse: (row: R) => T, keyOf: (item: T) => SortKey,
): PageOf<T> {
  const limit = pageSize(page.limit)
  const q = { ...params, limit: limit + 1 }
  let rows: R[]
  if (!page.cursor) rows = s.first.all(q)
  else {
    const [key, id] = decodeCursor(list, page.cursor, ['number', 'string'])
    rows = s.after.all({ ...q, [s.key]: key, id })
  }
  return toPage(rows.map(parse), limit, list, keyOf)
}
