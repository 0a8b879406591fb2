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
// binding code (a later issue), which repoints the identity document.

/** What the runtime tells a function about its caller; wx-server-sdk's getWXContext fits. */
export interface WxContextSource { getWXContext(): { OPENID?: string } }

export const NEW_RESIDENT_NAME = '微信用户'

/** How long a warm container trusts the openid → user link it read (a re-binding reaches it within this). */
export const IDENTITY_TTL_MS = 5 * 60_000

export class CloudbaseIdentity {
  // Every call resolves its caller: remembering the link saves one read of each call's
  // budget (docs/capacity.md); the user record itself is read fresh, so roles and scopes are never stale.
  private readonly links = new Map<string, { userId: string; at: number }>()

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

  async resolve(openid: string): Promise<User> {
    for (let attempt = 0; ; attempt++) {
      const known = await this.userIdOf(openid)
      if (known) {
        const user = await this.getUser(known)
        if (!user) throw new Error(`identity ${openid} points at missing user ${known}`)
        return user
      }
      const created = await this.createResident(openid)
      if (created) return created
      // another invocation registered this openid meanwhile: read what it wrote
      if (attempt + 1 >= TX_ATTEMPTS) throw new Error(`could not register openid ${openid}`)
      await backoff(attempt)
    }
  }

  private async userIdOf(openid: string): Promise<string | null> {
    const now = this.clock.now()
    const link = this.links.get(openid)
    if (link && now - link.at < IDENTITY_TTL_MS) return link.userId
    const res = await this.db.collection(COLLECTIONS.identities).doc(openid).get()
    const doc = (res.data as Doc[])[0]
    if (!doc) return null
    if (this.links.size >= 10_000) this.links.clear()
    this.links.set(openid, { userId: doc.userId as string, at: now })
    return doc.userId as string
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
