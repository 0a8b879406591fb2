import type { Patrol } from '../../../shared/model'
import type { PageOf, PageQuery } from './paging'

// The patrol log (巡查打卡): a volunteer's walks through their micro-grid.

export interface Patrols {
  /** Keyed by the caller's requestId: the same key twice yields the first patrol. */
  create(patrol: Patrol, requestKey: string | null): Promise<{ patrol: Patrol; created: boolean }>
  get(id: string): Promise<Patrol | null>
  /** The person's patrol that has not ended, if any (one at a time). */
  openFor(userId: string): Promise<Patrol | null>
  /** Saves only if the stored version equals expectedVersion; false otherwise. */
  save(patrol: Patrol, expectedVersion: number): Promise<boolean>
  /** A person's patrols, newest first. */
  listFor(userId: string, page: PageQuery): Promise<PageOf<Patrol>>
}
