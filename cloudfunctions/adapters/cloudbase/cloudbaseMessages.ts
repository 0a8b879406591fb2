import type { Db } from '@cloudbase/database'
import type { MessageCentre, PageQuery } from '../../app/ports'
import * as lists from './lists'

// The in-app message centre on CloudBase: messages are added with the case change that
// causes them (cases.ts); here they are read and marked read.
export class CloudbaseMessages implements MessageCentre {
  constructor(private readonly db: Db) {}

  listMessages(userId: string, page: PageQuery) {
    return lists.listMessages(this.db, userId, page)
  }

  countUnread(userId: string) {
    return lists.countUnread(this.db, userId)
  }

  markRead(userId: string, ids: string[] | 'all', at: number) {
    return lists.markRead(this.db, userId, ids, at)
  }
}
