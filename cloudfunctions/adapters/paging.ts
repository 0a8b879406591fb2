import type { PageOf } from '../app/ports'

// Keyset paging: the cursor is the last row's sort key, base64url-encoded JSON, tagged
// with the list it belongs to. Unlike OFFSET it neither skips nor repeats rows when new
// ones arrive between pages, and it costs the same on page 50 as on page 1.

export type SortKey = (string | number | null)[]

// Shared by both stores, so a cursor means the same on each and the contract suites can
// compare them. CloudBase's server SDK returns at most 1,000 documents a query; both cap alike.
export const MAX_PAGE = 1000

/** A cursor the caller sent back altered or from another list: the caller's situation. */
export class InvalidCursorError extends Error {
  readonly code = 'VALIDATION' as const
  readonly fields = { cursor: '翻页位置无效，请刷新列表后重试' }
  constructor() {
    super('翻页位置无效，请刷新列表后重试')
    this.name = 'InvalidCursorError'
  }
}

export function encodeCursor(list: string, key: SortKey): string {
  return Buffer.from(JSON.stringify([list, ...key]), 'utf8').toString('base64url')
}

/** Decodes a cursor of `list` whose key has these element types ('number?' allows null). */
export function decodeCursor(list: string, cursor: string, types: ('string' | 'number' | 'number?')[]): SortKey {
  let parsed: unknown
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'))
  } catch {
    throw new InvalidCursorError()
  }
  if (!Array.isArray(parsed) || parsed[0] !== list || parsed.length !== types.length + 1) throw new InvalidCursorError()
  const key = parsed.slice(1) as SortKey
  const fits = types.every((t, i) => {
    const v = key[i]
    if (t === 'number?') return v === null || Number.isFinite(v)
    return t === 'number' ? Number.isFinite(v) : typeof v === 'string'
  })
  if (!fits) throw new InvalidCursorError()
  return key
}

/**
 * The page size to fetch: a larger limit is cut to MAX_PAGE (the cursor then leads on);
 * a size below 1 or fractional is a bug in the caller, so it fails loudly.
 */
export function pageSize(limit: number): number {
  if (!Number.isInteger(limit) || limit < 1) throw new RangeError(`page limit must be a positive integer, got ${limit}`)
  return Math.min(limit, MAX_PAGE)
}

/**
 * A page of `limit` items from rows fetched with limit + 1, so the next page is known
 * without a count query. At the 1,000 cap the extra row cannot be fetched (CloudBase): a
 * full page then always has a cursor, and the page after it may be empty.
 */
export function toPage<T>(rows: T[], limit: number, list: string, keyOf: (item: T) => SortKey): PageOf<T> {
  const items = rows.slice(0, limit)
  const last = items[items.length - 1]
  const more = rows.length > limit || (limit >= MAX_PAGE && rows.length === limit)
  return { items, nextCursor: more && last ? encodeCursor(list, keyOf(last)) : null }
}

/** How many rows to fetch for a page of `limit`: one more, within the cap. */
export const fetchSize = (limit: number) => Math.min(limit + 1, MAX_PAGE)

/** Records fetched by an id list come back in the caller's order, missing ids skipped. */
export function inOrder<T extends { id: string }>(ids: string[], found: T[]): T[] {
  const byId = new Map(found.map((x) => [x.id, x]))
  return [...new Set(ids)].flatMap((id) => byId.get(id) ?? [])
}
