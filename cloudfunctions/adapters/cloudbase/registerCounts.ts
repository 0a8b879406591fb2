import type { RegisterCounts } from '../../app/ports'
import { COLLECTIONS, type Doc, type Transaction } from './docs'

// The register's counts per grid, one document per grid (register_counts/<gridId>): each
// room with current residents and how many. Every register page shows its grid's coverage;
// counting residents there would read the whole grid (count() gives residents, but not the
// rooms that have any, and a grid has thousands of people), so the transactions that move
// people in or out keep these counts: one read and one write more per verification, and the
// counts of any number of grids are one read (up to 1,000 grids) whatever their size. A grid
// of 2,000 rooms is a document of about 80 KB.

export interface RoomCount { roomId: string; residents: number }

/** The residents a change moves in (+1) and out (−1), per grid and room. */
export class CountChanges {
  private readonly byGrid = new Map<string, Map<string, number>>()

  add(gridId: string, roomId: string, delta: number): void {
    const rooms = this.byGrid.get(gridId) ?? new Map<string, number>()
    rooms.set(roomId, (rooms.get(roomId) ?? 0) + delta)
    this.byGrid.set(gridId, rooms)
  }

  get grids(): string[] {
    return [...this.byGrid.keys()]
  }

  /** A grid's rooms after the change: empty rooms dropped, in room order (a count never goes below 0). */
  applied(gridId: string, before: RoomCount[]): RoomCount[] {
    const counts = new Map(before.map((r) => [r.roomId, r.residents]))
    for (const [roomId, delta] of this.byGrid.get(gridId) ?? []) counts.set(roomId, Math.max(0, (counts.get(roomId) ?? 0) + delta))
    return [...counts].filter(([, n]) => n > 0).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([roomId, residents]) => ({ roomId, residents }))
  }
}

/** Inside the change's transaction: each grid's counts read and written back by _id. */
export async function writeCounts(tx: Transaction, changes: CountChanges): Promise<void> {
  for (const gridId of changes.grids) {
    const ref = tx.collection(COLLECTIONS.registerCounts).doc(gridId)
    const doc = (await ref.get()).data as Doc | null
    await ref.set({ rooms: changes.applied(gridId, (doc?.rooms ?? []) as RoomCount[]) })
  }
}

/** A counts document as the port gives it; null for a grid with no one in it. */
export function countsOf(doc: Doc): RegisterCounts | null {
  const rooms = (doc.rooms ?? []) as RoomCount[]
  const residents = rooms.reduce((sum, r) => sum + r.residents, 0)
  return residents > 0 ? { verifiedRooms: rooms.filter((r) => r.residents > 0).length, residents } : null
}
