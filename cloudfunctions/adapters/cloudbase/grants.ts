import type { Db } from '@cloudbase/database'
import type { Clock } from '../../app/ports'
import { COLLECTIONS, isDuplicate, type Doc } from './docs'

// The ledger of subscription-message grants, one document per person and template.
// WeChat sends a subscription message only against a grant the person gave in the
// mini-program (wx.requestSubscribeMessage on a tap: submit, accept, resolve): each
// one-time grant allows one message; a long-term grant (public-service mini-programs, the
// 政务民生 category) allows any number until withdrawn. WeChat does not tell the server
// about grants, so the client reports them and this ledger counts them down.

export type Grant = 'once' | 'longTerm'

export const grantId = (userId: string, templateId: string) => `${userId}:${templateId}`

export class GrantLedger {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
  ) {}

  private doc(userId: string, templateId: string) {
    return this.db.collection(COLLECTIONS.grants).doc(grantId(userId, templateId))
  }

  /** Adds a grant the person just gave; one-time grants add up. */
  async record(userId: string, templateId: string, grant: Grant): Promise<void> {
    const _ = this.db.command
    const change = grant === 'once' ? { oneTime: _.inc(1) } : { longTerm: true }
    const now = this.clock.now()
    for (let attempt = 0; attempt < 2; attempt++) {
      const res = await this.doc(userId, templateId).update({ ...change, updatedAt: now })
      if (res.updated === 1) return
      try {
        await this.db.collection(COLLECTIONS.grants).add({
          _id: grantId(userId, templateId), userId, templateId, oneTime: grant === 'once' ? 1 : 0, longTerm: grant === 'longTerm', updatedAt: now,
        })
        return
      } catch (err) {
        // created by a parallel call since the update: update that one instead
        if (!isDuplicate(err)) throw err
      }
    }
    throw new Error(`could not record a grant for ${grantId(userId, templateId)}`)
  }

  /** Uses up one grant if the person holds one; true means a message may be sent. */
  async take(userId: string, templateId: string): Promise<boolean> {
    const found = ((await this.doc(userId, templateId).get()).data as Doc[])[0]
    if (!found) return false
    if (found.longTerm) return true
    if (!(found.oneTime > 0)) return false
    // the count is checked by the database in the same write, so two sends never share a grant
    const _ = this.db.command
    const res = await this.db.collection(COLLECTIONS.grants)
      .where({ _id: grantId(userId, templateId), oneTime: _.gt(0) })
      .update({ oneTime: _.inc(-1), updatedAt: this.clock.now() })
    return res.updated === 1
  }

  /** WeChat refused a send as unauthorised: the ledger was wrong, so it forgets the grants. */
  async revoke(userId: string, templateId: string): Promise<void> {
    await this.doc(userId, templateId).update({ oneTime: 0, longTerm: false, updatedAt: this.clock.now() })
  }
}
