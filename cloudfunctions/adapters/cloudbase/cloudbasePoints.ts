import type { Db } from '@cloudbase/database'
import type { PageOf, PageQuery, Points } from '../../app/ports'
import type { Message, PointsEntry } from '../../../shared/model'
import { decodeCursor, fetchSize, MAX_PAGE, pageSize, toPage } from '../paging'
import { addAll, messageDocs } from './cases'
import { abandon, backoff, COLLECTIONS, fromDoc, isConflict, isDuplicate, startTransaction, toDoc, TX_ATTEMPTS, type Doc, type Transaction } from './docs'
import { query, type SortField } from './keyset'
import { byId } from './reads'

// Volunteers' points on CloudBase: one entry per case (points_entries, _id = the report's id,
// so a second grant of a case fails on the duplicate _id and answers the stored one), and per
// community and person a totals document (points_totals) that the grant's transaction keeps.
// The server SDK's aggregate would group the entries instead, but it reads every entry of the
// community on every leaderboard view; the totals make the board one indexed query of 20
// documents, and "my total" a read of the person's few totals documents.

const NEWEST: SortField[] = [{ field: 'at', dir: 'desc' }, { field: '_id', dir: 'desc' }]
// ties: who got their first points there first, then by id (the SQLite store's order)
const BOARD: SortField[] = [{ field: 'points', dir: 'desc' }, { field: 'firstAt', dir: 'asc' }, { field: 'userId', dir: 'asc' }]

/** A person's totals in one community (null: cases outside every community), one document each. */
const totalsId = (communityId: string | null, userId: string) => `${communityId ?? '-'}:${userId}`

export class CloudbasePoints implements Points {
  constructor(private readonly db: Db) {}

  /**
   * 2 transaction requests; writes: the entry, the totals document (1 read inside), the
   * messages. A second grant of a case: its transaction is refused on the entry's _id, then 1
   * read answers the stored entry.
   */
  async grant(entry: PointsEntry, messages: Message[] = []): Promise<{ entry: PointsEntry; created: boolean }> {
    for (let attempt = 0; ; attempt++) {
      let tx: Transaction | null = null
      try {
        tx = await startTransaction(this.db)
        await tx.collection(COLLECTIONS.pointsEntries).add(toDoc(entry))
        await addToTotals(tx, entry)
        await addAll(tx, COLLECTIONS.messages, messageDocs(messages))
        await tx.commit()
        return { entry, created: true }
      } catch (err) {
        await abandon(tx)
        // whatever the error says, an entry there now means an earlier grant committed
        const stored = await byId<PointsEntry>(this.db, COLLECTIONS.pointsEntries, entry.id)
        if (stored) return { entry: stored, created: false }
        if (!(isConflict(err) || isDuplicate(err)) || attempt + 1 >= TX_ATTEMPTS) throw err
        await backoff(attempt)
      }
    }
  }

  /** 1 read: a day's entries (a few; index: userId, day). */
  async dayTotal(userId: string, day: string): Promise<number> {
    const res = await this.db.collection(COLLECTIONS.pointsEntries).where({ userId, day }).field({ points: true }).limit(MAX_PAGE).get()
    return sum(res.data as Doc[])
  }

  /** 1 read: the person's totals documents, one per community they earned in (index: userId). */
  async total(userId: string): Promise<number> {
    const res = await this.db.collection(COLLECTIONS.pointsTotals).where({ userId }).field({ points: true }).limit(MAX_PAGE).get()
    return sum(res.data as Doc[])
  }

  /** 1 read (index: userId, at ↓, _id ↓). */
  async history(userId: string, page: PageQuery): Promise<PageOf<PointsEntry>> {
    const limit = pageSize(page.limit)
    const key = page.cursor ? (decodeCursor('points', page.cursor, ['number', 'string']) as [number, string]) : undefined
    const docs = await query(this.db, COLLECTIONS.pointsEntries, { userId }, NEWEST, fetchSize(limit), key)
    return toPage(docs.map((d) => fromDoc<PointsEntry>(d)), limit, 'points', (e) => [e.at, e.id])
  }

  /** 1 read (index: communityId, points ↓, firstAt, userId). */
  async leaderboard(communityId: string, limit: number): Promise<{ userId: string; points: number }[]> {
    const docs = await query(this.db, COLLECTIONS.pointsTotals, { communityId }, BOARD, pageSize(limit))
    return docs.map((d) => ({ userId: d.userId as string, points: d.points as number }))
  }
}

/** Inside the grant's transaction: the person's totals in the entry's community, read and written back by _id. */
async function addToTotals(tx: Transaction, entry: PointsEntry) {
  const ref = tx.collection(COLLECTIONS.pointsTotals).doc(totalsId(entry.communityId, entry.userId))
  const doc = (await ref.get()).data as Doc | null
  await ref.set({
    communityId: entry.communityId,
    userId: entry.userId,
    points: ((doc?.points as number | undefined) ?? 0) + entry.points,
    firstAt: Math.min((doc?.firstAt as number | undefined) ?? entry.at, entry.at),
  })
}

const sum = (docs: Doc[]) => docs.reduce((n, d) => n + ((d.points as number | undefined) ?? 0), 0)
