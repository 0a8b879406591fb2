import type Database from 'better-sqlite3'
import type { PageOf, PageQuery, Points } from '../../app/ports'
import type { Message, PointsEntry } from '../../../shared/model'
import { pageSize } from '../paging'
import { keysetPage } from './keysetPage'
import { messageSteps } from './messageSteps'
import type { WriteThread } from './writeThread'

// Volunteers' points on SQLite (migration 11): one row per case, its id the report's. The
// insert that claims the id decides between two grants of one case racing (a resolve and the
// close job), so a grant is once-only without a read first; its message lands in the same job.

const GRANT = `INSERT INTO points_entries (id, user_id, community_id, day, points, at, doc)
  VALUES (@id, @user_id, @community_id, @day, @points, @at, @doc) ON CONFLICT (id) DO NOTHING`

type Doc = { doc: string }

export class SqlitePoints implements Points {
  private readonly s

  constructor(db: Database.Database, private readonly writer: WriteThread) {
    const p = <R>(sql: string) => db.prepare<unknown[], R>(sql)
    this.s = {
      entry: p<Doc>('SELECT doc FROM points_entries WHERE id = ?'),
      dayTotal: p<{ n: number | null }>('SELECT sum(points) AS n FROM points_entries WHERE user_id = ? AND day = ?'),
      total: p<{ n: number | null }>('SELECT sum(points) AS n FROM points_entries WHERE user_id = ?'),
      first: p<Doc>('SELECT doc FROM points_entries WHERE user_id = @user ORDER BY at DESC, id DESC LIMIT @limit'),
      after: p<Doc>(`SELECT doc FROM points_entries WHERE user_id = @user AND (at, id) < (@at, @id)
        ORDER BY at DESC, id DESC LIMIT @limit`),
      // ties: who got their first points there first, then by id so the order is total
      leaderboard: p<{ user_id: string; points: number }>(`SELECT user_id, sum(points) AS points FROM points_entries
        WHERE community_id = @community GROUP BY user_id ORDER BY sum(points) DESC, min(at), user_id LIMIT @limit`),
    }
  }

  async grant(entry: PointsEntry, messages: Message[] = []): Promise<{ entry: PointsEntry; created: boolean }> {
    const row = { id: entry.id, user_id: entry.userId, community_id: entry.communityId, day: entry.day, points: entry.points, at: entry.at, doc: JSON.stringify(entry) }
    const { stoppedAt } = await this.writer.run([{ sql: GRANT, params: row, expect: 'changed' }, ...messageSteps(messages)])
    if (stoppedAt === null) return { entry, created: true }
    const stored = this.s.entry.get(entry.id)
    if (!stored) throw new Error(`points entry ${entry.id} vanished while claimed`)
    return { entry: JSON.parse(stored.doc) as PointsEntry, created: false }
  }

  async dayTotal(userId: string, day: string): Promise<number> {
    return this.s.dayTotal.get(userId, day)?.n ?? 0
  }

  async total(userId: string): Promise<number> {
    return this.s.total.get(userId)?.n ?? 0
  }

  async history(userId: string, page: PageQuery): Promise<PageOf<PointsEntry>> {
    return keysetPage({ first: this.s.first, after: this.s.after, key: 'at' }, { user: userId }, page, 'points', (r) => JSON.parse(r.doc) as PointsEntry, (e) => [e.at, e.id])
  }

  async leaderboard(communityId: string, limit: number): Promise<{ userId: string; points: number }[]> {
    return this.s.leaderboard.all({ community: communityId, limit: pageSize(limit) }).map((r) => ({ userId: r.user_id, points: r.points }))
  }
}
