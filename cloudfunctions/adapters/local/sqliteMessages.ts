import type Database from 'better-sqlite3'
import type { MessageCentre, PageOf, PageQuery } from '../../app/ports'
import type { Message } from '../../../shared/model'
import { keysetPage } from './keysetPage'
import { messageFromRow, type MessageRow } from './rows'
import type { Step, WriteThread } from './writeThread'

// The in-app message centre on SQLite. Messages are inserted with the case change that
// causes them (sqliteCases.ts); here they are read and marked read.

const WRITES = {
  readSome: `UPDATE messages SET read_at = @at WHERE user_id = @user AND read_at IS NULL
    AND id IN (SELECT value FROM json_each(@ids))`,
  readAll: 'UPDATE messages SET read_at = @at WHERE user_id = @user AND read_at IS NULL',
}

export class SqliteMessages implements MessageCentre {
  private readonly s

  constructor(db: Database.Database, private readonly writer: WriteThread) {
    const p = <R>(sql: string) => db.prepare<unknown[], R>(sql)
    this.s = {
      first: p<MessageRow>('SELECT * FROM messages WHERE user_id = @user ORDER BY created_at DESC, id DESC LIMIT @limit'),
      after: p<MessageRow>(`SELECT * FROM messages WHERE user_id = @user AND (created_at, id) < (@created, @id)
        ORDER BY created_at DESC, id DESC LIMIT @limit`),
      unread: p<{ n: number }>('SELECT count(*) AS n FROM messages WHERE user_id = ? AND read_at IS NULL'),
    }
  }

  async listMessages(userId: string, page: PageQuery): Promise<PageOf<Message>> {
    return keysetPage({ first: this.s.first, after: this.s.after, key: 'created' }, { user: userId }, page, 'messages', messageFromRow, (m) => [m.createdAt, m.id])
  }

  async countUnread(userId: string): Promise<number> {
    return this.s.unread.get(userId)?.n ?? 0
  }

  async markRead(userId: string, ids: string[] | 'all', at: number): Promise<void> {
    const steps: Step[] = ids === 'all'
      ? [{ sql: WRITES.readAll, params: { user: userId, at } }]
      : ids.length === 0 ? [] : [{ sql: WRITES.readSome, params: { user: userId, at, ids: JSON.stringify(ids) } }]
    if (steps.length > 0) await this.writer.run(steps)
  }
}
