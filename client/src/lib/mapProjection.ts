import type { GridGeometry, LngLat } from '../../../shared/model'

// A community drawn as SVG, without map tiles: GCJ-02 lng/lat to the drawing's units and
// back. A degree of longitude is shorter than one of latitude by cos(latitude) (0.92 at
// Shenzhen, 0.77 at Beijing), so x is scaled by it at the drawing's middle latitude: across a
// community (a kilometre or two) that keeps shapes true to well under 1%. North is up.

export type BBox = [minLng: number, minLat: number, maxLng: number, maxLat: number]

export interface Projection {
  /** the viewBox: `0 0 width height` */
  width: number
  height: number
  toXY(p: LngLat): [number, number]
  toLngLat(x: number, y: number): LngLat
}

export interface ProjectionOptions {
  /** viewBox width; about the drawing's width in CSS pixels, so labels are sized like text */
  width?: number
  /** the tallest the drawing may be: a tall community is fitted, not drawn a screen high */
  maxHeight?: number
  /** room around the shapes for the pin and the labels */
  padding?: number
}

/** Below this span (a point, a line) the box is widened so the drawing has an area. */
const MIN_SPAN_DEG = 0.0005

export function projectionFor(bbox: BBox, opts: ProjectionOptions = {}): Projection {
  const { width = 340, maxHeight = 340, padding = 16 } = opts
  const [minLng, minLat, maxLng, maxLat] = widened(bbox)
  const k = Math.cos((((minLat + maxLat) / 2) * Math.PI) / 180)
  const spanX = (maxLng - minLng) * k
  const spanY = maxLat - minLat
  const scale = Math.min((width - 2 * padding) / spanX, (maxHeight - 2 * padding) / spanY)
  const height = spanY * scale + 2 * padding
  // a tall shape fitted to maxHeight is centred across the width
  const offsetX = (width - spanX * scale) / 2
  return {
    width,
    height,
    toXY: (p) => [offsetX + (p.lng - minLng) * k * scale, padding + (maxLat - p.lat) * scale],
    toLngLat: (x, y) => ({ lng: minLng + (x - offsetX) / (k * scale), lat: maxLat - (y - padding) / scale }),
  }
}

function widened([minLng, minLat, maxLng, maxLat]: BBox): BBox {
  const grow = (lo: number, hi: number): [number, number] => (hi - lo >= MIN_SPAN_DEG ? [lo, hi] : [(lo + hi) / 2 - MIN_SPAN_DEG / 2, (lo + hi) / 2 + MIN_SPAN_DEG / 2])
  const [x0, x1] = grow(minLng, maxLng)
  const [y0, y1] = grow(minLat, maxLat)
  return [x0, y0, x1, y1]
}

/** An SVG path of every ring of every part (draw with fill-rule evenodd so holes stay open). */
export function pathOf(geometry: GridGeometry, projection: Projection): string {
  const parts = geometry.type === 'MultiPolygon' ? geometry.coordinates : [geometry.coordinates]
  const round = (n: number) => Math.round(n * 10) / 10
  return parts
    .flatMap((rings) => rings.map((ring) => ring.map(([lng, lat], i) => {
      const [x, y] = projection.toXY({ lng, lat })
      return `${i === 0 ? 'M' : 'L'}${round(x)} ${round(y)}`
    }).join(' ') + ' Z'))
    .join(' ')
}

export interface Rect { left: number; top: number; width: number; height: number }

/**
 * Where a tap at (clientX, clientY) lands in viewBox units, for an <svg> shown in `rect`
 * (getBoundingClientRect) with the default preserveAspectRatio, xMidYMid meet: the
 * drawing is scaled to fit and centred, so the margins are left out before scaling back.
 */
export function clientToViewBox(clientX: number, clientY: number, rect: Rect, viewBox: { width: number; height: number }): [number, number] {
  const scale = Math.min(rect.width / viewBox.width, rect.height / viewBox.height)
  const marginX = (rect.width - viewBox.width * scale) / 2
  const marginY = (rect.height - viewBox.height * scale) / 2
  return [(clientX - rect.left - marginX) / scale, (clientY - rect.top - marginY) / scale]
}

/** Six decimals (about 0.1 m): what the form sends, and what a tap can mean. */
export const round6 = (n: number) => Math.round(n * 1e6) / 1e6
