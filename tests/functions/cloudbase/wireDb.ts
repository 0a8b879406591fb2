import { COLLECTIONS } from '../../../cloudfunctions/adapters/cloudbase/docs'
import { errorReply, type CannedReply, type CaptureServer, type CapturedRequest, type Responder } from './captureServer'
import { useCaptureServer } from './sdkEnv'
import { evaluate, match, project, sortDocs, update, WireDbError, type Doc } from './wireDbQuery'

// A small in-memory document database that answers the node-sdk's `POST /admin` database
// requests (CloudBase has no emulator, TOOLCHAIN.md), for exactly the subset the adapters
// send: single documents by _id, where-queries with the operators in wireDbQuery.ts,
// orderBy/limit/skip/field, $set/$inc/$unset or a whole-document set, inserts of one or many
// documents, and transactions of single-document operations. Anything else answers
// WIRE_DB_UNSUPPORTED naming it, so a new adapter query fails a test instead of getting a
// quietly wrong answer. `failRequest` makes a chosen request fail, for crash tests.
//
// Transactions behave as CloudBase's (MongoDB's) do as far as the adapters can tell: reads
// see the snapshot taken at start plus the transaction's own writes; the first transaction
// to write a document holds it until it ends, and a second one writing it — or one writing
// a document committed after its snapshot — gets DATABASE_TRANSACTION_CONFLICT. A write
// outside any transaction to a document an open transaction holds would wait in CloudBase;
// that is not modelled and answers WIRE_DB_UNSUPPORTED.

export type RequestKind = 'read' | 'write' | 'transaction'
export interface DbRequest { action: string; collection: string | null; kind: RequestKind; transactionId?: string; error?: string }

/** The code a request made to fail with `failRequest` answers: no CloudBase code, so no adapter mistakes it for one it handles. */
export const INJECTED_FAILURE = 'WIRE_DB_INJECTED_FAILURE'
interface Failure { left: number; andAfter: boolean; matching: (r: DbRequest) => boolean; failing: boolean }

const KINDS: Record<string, RequestKind> = {
  'database.getDocument': 'read',
  'database.calculateDocument': 'read',
  'database.insertDocument': 'write',
  'database.modifyDocument': 'write',
  'database.removeDocument': 'write',
  'database.startTransaction': 'transaction',
  'database.commitTransaction': 'transaction',
  'database.abortTransaction': 'transaction',
}

/** One committed state of a document: null once removed. */
interface Version { seq: number; doc: Doc | null }
interface Transaction { id: string; startSeq: number; writes: Map<string, { collection: string; id: string; doc: Doc | null }>; open: boolean }

const ok = (data: object): CannedReply => ({ requestId: 'wiredb', data })
const key = (collection: string, id: string) => `${collection}/${id}`
const parse = (text: unknown, what: string) => {
  if (typeof text !== 'string') throw new WireDbError('WIRE_DB_UNSUPPORTED', `${what} that is not an EJSON string`)
  return evaluate(JSON.parse(text))
}

export class WireDb {
  /** every database request in arrival order, with what it was counted as */
  readonly requests: DbRequest[] = []
  private readonly collections: Map<string, Map<string, Version[]>>
  private readonly transactions = new Map<string, Transaction>()
  private readonly holders = new Map<string, string>()
  private seq = 0
  private ids = 0
  private failure: Failure | null = null

  /** The collections that exist, as docs/deploy.md creates them; others answer DATABASE_COLLECTION_NOT_EXIST. */
  constructor(collections: readonly string[] = Object.values(COLLECTIONS)) {
    this.collections = new Map(collections.map((c) => [c, new Map()]))
  }

  /** For CaptureServer.respond: answers every `database.*` request, leaves the rest (storage, open API) alone. */
  readonly responder: Responder = (req) => (req.action.startsWith('database.') ? this.handle(req) : undefined)

  handle(req: CapturedRequest): CannedReply {
    const body = req.body
    const record: DbRequest = { action: req.action, collection: body.collectionName ?? null, kind: KINDS[req.action] ?? 'read', ...(body.transactionId ? { transactionId: body.transactionId } : {}) }
    this.requests.push(record)
    if (this.fails(record)) {
      record.error = INJECTED_FAILURE
      return errorReply(INJECTED_FAILURE, `request ${this.requests.length} failed on purpose (failRequest)`)
    }
    try {
      return this.answer(req.action, body)
    } catch (err) {
      if (!(err instanceof WireDbError)) throw err
      record.error = err.code
      return errorReply(err.code, err.message)
    }
  }

  /** The committed documents of a collection, in insertion order. */
  docs(collection: string): Doc[] {
    return [...this.coll(collection).values()].flatMap((versions) => versions[versions.length - 1]?.doc ?? [])
  }

  count(kind: RequestKind): number {
    return this.requests.filter((r) => r.kind === kind).length
  }

  /**
   * The n-th database request from now (1 = the next; counting only those `matching` picks)
   * fails: answered with INJECTED_FAILURE and not applied, as a request lost on its way.
   * `andAfter`: every later request fails too, as if the function had died there. Lasts until
   * clearFailure().
   */
  failRequest(n: number, opts: { andAfter?: boolean; matching?: (r: DbRequest) => boolean } = {}): void {
    if (!Number.isInteger(n) || n < 1) throw new Error(`failRequest: n must be a whole number ≥ 1, not ${n}`)
    this.failure = { left: n, andAfter: opts.andAfter ?? false, matching: opts.matching ?? (() => true), failing: false }
  }

  private fails(r: DbRequest): boolean {
    const f = this.failure
    if (!f) return false
    if (f.failing) return f.andAfter
    if (!f.matching(r) || --f.left > 0) return false
    f.failing = true
    return true
  }

  clearFailure(): void {
    this.failure = null
  }

  private answer(action: string, body: Record<string, any>): CannedReply {
    switch (action) {
      case 'database.startTransaction': {
        const id = `wiredb-tx-${this.transactions.size + 1}`
        this.transactions.set(id, { id, startSeq: this.seq, writes: new Map(), open: true })
        return { requestId: 'wiredb', transactionId: id }
      }
      case 'database.commitTransaction':
        return this.finish(body.transactionId, true)
      case 'database.abortTransaction':
        return this.finish(body.transactionId, false)
      case 'database.getDocument':
        return ok({ list: this.get(body).map((d) => JSON.stringify(d)) })
      case 'database.calculateDocument':
        return ok({ total: this.select(body).length })
      case 'database.insertDocument':
        return ok({ insertedIds: this.insert(body) })
      case 'database.modifyDocument':
        return this.modify(body)
      case 'database.removeDocument': {
        const targets = this.targets(body)
        for (const doc of targets) this.write(body, doc._id, null)
        return ok({ deleted: targets.length })
      }
      default:
        throw new WireDbError('WIRE_DB_UNSUPPORTED', `action ${action}`)
    }
  }

  private coll(name: string): Map<string, Version[]> {
    const found = this.collections.get(name)
    if (!found) throw new WireDbError('DATABASE_COLLECTION_NOT_EXIST', `Db or Table not exist: ${name}`)
    return found
  }

  private tx(id: unknown): Transaction {
    const tx = typeof id === 'string' ? this.transactions.get(id) : undefined
    if (!tx || !tx.open) throw new WireDbError('WIRE_DB_UNSUPPORTED', `transaction ${String(id)}, which is unknown or already ended`)
    return tx
  }

  private finish(id: unknown, commit: boolean): CannedReply {
    const tx = this.tx(id)
    tx.open = false
    if (commit && tx.writes.size > 0) this.seq++
    for (const [k, w] of tx.writes) {
      this.holders.delete(k)
      if (commit) this.coll(w.collection).get(w.id)!.push({ seq: this.seq, doc: w.doc })
    }
    return { requestId: 'wiredb' }
  }

  /** A document as the request's reader sees it: inside a transaction, its snapshot and own writes. */
  private view(collection: string, id: string, tx: Transaction | null): Doc | null {
    const own = tx?.writes.get(key(collection, id))
    if (own) return own.doc
    const versions = this.coll(collection).get(id) ?? []
    const seen = tx ? versions.filter((v) => v.seq <= tx.startSeq) : versions
    return seen.length > 0 ? seen[seen.length - 1].doc : null
  }

  /** The documents a request names: one by _id (DOC), or every match of its query (WHERE). */
  private select(body: Record<string, any>): Doc[] {
    const collection = String(body.collectionName)
    const tx = body.transactionId ? this.tx(body.transactionId) : null
    const query = body.query === undefined ? {} : parse(body.query, 'a query')
    if (body.queryType === 'DOC') {
      const keys = Object.keys(query)
      if (keys.length !== 1 || keys[0] !== '_id' || typeof query._id !== 'string') throw new WireDbError('WIRE_DB_UNSUPPORTED', `a DOC query other than {_id: string}: ${body.query}`)
      const doc = this.view(collection, query._id, tx)
      return doc ? [doc] : []
    }
    // CloudBase transactions take only single-document operations (TOOLCHAIN.md)
    if (tx) throw new WireDbError('DATABASE_REQUEST_FAILED', `a ${body.queryType ?? 'WHERE'} query inside transaction ${tx.id}: transactions allow single documents by _id only`)
    return [...this.coll(collection).keys()].flatMap((id) => this.view(collection, id, null) ?? []).filter((d) => match(d, query))
  }

  private get(body: Record<string, any>): Doc[] {
    let docs = this.select(body)
    if (body.order !== undefined) docs = sortDocs(docs, parse(body.order, 'an order'))
    const offset = Number(body.offset ?? 0)
    // the server returns at most 1,000 documents a query; the SDK asks for 100 when told nothing
    docs = docs.slice(offset, offset + Math.min(Number(body.limit ?? 100), 1000))
    return body.projection === undefined ? docs : docs.map((d) => project(d, parse(body.projection, 'a projection')))
  }

  private targets(body: Record<string, any>): Doc[] {
    const found = this.select(body)
    return body.queryType === 'WHERE' && body.multi !== true ? found.slice(0, 1) : found
  }

  // collection.add(doc | docs) sends one request whatever the count: `data` holds one EJSON
  // string per document, and the SDK reads `data.insertedIds` back, in order (captured from
  // node_modules/@cloudbase/database collection.js `add`; tests/functions/store/contract/mapImport.ts
  // sends hundreds at once). Many documents go in in order and stop at the first duplicate,
  // the ones before it kept, as MongoDB's ordered insertMany does: CloudBase documents no
  // other behaviour. Inside a transaction only one document an insert is modelled: CloudBase
  // transactions take single-record operations (TOOLCHAIN.md; WeChat's Database.startTransaction).
  private insert(body: Record<string, any>): string[] {
    const data = body.data as unknown[]
    const tx = body.transactionId ? this.tx(body.transactionId) : null
    if (!Array.isArray(data) || data.length === 0) throw new WireDbError('WIRE_DB_UNSUPPORTED', 'insertDocument with no documents')
    if (tx && data.length !== 1) throw new WireDbError('WIRE_DB_UNSUPPORTED', `insertDocument with ${data.length} documents inside transaction ${tx.id} (one at a time is modelled)`)
    return data.map((text) => this.insertOne(body, parse(text, 'a document') as Doc, tx))
  }

  private insertOne(body: Record<string, any>, doc: Doc, tx: Transaction | null): string {
    const id = doc._id ?? `wiredb${String(++this.ids).padStart(8, '0')}`
    if (typeof id !== 'string') throw new WireDbError('WIRE_DB_UNSUPPORTED', `an _id that is not a string: ${JSON.stringify(id)}`)
    this.check(String(body.collectionName), id, tx)
    if (this.view(String(body.collectionName), id, tx)) {
      throw new WireDbError('DATABASE_DUPLICATE_WRITE', `E11000 duplicate key error collection: ${body.collectionName} index: _id_ dup key: { _id: "${id}" }`)
    }
    this.write(body, id, update({ _id: id }, doc, false))
    return id
  }

  private modify(body: Record<string, any>): CannedReply {
    const data = parse(body.data, 'update data')
    const targets = this.targets(body)
    let updated = 0
    for (const doc of targets) {
      const next = update(doc, data, body.merge !== false)
      // like MongoDB's nModified: a write that changes nothing is not counted
      if (JSON.stringify(next) !== JSON.stringify(doc)) updated++
      this.write(body, doc._id, next)
    }
    if (targets.length === 0 && body.upsert === true) {
      if (body.queryType !== 'DOC' || body.merge !== false) throw new WireDbError('WIRE_DB_UNSUPPORTED', 'an upsert other than doc(id).set()')
      const id = parse(body.query, 'a query')._id as string
      this.write(body, id, update({ _id: id }, data, false))
      return ok({ updated: 0, upsert_id: id })
    }
    return ok({ updated, upsert_id: null })
  }

  /** Throws when the request may not write the document: another transaction holds it, or it changed since the snapshot. */
  private check(collection: string, id: string, tx: Transaction | null) {
    const k = key(collection, id)
    const holder = this.holders.get(k)
    if (!tx) {
      if (holder) throw new WireDbError('WIRE_DB_UNSUPPORTED', `a write outside a transaction to ${k}, which open transaction ${holder} holds (CloudBase would wait for it)`)
      return
    }
    const versions = this.coll(collection).get(id) ?? []
    const changedSince = versions.length > 0 && versions[versions.length - 1].seq > tx.startSeq
    if ((holder && holder !== tx.id) || changedSince) {
      throw new WireDbError('DATABASE_TRANSACTION_CONFLICT', `write conflict on ${k} in transaction ${tx.id}`)
    }
  }

  /** Writes now, or for a transaction holds the document and keeps the write until commit. */
  private write(body: Record<string, any>, id: string, doc: Doc | null) {
    const collection = String(body.collectionName)
    const tx = body.transactionId ? this.tx(body.transactionId) : null
    this.check(collection, id, tx)
    const versions = this.coll(collection).get(id) ?? []
    this.coll(collection).set(id, versions)
    if (tx) {
      this.holders.set(key(collection, id), tx.id)
      tx.writes.set(key(collection, id), { collection, id, doc })
    } else {
      versions.push({ seq: ++this.seq, doc })
    }
  }
}

// The wire database of the test file that called useWireDb (each jest file has its own
// modules), for suites shared with other stores (tests/functions/store/contract) that also
// state what reaches the wire when the store under test is on it.
let usedInThisFile = false
let current: WireDb | null = null

/** Whether this test file answers the SDK with a wire database; known when its tests are defined. */
export const wireDbInUse = () => usedInThisFile

/** The running test's wire database (useWireDb), or null outside one. */
export const currentWireDb = () => current

/** For a test file: the SDKs pointed at a capture server that a fresh, empty WireDb answers in every test. */
export function useWireDb(): { readonly server: CaptureServer; readonly db: WireDb } {
  const cap = useCaptureServer()
  let db: WireDb | null = null
  usedInThisFile = true
  beforeEach(() => {
    db = new WireDb()
    current = db
    cap.server.respond(db.responder)
  })
  afterEach(() => {
    current = null
  })
  return {
    get server() {
      return cap.server
    },
    get db() {
      if (!db) throw new Error('wire database used outside a test')
      return db
    },
  }
}
