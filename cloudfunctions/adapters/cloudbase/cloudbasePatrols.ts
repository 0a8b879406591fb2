import type { Db } from '@cloudbase/database'
import type { PageOf, PageQuery, Patrols } from '../../app/ports'
import type { Patrol } from '../../../shared/model'
import { decodeCursor, fetchSize, pageSize, toPage } from '../paging'
import { changeVersioned, createOnce } from './cases'
import { bodyOf, COLLECTIONS, fromDoc, toDoc } from './docs'
import { query, type SortField } from './keyset'
import { byId } from './reads'

// The patrol log (巡查打卡) on CloudBase: one document per patrol (_id = its id). A start is
// keyed by the caller's requestId in the idempotency collection, as a report's is (cases.ts
// createOnce); a check-in or the end is a versioned rewrite of the one document.

const NEWEST: SortField[] = [{ field: 'startedAt', dir: 'desc' }, { field: '_id', dir: 'desc' }]

export class CloudbasePatrols implements Patrols {
  constructor(private readonly db: Db) {}

  /** 2 transaction requests; writes: the key and the patrol. A replay: 1 read more (the key's owner), 1 read (the patrol). */
  async create(patrol: Patrol, requestKey: string | null): Promise<{ patrol: Patrol; created: boolean }> {
    const { id, created } = await createOnce(this.db, { requestKey, field: 'patrolId', id: patrol.id, createdAt: patrol.startedAt }, async (tx) => {
      await tx.collection(COLLECTIONS.patrols).add(toDoc(patrol))
    })
    if (created) return { patrol, created }
    const first = await this.get(id)
    if (!first) throw new Error(`patrol ${id} of request key ${requestKey} vanished`)
    return { patrol: first, created }
  }

  get(id: string): Promise<Patrol | null> {
    return byId<Patrol>(this.db, COLLECTIONS.patrols, id)
  }

  /** 1 read (index: userId, endedAt, startedAt ↓). */
  async openFor(userId: string): Promise<Patrol | null> {
    const docs = await query(this.db, COLLECTIONS.patrols, { userId, endedAt: null }, NEWEST, 1)
    return docs[0] ? fromDoc<Patrol>(docs[0]) : null
  }

  /** 2 transaction requests; 1 read (the version), 1 write. */
  save(patrol: Patrol, expectedVersion: number): Promise<boolean> {
    const record = { collection: COLLECTIONS.patrols, id: patrol.id, version: patrol.version, expectedVersion }
    return changeVersioned(this.db, record, async (tx) => {
      await tx.collection(COLLECTIONS.patrols).doc(patrol.id).set(bodyOf(toDoc(patrol)))
    })
  }

  /** 1 read (index: userId, startedAt ↓, _id ↓). */
  async listFor(userId: string, page: PageQuery): Promise<PageOf<Patrol>> {
    const limit = pageSize(page.limit)
    const key = page.cursor ? (decodeCursor('patrols', page.cursor, ['number', 'string']) as [number, string]) : undefined
    const docs = await query(this.db, COLLECTIONS.patrols, { userId }, NEWEST, fetchSize(limit), key)
    return toPage(docs.map((d) => fromDoc<Patrol>(d)), limit, 'patrols', (p) => [p.startedAt, p.id])
  }
}
