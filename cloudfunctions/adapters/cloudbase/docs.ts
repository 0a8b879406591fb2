import { createHash } from 'node:crypto'
import type { Db } from '@cloudbase/database'

// Records ⇄ CloudBase documents. A record's id is the document's _id, so every read and
// write of one record is a single-document operation by _id, the only kind a CloudBase
// transaction allows. Fields that exist only for queries (sort keys, openid) are added on
// write and dropped on read, so records come back exactly as they went in.

export const COLLECTIONS = {
  users: 'users',
  /** one document per WeChat openid → user id; _id uniqueness decides a first-call race */
  identities: 'identities',
  grids: 'grids',
  communities: 'communities',
  streets: 'streets',
  files: 'files',
  reports: 'reports',
  tasks: 'tasks',
  messages: 'messages',
  /** one document per request key: a create claims it first, inside its transaction */
  idempotency: 'idempotency',
  /** subscription-message grants per user and template */
  grants: 'grants',
  /** every push attempt and its outcome, one document per message */
  pushes: 'pushes',
  /** single documents of the deployment: the grid map's generation, the field-key canary (meta/field_key_canary) and, without GRIDLINK_SECRET, the keyed-hash secret */
  meta: 'meta',
  /** abuse-limit counters, one per key, rule and time window */
  limits: 'limits',
  /** staff binding codes, one per staff member (_id = staff id), kept as a keyed hash */
  bindingCodes: 'bindingCodes',
  /** the building registry: one document per building, its rooms inside it (cloudbaseBuildings.ts) */
  buildings: 'buildings',
  /** residence declarations, one document per declaration (_id = id); ID numbers and phones sealed (cloudbaseDeclarations.ts) */
  declarations: 'declarations',
  /** the population register: one document per resident (_id = the declared person's id) */
  residents: 'residents',
  /** one document per ID-number blind index and the current resident or open declaration holding it */
  idIndex: 'id_index',
  /** the register's counts per grid (_id = grid id), kept by the transactions that move residents */
  registerCounts: 'register_counts',
  /** every unmasked read of personal data: inserted, never changed or removed (cloudbaseAudit.ts) */
  auditLog: 'audit_log',
  /** the 工单编号 handed out, one counter per day (_id = YYYYMMDD, `seq` = the last number; caseSequences.ts) */
  caseSequences: 'case_sequences',
  /** volunteers' points, one entry per case (_id = the report's id; cloudbasePoints.ts) */
  pointsEntries: 'points_entries',
  /** a volunteer's points per community (_id = `<communityId>:<userId>`), kept by each grant's transaction: the leaderboard */
  pointsTotals: 'points_totals',
  /** volunteers' patrol log (巡查打卡), one document per patrol (_id = id) */
  patrols: 'patrols',
} as const

export type Doc = Record<string, any> & { _id: string }

/** A record as a document: id → _id, plus any query-only fields. */
export function toDoc<T extends { id: string }>(record: T, extra: Record<string, unknown> = {}): Doc {
  const { id, ...rest } = record
  return { _id: id, ...rest, ...extra }
}

/** A document as a record: _id → id; `_openid` (set by client writes) and query-only fields dropped. */
export function fromDoc<T>(doc: Doc, queryOnly: readonly string[] = []): T {
  const { _id, _openid, ...rest } = doc
  for (const field of queryOnly) delete rest[field]
  return { id: _id, ...rest } as T
}

/** The document body for `doc(id).set()`, which refuses a body that names _id. */
export function bodyOf(doc: Doc): Record<string, unknown> {
  const { _id, ...body } = doc
  return body
}

/** The _id of a file record: file ids are `cloud://` URLs, kept out of _id as they are. */
export const fileDocId = (fileId: string) => `f${createHash('sha256').update(fileId).digest('hex').slice(0, 40)}`

/** Error codes of the CloudBase database (docs.cloudbase.net/error-code). */
export const isConflict = (err: unknown) => (err as { code?: string })?.code === 'DATABASE_TRANSACTION_CONFLICT'
export const isDuplicate = (err: unknown) => (err as { code?: string })?.code === 'DATABASE_DUPLICATE_WRITE'

/** Backoff between transaction attempts: CloudBase advises 3–5 retries with exponential waits. */
export const TX_ATTEMPTS = 5
export const backoff = (attempt: number) => new Promise((resolve) => setTimeout(resolve, 10 * 2 ** attempt + Math.random() * 10))

/** The part of a transaction the adapters use; the SDK types it as `any`. */
export interface Transaction {
  collection(name: string): ReturnType<Db['collection']>
  commit(): Promise<unknown>
  rollback(reason?: unknown): Promise<unknown>
}

export const startTransaction = (db: Db): Promise<Transaction> => db.startTransaction()

/** Ends a failed transaction; a rollback that fails too is left to the server's timeout. */
export async function abandon(tx: Transaction | null): Promise<void> {
  try {
    await tx?.rollback()
  } catch {
    // the server aborts an unfinished transaction on its own
  }
}

/** Splits ids for `_id in [...]` queries, which return at most 1,000 documents. */
export function chunks<T>(items: T[], size = 1000): T[][] {
  const out: T[][] = []
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size))
  return out
}
