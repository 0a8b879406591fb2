/** Great-circle distance in metres, for checking a coordinate conversion's size. */
export function haversineM([lng1, lat1]: [number, number], [lng2, lat2]: [number, number]): number {
  const r = (d: number) => (d * Math.PI) / 180
  const a = Math.sin(r(lat2 - lat1) / 2) ** 2 + Math.cos(r(lat1)) * Math.cos(r(lat2)) * Math.sin(r(lng2 - lng1) / 2) ** 2
  return 2 * 6_371_000 * Math.asin(Math.sqrt(a))
}
