import type { Db } from '@cloudbase/database'
import type { AccountLinks } from '../../app/ports'
import { abandon, backoff, COLLECTIONS, isConflict, startTransaction, TX_ATTEMPTS, type Doc, type Transaction } from './docs'

// Account links in CloudBase. An account is a WeChat openid; the app names it by the
// resident record its first call made (identity.ts), whose document keeps the openid.
// Linking repoints `identities/<openid>` at the staff record (keeping the account's own
// record in `ownUserId`, to point back on unlinking) and gives the staff document the openid,
// so subscription messages for the staff member reach the bound account. One transaction of
// single documents by _id; listeners (the container's identity cache) hear of each change.
export class CloudbaseAccountLinks implements AccountLinks {
  private readonly listeners: ((openid: string) => void)[] = []

  constructor(private readonly db: Db) {}

  /** Called with the openid whose link changed, after the change committed. */
  onChange(listener: (openid: string) => void): void {
    this.listeners.push(listener)
  }

  async link(accountId: string, staffId: string, at: number): Promise<void> {
    const openid = await this.inTransaction(async (tx) => {
      const openid = await openidOf(tx, accountId)
      if (!openid) throw new Error(`account ${accountId} has no WeChat identity to link`)
      await tx.collection(COLLECTIONS.identities).doc(openid).update({ userId: staffId, ownUserId: accountId, linkedAt: at })
      await tx.collection(COLLECTIONS.users).doc(staffId).update({ openid })
      return openid
    })
    this.changed(openid)
  }

  async unlink(accountId: string): Promise<void> {
    const _ = this.db.command
    const openid = await this.inTransaction(async (tx) => {
      const openid = await openidOf(tx, accountId)
      if (!openid) return null
      const identity = (await tx.collection(COLLECTIONS.identities).doc(openid).get()).data as Doc | null
      const staffId = identity?.ownUserId === accountId ? (identity.userId as string) : null
      if (!staffId) return null
      await tx.collection(COLLECTIONS.identities).doc(openid).update({ userId: accountId, ownUserId: _.remove(), linkedAt: _.remove() })
      // the staff document forgets this account only: another may have been bound since
      const staff = (await tx.collection(COLLECTIONS.users).doc(staffId).get()).data as Doc | null
      if (staff?.openid === openid) await tx.collection(COLLECTIONS.users).doc(staffId).update({ openid: _.remove() })
      return openid
    })
    if (openid) this.changed(openid)
  }

  private changed(openid: string) {
    for (const listener of this.listeners) listener(openid)
  }

  private async inTransaction<T>(work: (tx: Transaction) => Promise<T>): Promise<T> {
    for (let attempt = 0; ; attempt++) {
      let tx: Transaction | null = null
      try {
        tx = await startTransaction(this.db)
        const out = await work(tx)
        await tx.commit()
        return out
      } catch (err) {
        await abandon(tx)
        if (!isConflict(err) || attempt + 1 >= TX_ATTEMPTS) throw err
        await backoff(attempt)
      }
    }
  }
}

async function openidOf(tx: Transaction, userId: string): Promise<string | null> {
  const own = (await tx.collection(COLLECTIONS.users).doc(userId).get()).data as Doc | null
  return typeof own?.openid === 'string' ? own.openid : null
}
