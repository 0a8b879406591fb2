import { createHash } from 'node:crypto'

// Stable ids of the building registry: made from what the file says (the community's code,
// the building's name, the unit and the room number), never from the row or the import, so
// a re-import matches every building and room it imported before, and a declaration that
// names a room keeps naming it. A room's id begins with its building's id and '.', so the
// building of a room is known from the id alone (the CloudBase adapter keeps rooms inside
// their building's document).

const digest = (text: string, n: number) => createHash('sha256').update(text).digest('hex').slice(0, n)

export const buildingIdFor = (communityCode: string, name: string) => `b_${communityCode}_${digest(`building:${communityCode}:${name}`, 10)}`
export const roomIdFor = (buildingId: string, unit: string, number: string) => `${buildingId}.${digest(`room:${unit}:${number}`, 10)}`
export const buildingIdOfRoom = (roomId: string): string | null => {
  const dot = roomId.lastIndexOf('.')
  return dot > 0 ? roomId.slice(0, dot) : null
}
