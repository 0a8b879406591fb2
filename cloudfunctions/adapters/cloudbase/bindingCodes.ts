import type { Db } from '@cloudbase/database'
import type { BindingCodes } from '../../app/ports'
import { bodyOf, COLLECTIONS, type Doc } from './docs'
import { docsByIds } from './reads'

// Binding codes in CloudBase: one document per staff member (_id = staff id), so issuing a
// new code replaces the earlier one in one write and the admin list finds codes by _id. A
// redeem finds the code by its hash (index `codeHash`, docs/deploy.md) and then claims it with
// one conditional update: the database applies it to a document still unused, so of two
// redeems at once one updates it and the other updates nothing. A read and a write a try.
export class CloudbaseBindingCodes implements BindingCodes {
  constructor(private readonly db: Db) {}

  async issue(staffId: string, codeHash: string, expiresAt: number, now: number): Promise<void> {
    const doc: Doc = { _id: staffId, codeHash, issuedAt: now, expiresAt, usedAt: null, usedBy: null }
    await this.db.collection(COLLECTIONS.bindingCodes).doc(staffId).set(bodyOf(doc))
  }

  async redeem(codeHash: string, accountId: string, now: number): Promise<string | null> {
    const res = await this.db.collection(COLLECTIONS.bindingCodes).where({ codeHash }).limit(1).get()
    const doc = (res.data as Doc[])[0]
    if (!doc || (doc.usedAt ?? null) !== null || doc.expiresAt <= now) return null
    const _ = this.db.command
    const claimed = await this.db
      .collection(COLLECTIONS.bindingCodes)
      .where({ _id: doc._id, codeHash, usedAt: null, expiresAt: _.gt(now) })
      .update({ usedAt: now, usedBy: accountId })
    return claimed.updated === 1 ? doc._id : null
  }

  async waiting(staffIds: string[], now: number): Promise<Map<string, number>> {
    const docs = await docsByIds(this.db, COLLECTIONS.bindingCodes, staffIds)
    return new Map(docs.filter((d) => (d.usedAt ?? null) === null && d.expiresAt > now).map((d) => [d._id, d.expiresAt as number]))
  }
}
