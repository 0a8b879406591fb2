import type { Message, PointsEntry } from '../../../shared/model'
import type { PageOf, PageQuery } from './paging'

// Volunteers' points (志愿积分): one entry per case, kept whatever retries, reopenings or
// races; totals and a community's leaderboard are read from the entries.

export interface Points {
  /**
   * Stores the entry unless one for its report exists; answers the stored one either way.
   * The messages (the volunteer's 获得积分) are stored with it, and only when it is created.
   */
  grant(entry: PointsEntry, messages?: Message[]): Promise<{ entry: PointsEntry; created: boolean }>
  /** Points a person got on a day (YYYYMMDD, Asia/Shanghai). */
  dayTotal(userId: string, day: string): Promise<number>
  /** All a person's points. */
  total(userId: string): Promise<number>
  /** A person's entries, newest first. */
  history(userId: string, page: PageQuery): Promise<PageOf<PointsEntry>>
  /** A community's volunteers by their points there, most first (ties: who got there first); at most `limit`. */
  leaderboard(communityId: string, limit: number): Promise<{ userId: string; points: number }[]>
}
