import type { Message } from '../../../shared/model'
import type { PageOf, PageQuery } from './paging'

// The in-app message centre. Messages are written with the case change that causes them
// (Cases); this port reads them and marks them read.
export interface MessageCentre {
  listMessages(userId: string, page: PageQuery): Promise<PageOf<Message>>
  countUnread(userId: string): Promise<number>
  /** Only the person's own unread messages change; an earlier readAt is kept. */
  markRead(userId: string, ids: string[] | 'all', at: number): Promise<void>
}
