import type { Db } from '@cloudbase/database'
import { abandon, COLLECTIONS, isConflict, isDuplicate, startTransaction, type Doc, type Transaction } from './docs'

// The 工单编号's day sequence: one counter document per day (`case_sequences/<YYYYMMDD>`,
// `seq` = the last number handed out), moved by `_.inc(1)` inside a transaction that read it
// first. Two submissions at once write the same document, so the database refuses one with
// DATABASE_TRANSACTION_CONFLICT (the first of a day: both insert it, the second is refused as
// a conflict or a duplicate); the loser starts again and reads the winner's number. A
// number costs 4 requests: start, read, write, commit.

const CASE_DAY = /^\d{8}$/
// The counter is the one document every submission of a day writes: under a burst more of
// them meet than on a task, so it retries longer than the other transactions (TX_ATTEMPTS), and
// waits a random share of a doubling window ("full jitter"): losers that waited alike would meet again.
const SEQUENCE_ATTEMPTS = 10
const jitter = (attempt: number) => new Promise((resolve) => setTimeout(resolve, Math.random() * 20 * 2 ** Math.min(attempt, 5)))

export async function nextCaseSequence(db: Db, day: string): Promise<number> {
  if (!CASE_DAY.test(day)) throw new RangeError(`a case-number day is YYYYMMDD, got ${day}`)
  const _ = db.command
  for (let attempt = 0; ; attempt++) {
    let tx: Transaction | null = null
    try {
      tx = await startTransaction(db)
      const counter = tx.collection(COLLECTIONS.caseSequences).doc(day)
      const current = (await counter.get()).data as Doc | null
      const next = typeof current?.seq === 'number' ? current.seq + 1 : 1
      if (current) await counter.update({ seq: _.inc(1) })
      else await tx.collection(COLLECTIONS.caseSequences).add({ _id: day, seq: next })
      await tx.commit()
      return next
    } catch (err) {
      await abandon(tx)
      if (!(isConflict(err) || isDuplicate(err)) || attempt + 1 >= SEQUENCE_ATTEMPTS) throw err
      await jitter(attempt)
    }
  }
}
