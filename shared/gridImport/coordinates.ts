// Coordinate systems of a grid map. WeChat's locations are GCJ-02; survey files come in
// WGS-84 or CGCS2000 (within a metre of WGS-84 at this scale), and an unconverted map is
// 300–600 m off. The conversion is the published GCJ-02 offset (Krasovsky ellipsoid terms).

export const COORDINATE_SYSTEMS = ['gcj02', 'wgs84', 'cgcs2000'] as const
export type CoordinateSystem = (typeof COORDINATE_SYSTEMS)[number]

const A = 6378245.0
const EE = 0.00669342162296594323

function offsetLat(x: number, y: number): number {
  let r = -100 + 2 * x + 3 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * Math.sqrt(Math.abs(x))
  r += ((20 * Math.sin(6 * x * Math.PI) + 20 * Math.sin(2 * x * Math.PI)) * 2) / 3
  r += ((20 * Math.sin(y * Math.PI) + 40 * Math.sin((y / 3) * Math.PI)) * 2) / 3
  r += ((160 * Math.sin((y / 12) * Math.PI) + 320 * Math.sin((y * Math.PI) / 30)) * 2) / 3
  return r
}

function offsetLng(x: number, y: number): number {
  let r = 300 + x + 2 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * Math.sqrt(Math.abs(x))
  r += ((20 * Math.sin(6 * x * Math.PI) + 20 * Math.sin(2 * x * Math.PI)) * 2) / 3
  r += ((20 * Math.sin(x * Math.PI) + 40 * Math.sin((x / 3) * Math.PI)) * 2) / 3
  r += ((150 * Math.sin((x / 12) * Math.PI) + 300 * Math.sin((x / 30) * Math.PI)) * 2) / 3
  return r
}

/** A WGS-84 (or CGCS2000) point in mainland China as GCJ-02. */
export function wgs84ToGcj02([lng, lat]: [number, number]): [number, number] {
  const radLat = (lat / 180) * Math.PI
  const magic = 1 - EE * Math.sin(radLat) ** 2
  const sqrtMagic = Math.sqrt(magic)
  const dLat = (offsetLat(lng - 105, lat - 35) * 180) / (((A * (1 - EE)) / (magic * sqrtMagic)) * Math.PI)
  const dLng = (offsetLng(lng - 105, lat - 35) * 180) / ((A / sqrtMagic) * Math.cos(radLat) * Math.PI)
  return [lng + dLng, lat + dLat]
}

/** The point as GCJ-02, whichever system it was given in. */
export const toGcj02 = (p: [number, number], from: CoordinateSystem): [number, number] => (from === 'gcj02' ? p : wgs84ToGcj02(p))
