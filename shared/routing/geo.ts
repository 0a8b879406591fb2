import type { LngLat } from '../model'

// Geometry in metres for GCJ-02 lng/lat. GCJ-02 is a small (~500 m) shift of WGS-84 that
// keeps local distances, so a local equirectangular projection around the query point is
// accurate to well under 0.1% across a grid (a few hundred metres) and costs one multiply.

/** Rings as stored (outer first, then holes); numbers, not tuples, so parsed JSON fits. */
export type Ring = readonly (readonly number[])[]
export type PolygonRings = readonly Ring[]
/** model.ts's GridGeometry as this file reads it (read-only, and parsed JSON fits). */
export type AreaGeometry = { readonly type: 'Polygon'; readonly coordinates: PolygonRings } | { readonly type: 'MultiPolygon'; readonly coordinates: readonly PolygonRings[] }
export interface BBox { minLng: number; minLat: number; maxLng: number; maxLat: number }

/** Metres per degree of latitude on the mean Earth radius (IUGG, 6371008.8 m). */
export const METRES_PER_DEGREE = (6371008.8 * Math.PI) / 180

/**
 * Within this distance a point counts as on a border. A point computed on a shared edge
 * lands ~1e-10 m off it from float rounding; 1 mm absorbs that and is far below any
 * GPS precision, so "on the border" is decided by a tie rule, not by rounding noise.
 */
export const ON_EDGE_M = 0.001

/** Metres per degree of longitude (x) and latitude (y) at a latitude. */
export function metresPerDegree(lat: number): { x: number; y: number } {
  return { x: METRES_PER_DEGREE * Math.cos((lat * Math.PI) / 180), y: METRES_PER_DEGREE }
}

/** The point moved east and north by the given metres (for sample points and tests). */
export function offsetByMetres(p: LngLat, eastM: number, northM: number): LngLat {
  const k = metresPerDegree(p.lat)
  return { lng: p.lng + eastM / k.x, lat: p.lat + northM / k.y }
}

/** Distance between two points in metres (local projection; meant for < 10 km). */
export function distanceM(a: LngLat, b: LngLat): number {
  const k = metresPerDegree((a.lat + b.lat) / 2)
  return Math.hypot((a.lng - b.lng) * k.x, (a.lat - b.lat) * k.y)
}

/** The polygons of a geometry: one for a Polygon, each part of a MultiPolygon. */
export function partsOf(geometry: AreaGeometry): readonly PolygonRings[] {
  return geometry.type === 'MultiPolygon' ? geometry.coordinates : [geometry.coordinates]
}

/**
 * Every ring of every part, as one list. Parts do not overlap and holes lie in their own
 * outer ring (validateGeometry.ts), so the even-odd rule over this list is the geometry's
 * area: the index, the cell table, the border distance and the box all read these rings.
 */
export function ringsOf(geometry: AreaGeometry): PolygonRings {
  if (geometry.type === 'Polygon') return geometry.coordinates
  const rings: Ring[] = []
  for (const part of geometry.coordinates) for (const ring of part) rings.push(ring)
  return rings
}

// A closed ring repeats its first vertex; dropping it makes the closing edge implicit.
function ringLength(ring: Ring): number {
  const n = ring.length
  if (n > 1 && ring[0][0] === ring[n - 1][0] && ring[0][1] === ring[n - 1][1]) return n - 1
  return n
}

/**
 * Even-odd test over all rings, so holes count as outside. A point exactly on a border may
 * go either way: callers that need a closed polygon use `coversPoint`.
 */
export function pointInPolygon(p: LngLat, polygon: PolygonRings): boolean {
  let inside = false
  for (const ring of polygon) {
    const n = ringLength(ring)
    for (let i = 0, j = n - 1; i < n; j = i++) {
      const [xi, yi] = ring[i]
      const [xj, yj] = ring[j]
      if (yi > p.lat !== yj > p.lat && p.lng < xi + ((p.lat - yi) * (xj - xi)) / (yj - yi)) inside = !inside
    }
  }
  return inside
}

/** Distance in metres from the point to the nearest edge of any ring (holes included). */
export function distanceToBoundaryM(p: LngLat, polygon: PolygonRings): number {
  const k = metresPerDegree(p.lat)
  let best = Infinity
  for (const ring of polygon) {
    const n = ringLength(ring)
    for (let i = 0, j = n - 1; i < n; j = i++) {
      const ax = (ring[j][0] - p.lng) * k.x
      const ay = (ring[j][1] - p.lat) * k.y
      const bx = (ring[i][0] - p.lng) * k.x
      const by = (ring[i][1] - p.lat) * k.y
      const d = segmentDistanceSq(ax, ay, bx, by)
      if (d < best) best = d
    }
  }
  return Math.sqrt(best)
}

/** Squared distance from the origin to segment a–b (coordinates relative to the point). */
export function segmentDistanceSq(ax: number, ay: number, bx: number, by: number): number {
  const dx = bx - ax
  const dy = by - ay
  const len = dx * dx + dy * dy
  let t = len > 0 ? -(ax * dx + ay * dy) / len : 0
  if (t < 0) t = 0
  else if (t > 1) t = 1
  const x = ax + t * dx
  const y = ay + t * dy
  return x * x + y * y
}

/** Inside or on the border (within ON_EDGE_M): the polygon as a closed set. */
export function coversPoint(p: LngLat, polygon: PolygonRings): boolean {
  return pointInPolygon(p, polygon) || distanceToBoundaryM(p, polygon) <= ON_EDGE_M
}

/**
 * Bounding box of every ring given, holes included: for the rings of a MultiPolygon
 * (ringsOf) it covers every part, and it is the extent of what the even-odd test reads.
 */
export function bboxOf(rings: PolygonRings): BBox {
  const box = { minLng: Infinity, minLat: Infinity, maxLng: -Infinity, maxLat: -Infinity }
  for (const ring of rings) {
    for (const [lng, lat] of ring) {
      if (lng < box.minLng) box.minLng = lng
      if (lat < box.minLat) box.minLat = lat
      if (lng > box.maxLng) box.maxLng = lng
      if (lat > box.maxLat) box.maxLat = lat
    }
  }
  return box
}

/** The box grown by a margin in metres on every side. */
export function expandBBox(box: BBox, marginM: number): BBox {
  const k = metresPerDegree(Math.max(Math.abs(box.minLat), Math.abs(box.maxLat)))
  const dx = marginM / k.x
  const dy = marginM / k.y
  return { minLng: box.minLng - dx, minLat: box.minLat - dy, maxLng: box.maxLng + dx, maxLat: box.maxLat + dy }
}

export function bboxContains(box: BBox, p: LngLat): boolean {
  return p.lng >= box.minLng && p.lng <= box.maxLng && p.lat >= box.minLat && p.lat <= box.maxLat
}

/**
 * The point snapped to the centre of its cell on a grid of `metres` squares: latitude in
 * steps of `metres`, longitude in steps as wide at the snapped latitude, so every point of a
 * cell gives the same value and none lands more than half a cell's diagonal away. For places
 * shown to anyone (the public board): near enough to know the spot, not the door.
 */
export function roundToMetres(p: LngLat, metres: number): LngLat {
  if (!(metres > 0)) throw new RangeError(`a rounding cell is a positive number of metres, got ${metres}`)
  const latStep = metres / METRES_PER_DEGREE
  const lat = Math.round(p.lat / latStep) * latStep
  const lngStep = metres / metresPerDegree(lat).x
  return { lng: Math.round(p.lng / lngStep) * lngStep, lat }
}
