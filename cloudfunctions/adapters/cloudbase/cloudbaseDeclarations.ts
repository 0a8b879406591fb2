import type { Db } from '@cloudbase/database'
import type { DeclarationChange, Declarations, IdMatches, NewDeclaration, PageOf, PageQuery, RegisterCounts } from '../../app/ports'
import { OPEN_DECLARATION_STATUSES, type DeclarationStatus } from '../../../shared/declarations/words'
import type { Declaration, Resident } from '../../../shared/model'
import { decodeCursor, fetchSize, MAX_PAGE, pageSize, toPage } from '../paging'
import { declarationFromDoc, declarationToDoc, isOpen, registerState, residentFromDoc, residentToDoc, type IndexDoc } from './declarationDocs'
import { createDeclaration, saveDeclarationChange } from './declarationWrites'
import { bodyOf, COLLECTIONS, type Doc } from './docs'
import { query, type SortField } from './keyset'
import { docsByIds } from './reads'
import { countsOf } from './registerCounts'
import { UNDATED } from './taskDocs'

// Declarations and the population register on the CloudBase document database. The writes
// that must land whole are transactions (declarationWrites.ts); each list runs on one index
// (docs/deploy.md) and pages with the SQLite store's cursors. The cost of each method is in
// database requests, against the base tier's 50,000 reads and 30,000 writes a day.

const SETTLED: DeclarationStatus[] = ['rejected', 'withdrawn']
const BY_DEADLINE: SortField[] = [{ field: 'dueKey', dir: 'asc' }, { field: 'createdAt', dir: 'asc' }, { field: '_id', dir: 'asc' }]
const NEWEST: SortField[] = [{ field: 'createdAt', dir: 'desc' }, { field: '_id', dir: 'desc' }]
const BY_NAME: SortField[] = [{ field: 'name', dir: 'asc' }, { field: '_id', dir: 'asc' }]
const BY_ROOM: SortField[] = [{ field: 'roomId', dir: 'asc' }, ...BY_NAME]
// rooms in address order (registerOrder: building, unit, room with numbers as numbers)
const REGISTER: SortField[] = [{ field: 'registerOrder', dir: 'asc' }, ...BY_ROOM]

/** Every document of an ordered list, a page of 1,000 a read (a room or a household has a handful). */
async function readAllIn(db: Db, collection: string, where: object, fields: SortField[]): Promise<Doc[]> {
  const out: Doc[] = []
  for (;;) {
    const last = out[out.length - 1]
    const page = await query(db, collection, where, fields, MAX_PAGE, last && fields.map((f) => last[f.field]))
    out.push(...page)
    if (page.length < MAX_PAGE) return out
  }
}

export interface CloudbaseDeclarationsOptions {
  /** the least time between two of the retention job's writes: 50 ms keeps it to 20 requests a second */
  anonymiseGapMs: number
}

export class CloudbaseDeclarations implements Declarations {
  constructor(private readonly db: Db, private readonly opts: CloudbaseDeclarationsOptions = { anonymiseGapMs: 50 }) {}

  /** See createDeclaration: 2 + n + m writes in one transaction. */
  create(input: NewDeclaration) {
    return createDeclaration(this.db, input)
  }

  /** 1 read. */
  async get(id: string): Promise<Declaration | null> {
    const doc = ((await this.db.collection(COLLECTIONS.declarations).doc(id).get()).data as Doc[])[0]
    return doc ? declarationFromDoc(doc) : null
  }

  /** 1 read per 1,000 ids; none for none. */
  async getMany(ids: string[]): Promise<Declaration[]> {
    return (await docsByIds(this.db, COLLECTIONS.declarations, ids)).map(declarationFromDoc)
  }

  /** 1 read (index: declarantId, createdAt ↓, _id ↓). */
  async listByDeclarant(userId: string, page: PageQuery): Promise<PageOf<Declaration>> {
    const limit = pageSize(page.limit)
    const key = page.cursor ? (decodeCursor('declarations', page.cursor, ['number', 'string']) as [number, string]) : undefined
    const docs = await query(this.db, COLLECTIONS.declarations, { declarantId: userId }, NEWEST, fetchSize(limit), key)
    return toPage(docs.map(declarationFromDoc), limit, 'declarations', (d) => [d.createdAt, d.id])
  }

  /**
   * 1 read; none with no grid and no assignee. Each side of the `or` has its index (gridId …
   * and assigneeId, status, dueKey, createdAt, _id), as the inbox's (inbox.ts).
   */
  async listOpen(gridIds: string[], page: PageQuery, alsoAssignedTo?: string): Promise<PageOf<Declaration>> {
    const limit = pageSize(page.limit)
    const _ = this.db.command
    const open = _.in([...OPEN_DECLARATION_STATUSES])
    const sides = [...(gridIds.length > 0 ? [{ gridId: _.in(gridIds), status: open }] : []), ...(alsoAssignedTo === undefined ? [] : [{ assigneeId: alsoAssignedTo, status: open }])]
    if (sides.length === 0) return { items: [], nextCursor: null }
    let key: (string | number)[] | undefined
    if (page.cursor) {
      const [due, created, id] = decodeCursor('verifications', page.cursor, ['number?', 'number', 'string'])
      key = [due ?? UNDATED, created as number, id as string]
    }
    const docs = await query(this.db, COLLECTIONS.declarations, sides.length === 1 ? sides[0] : _.or(sides), BY_DEADLINE, fetchSize(limit), key)
    return toPage(docs.map(declarationFromDoc), limit, 'verifications', (d) => [d.dueAt, d.createdAt, d.id])
  }

  /** See saveDeclarationChange: 1 read and 1 write, plus per person and per message. */
  saveChange(change: DeclarationChange): Promise<boolean> {
    return saveDeclarationChange(this.db, change)
  }

  /** 1 read (index: roomId, state, name, _id). */
  async roomResidents(roomId: string): Promise<Resident[]> {
    return (await readAllIn(this.db, COLLECTIONS.residents, { roomId, state: 'current' }, BY_NAME)).map(residentFromDoc)
  }

  /** 1 read per 1,000 ids; none for none. */
  async getResidents(ids: string[]): Promise<Resident[]> {
    return (await docsByIds(this.db, COLLECTIONS.residents, ids)).map(residentFromDoc)
  }

  /** 1 read (index: declarantId, state, roomId, name, _id). */
  async residentsDeclaredBy(userId: string): Promise<Resident[]> {
    return (await readAllIn(this.db, COLLECTIONS.residents, { declarantId: userId, state: 'current' }, BY_ROOM)).map(residentFromDoc)
  }

  /**
   * At most 3 reads: the index documents holding these blind indexes (index: index), then
   * their residents and their declarations by _id, each only when there are some. The index
   * documents decide; the state check only keeps a stale one (a bug) from showing.
   */
  async findByIdIndexes(indexes: string[]): Promise<IdMatches> {
    const wanted = [...new Set(indexes.filter((i) => i !== ''))]
    if (wanted.length === 0) return { residents: [], declarations: [] }
    const _ = this.db.command
    const res = await this.db.collection(COLLECTIONS.idIndex).where({ index: _.in(wanted) }).limit(MAX_PAGE).get()
    const holders = res.data as IndexDoc[]
    const idsOf = (kind: IndexDoc['ownerKind']) => [...new Set(holders.filter((h) => h.ownerKind === kind).map((h) => h.ownerId))].sort()
    const residents = (await docsByIds(this.db, COLLECTIONS.residents, idsOf('resident'))).map(residentFromDoc).filter((r) => registerState(r) === 'current')
    const declarations = (await docsByIds(this.db, COLLECTIONS.declarations, idsOf('declaration'))).map(declarationFromDoc).filter(isOpen)
    return { residents, declarations }
  }

  /** 1 read (index: gridId, state, buildingId, roomId, name, _id). */
  async listRegister(where: { gridId: string; buildingId?: string; movedOut: boolean }, page: PageQuery): Promise<PageOf<Resident>> {
    const limit = pageSize(page.limit)
    const list = where.movedOut ? 'moves' : 'register'
    const key = page.cursor ? (decodeCursor(list, page.cursor, ['string', 'string', 'string', 'string']) as string[]) : undefined
    const filter = { gridId: where.gridId, state: where.movedOut ? 'moved_out' : 'current', ...(where.buildingId === undefined ? {} : { buildingId: where.buildingId }) }
    const docs = await query(this.db, COLLECTIONS.residents, filter, REGISTER, fetchSize(limit), key)
    return toPage(docs.map(residentFromDoc), limit, list, (r) => [r.registerOrder, r.roomId, r.name, r.id])
  }

  /** 1 read per 1,000 grids, whatever their size (registerCounts.ts); none for none. */
  async registerCounts(gridIds: string[]): Promise<Map<string, RegisterCounts>> {
    const docs = await docsByIds(this.db, COLLECTIONS.registerCounts, gridIds)
    return new Map(docs.flatMap((d) => {
      const counts = countsOf(d)
      return counts ? [[d._id, counts] as const] : []
    }))
  }

  /**
   * 2 reads: moved-out residents by the time the move-out was verified (index: state,
   * movedOut.at, _id) and settled declarations by their last change (index: status,
   * anonymisedAt, updatedAt, _id).
   */
  async listExpired(before: number, limit: number): Promise<{ residents: Resident[]; declarations: Declaration[] }> {
    const size = pageSize(limit)
    const _ = this.db.command
    const residents = await query(this.db, COLLECTIONS.residents, { state: 'moved_out', 'movedOut.at': _.lt(before) }, [{ field: 'movedOut.at', dir: 'asc' }, { field: '_id', dir: 'asc' }], size)
    const declarations = await query(
      this.db, COLLECTIONS.declarations, { status: _.in(SETTLED), anonymisedAt: null, updatedAt: _.lt(before) },
      [{ field: 'updatedAt', dir: 'asc' }, { field: '_id', dir: 'asc' }], size,
    )
    return { residents: residents.map(residentFromDoc), declarations: declarations.map(declarationFromDoc) }
  }

  /**
   * 1 write per record, no read and no transaction: the records are settled (no one else
   * writes them), each write replaces one document whole, and a run that stops part way is
   * finished by the next, which finds the rest still expired. They hold no index documents:
   * those went when the resident moved out or the declaration closed. The writes are spaced
   * (at most one per `anonymiseGapMs`): a batch is a few hundred of them, back to back they
   * would take the whole environment's 30 requests a second, and requests past that fail.
   */
  async saveAnonymised(records: { residents: Resident[]; declarations: Declaration[] }): Promise<void> {
    const docs = [...records.residents.map((r) => [COLLECTIONS.residents, residentToDoc(r)] as const), ...records.declarations.map((d) => [COLLECTIONS.declarations, declarationToDoc(d)] as const)]
    let last = -Infinity
    for (const [collection, doc] of docs) {
      const wait = last + this.opts.anonymiseGapMs - Date.now()
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait))
      last = Date.now()
      await this.db.collection(collection).doc(doc._id).set(bodyOf(doc))
    }
  }
}
