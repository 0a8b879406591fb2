import type { LngLat } from '../../../../shared/model'

export type Direction = 'north' | 'south' | 'west' | 'east'
export const DIRECTIONS: { dir: Direction; words: string }[] = [
  { dir: 'north', words: '向北' },
  { dir: 'south', words: '向南' },
  { dir: 'west', words: '向西' },
  { dir: 'east', words: '向东' },
]

/** Moves a point about `metres` (10 m is a third of the routing border tolerance). */
export function nudge(p: LngLat, dir: Direction, metres = 10): LngLat {
  const dLat = metres / 111320
  const dLng = metres / (111320 * Math.cos((p.lat * Math.PI) / 180))
  const round = (n: number) => Math.round(n * 1e6) / 1e6
  if (dir === 'north') return { lng: p.lng, lat: round(p.lat + dLat) }
  if (dir === 'south') return { lng: p.lng, lat: round(p.lat - dLat) }
  if (dir === 'west') return { lng: round(p.lng - dLng), lat: p.lat }
  return { lng: round(p.lng + dLng), lat: p.lat }
}
