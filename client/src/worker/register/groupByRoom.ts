import type { ResidentView } from '../../../../shared/api'

export interface RoomGroup { roomId: string; addressLabel: string; residents: ResidentView[] }

/**
 * 本人 (the person the relations are counted from) leads, the others follow by name. The order
 * of names is the JS engine's: pinyin where it carries Chinese collation data, code points
 * where it does not; either way the same list comes out the same every time.
 */
const residentOrder = (a: ResidentView, b: ResidentView) =>
  Number(b.relation === 'self') - Number(a.relation === 'self') || a.name.localeCompare(b.name, 'zh-CN')

/**
 * The register's people as households: rooms in the order the server sent them, a room split
 * across pages brought together, and within a room 本人 first, then by name.
 */
export function groupByRoom(residents: readonly ResidentView[]): RoomGroup[] {
  const rooms = new Map<string, RoomGroup>()
  for (const r of residents) {
    const room = rooms.get(r.roomId)
    if (room) room.residents.push(r)
    else rooms.set(r.roomId, { roomId: r.roomId, addressLabel: r.addressLabel, residents: [r] })
  }
  return [...rooms.values()].map((room) => ({ ...room, residents: [...room.residents].sort(residentOrder) }))
}
