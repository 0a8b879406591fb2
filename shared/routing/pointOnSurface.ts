import type { LngLat } from '../model'
import { bboxOf, distanceToBoundaryM, partsOf, type AreaGeometry, type PolygonRings } from './geo'

// A point inside an area: where a report goes when the person picks a grid from a list
// instead of a place, and where a grid's name is written on a drawing. The centre of the
// bounding box or the vertex average can fall outside a concave grid (an L along two
// streets) or inside a hole (a school carved out), so neither will do. This crosses each
// part with horizontal lines, takes the middle of every span inside (even-odd over all
// rings, so holes are outside, as in pointInPolygon) and keeps the one farthest from every
// edge: a point well inside routes 'inside' rather than 'near_border', and a label there
// stays off the lines.

/** Lines per part: enough to find the wide body of an L or a ring around a hole, cheap for a few hundred vertices. */
const SCANLINES = 15

export function pointOnSurface(geometry: AreaGeometry): LngLat | null {
  let best: { point: LngLat; depthM: number } | null = null
  for (const part of partsOf(geometry)) {
    const box = bboxOf(part)
    for (let i = 1; i <= SCANLINES; i++) {
      const lat = box.minLat + ((box.maxLat - box.minLat) * i) / (SCANLINES + 1)
      for (const [west, east] of spansAt(part, lat)) {
        const point = { lng: (west + east) / 2, lat }
        const depthM = distanceToBoundaryM(point, part)
        if (!best || depthM > best.depthM) best = { point, depthM }
      }
    }
  }
  return best?.point ?? null
}

/** The stretches of the line at `lat` inside the polygon, west to east. */
export function spansAt(polygon: PolygonRings, lat: number): [number, number][] {
  const xs: number[] = []
  for (const ring of polygon) {
    const n = ring.length
    for (let i = 0, j = n - 1; i < n; j = i++) {
      const [xi, yi] = ring[i]
      const [xj, yj] = ring[j]
      // half-open in y, as pointInPolygon counts crossings: a vertex on the line counts once
      if (yi > lat !== yj > lat) xs.push(xi + ((lat - yi) * (xj - xi)) / (yj - yi))
    }
  }
  xs.sort((a, b) => a - b)
  const spans: [number, number][] = []
  for (let k = 0; k + 1 < xs.length; k += 2) if (xs[k + 1] > xs[k]) spans.push([xs[k], xs[k + 1]])
  return spans
}
