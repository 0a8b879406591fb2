import type { ResidentView } from '../../../../shared/api'

export interface RoomGroup { roomId: string; addressLabel: string; residents: ResidentView[] }

/** The register's people as households, in the order the server sent them; a room split across pages comes together. */
export function groupByRoom(residents: readonly ResidentView[]): RoomGroup[] {
  const rooms = new Map<string, RoomGroup>()
  for (const r of residents) {
    const room = rooms.get(r.roomId)
    if (room) room.residents.push(r)
    else rooms.set(r.roomId, { roomId: r.roomId, addressLabel: r.addressLabel, residents: [r] })
  }
  return [...rooms.values()]
}
