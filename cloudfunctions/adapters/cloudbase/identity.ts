import type { Db } from '@cloudbase/database'
import type { Clock, IdGen } from '../../app/ports'
import type { User } from '../../../shared/model'
import { abandon, backoff, COLLECTIONS, isConflict, isDuplicate, startTransaction, toDoc, TX_ATTEMPTS, type Doc, type Transaction } from './docs'

// Who is calling, in CloudBase: the OPENID the runtime puts in the function's context
// (wx-server-sdk getWXContext), never anything in the payload. An `identities` document
// per openid (its _id) points at the user; the user document keeps the openid too, for
// subscription messages.
//
// A WeChat account seen for the first time becomes a resident with no home grid: anyone
// may report a problem. Staff accounts are tied to their roster record by a one-time
// binding code, which repoints the identity document at the staff record and keeps the
// account's own record in `ownUserId` (accountLinks.ts).

/** What the runtime tells a function about its caller; wx-server-sdk's getWXContext fits. */
export interface WxContextSource { getWXContext(): { OPENID?: string } }

export const NEW_RESIDENT_NAME = '微信用户'

/**
 * How long a warm container trusts the openid → user link it read: a binding made in another
 * container reaches it within this. An unbinding reaches it at once: the staff record, read
 * fresh on every call, no longer names the account, and the link is read again.
 */
export const IDENTITY_TTL_MS = 5 * 60_000

interface Link { userId: string; ownUserId?: string; at: number }

export class CloudbaseIdentity {
  // Every call resolves its caller: remembering the link saves one read of each call's
  // budget (docs/capacity.md); the user record itself is read fresh, so roles and scopes are never stale.
  private readonly links = new Map<string, Link>()

  constructor(
    private readonly db: Db,
    private readonly ids: IdGen,
    private readonly clock: Clock,
    private readonly getUser: (id: string) => Promise<User | null>,
  ) {}

  /** The caller of this invocation, or null when the runtime names none (timers, console tests). */
  async caller(context: WxContextSource): Promise<User | null> {
    const openid = context.getWXContext().OPENID
    return openid ? this.resolve(openid) : null
  }

  /** Drops what this container remembers of the openid's link (it was just changed here). */
  forget(openid: string): void {
    this.links.delete(openid)
  }

  async resolve(openid: string): Promise<User> {
    for (let attempt = 0; ; attempt++) {
      const known = await this.linkOf(openid)
      if (known) {
        let user = await this.getUser(known.link.userId)
        if (known.cached && known.link.ownUserId && user?.binding?.accountId !== known.link.ownUserId) {
          // the staff record was unbound (or bound to another account) since the link was read
          this.links.delete(openid)
          const fresh = await this.linkOf(openid)
          if (fresh && fresh.link.userId !== known.link.userId) user = await this.getUser(fresh.link.userId)
        }
        if (!user) throw new Error(`identity ${openid} points at a missing user`)
        return user
      }
      const created = await this.createResident(openid)
      if (created) return created
      // another invocation registered this openid meanwhile: read what it wrote
      if (attempt + 1 >= TX_ATTEMPTS) throw new Error(`could not register openid ${openid}`)
      await backoff(attempt)
    }
  }

  private async linkOf(openid: string): Promise<{ link: Link; cached: boolean } | null> {
    const now = this.clock.now()
    const remembered = this.links.get(openid)
    if (remembered && now - remembered.at < IDENTITY_TTL_MS) return { link: remembered, cached: true }
    const res = await this.db.collection(COLLECTIONS.identities).doc(openid).get()
    const doc = (res.data as Doc[])[0]
    if (!doc) return null
    if (this.links.size >= 10_000) this.links.clear()
    const link: Link = { userId: doc.userId as string, ...(typeof doc.ownUserId === 'string' ? { ownUserId: doc.ownUserId } : {}), at: now }
    this.links.set(openid, link)
    return { link, cached: false }
  }

  /** The new resident, or null when the openid was registered by a racing call. */
  private async createResident(openid: string): Promise<User | null> {
    const user: User = { id: this.ids.next('u'), name: NEW_RESIDENT_NAME, role: 'resident', phone: '', gridIds: [] }
    let tx: Transaction | null = null
    try {
      tx = await startTransaction(this.db)
      await tx.collection(COLLECTIONS.identities).add({ _id: openid, userId: user.id, createdAt: this.clock.now() })
      await tx.collection(COLLECTIONS.users).add(toDoc(user, { openid }))
      await tx.commit()
      return user
    } catch (err) {
      await abandon(tx)
      if (isDuplicate(err) || isConflict(err)) return null
      throw err
    }
  }
}
