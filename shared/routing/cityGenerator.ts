import type { Grid, LngLat } from '../model'
import { metresPerDegree, type BBox } from './geo'

// A deterministic synthetic city for tests and `npm run bench`: a jittered lattice whose
// neighbours share every vertex of their common edge (as surveyed grids do), with wavy
// edges, a few holes and a few cells left out as gaps. Some grids are MultiPolygons: an
// island in the gap east of them, or a part inside their own hole (an island in a pond).
// Every vertex is a pure function of (seed, lattice position), so both grids on an edge
// compute bit-identical coordinates.

export type CityGrid = Pick<Grid, 'id' | 'name' | 'version' | 'communityId' | 'streetId' | 'geometry'>

export interface CityOptions {
  grids: number
  seed?: number
  /** nominal cell size; real grids in Shenzhen are a few hundred metres across */
  cellM?: number
  /** vertices added along each lattice edge, so rings are not just quadrilaterals */
  vertsPerEdge?: number
  /** share of grids with a hole (a park or school carved out) */
  holeRate?: number
  /** share of lattice cells left out, so some points fall in no grid */
  gapRate?: number
  /**
   * share of the grids west of a gap that own an island in it, and of holed grids with a
   * part inside their hole: either makes the grid a MultiPolygon
   */
  islandRate?: number
  origin?: LngLat
}

export interface City { grids: CityGrid[]; bbox: BBox }

/** Seeded PRNG (mulberry32): same seed, same sequence, on every engine. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

function fmix32(h: number): number {
  h ^= h >>> 16
  h = Math.imul(h, 0x85ebca6b)
  h ^= h >>> 13
  h = Math.imul(h, 0xc2b2ae35)
  return (h ^ (h >>> 16)) >>> 0
}

// A value in [0, 1) from a seed and lattice position: order-free, unlike a PRNG stream.
function hash01(seed: number, a: number, b: number, c: number): number {
  let h = fmix32(seed + 0x9e3779b9)
  h = fmix32(h ^ Math.imul(a + 1, 0x27d4eb2d))
  h = fmix32(h ^ Math.imul(b + 1, 0x165667b1))
  h = fmix32(h ^ Math.imul(c + 1, 0x9e3779b1))
  return h / 4294967296
}

export function generateCity(options: CityOptions): City {
  const { grids: count, seed = 1, cellM = 300, vertsPerEdge = 3, holeRate = 0.05, gapRate = 0.03, islandRate = 0.5 } = options
  const origin = options.origin ?? { lng: 114.0, lat: 22.5 }
  const k = metresPerDegree(origin.lat)
  const cols = Math.max(1, Math.ceil(Math.sqrt(count / (1 - gapRate))))
  // 1e-7 degrees (~1 cm), as surveyed data is stored; rounding is deterministic, so shared
  // vertices stay identical
  const toLngLat = (xM: number, yM: number): [number, number] => [
    Math.round((origin.lng + xM / k.x) * 1e7) / 1e7,
    Math.round((origin.lat + yM / k.y) * 1e7) / 1e7,
  ]
  const jitter = (a: number, b: number, c: number, amount: number) => (hash01(seed, a, b, c) - 0.5) * 2 * amount * cellM
  const node = (i: number, j: number): [number, number] => [i * cellM + jitter(i, j, 0, 0.2), j * cellM + jitter(i, j, 1, 0.2)]

  // The vertices strictly between two lattice nodes; `vertical` edges wave east-west. The
  // wave fades within a quarter edge of a node, so two edges never cross near the corner
  // they share however many vertices they have (with the default 3, nothing fades).
  const edgeInterior = (i: number, j: number, vertical: boolean): [number, number][] => {
    const [ax, ay] = node(i, j)
    const [bx, by] = vertical ? node(i, j + 1) : node(i + 1, j)
    const out: [number, number][] = []
    for (let m = 1; m <= vertsPerEdge; m++) {
      const t = m / (vertsPerEdge + 1)
      const fade = Math.min(1, (4 * t) ** 2, (4 * (1 - t)) ** 2)
      const wave = fade * jitter(i, j, (vertical ? 100 : 200) + m, 0.08)
      out.push([ax + t * (bx - ax) + (vertical ? wave : 0), ay + t * (by - ay) + (vertical ? 0 : wave)])
    }
    return out
  }

  const grids: CityGrid[] = []
  const bbox: BBox = { minLng: Infinity, minLat: Infinity, maxLng: -Infinity, maxLat: -Infinity }
  for (let cell = 0; grids.length < count; cell++) {
    const i = cell % cols
    const j = Math.floor(cell / cols)
    const isGap = (ci: number, cj: number) => hash01(seed, ci, cj, 2) < gapRate
    if (isGap(i, j)) continue
    // counter-clockwise: bottom and right edges forwards, top and left edges reversed
    const ringM: [number, number][] = [
      node(i, j), ...edgeInterior(i, j, false),
      node(i + 1, j), ...edgeInterior(i + 1, j, true),
      node(i + 1, j + 1), ...edgeInterior(i, j + 1, false).reverse(),
      node(i, j + 1), ...edgeInterior(i, j, true).reverse(),
    ]
    const outer = ringM.map(([x, y]) => toLngLat(x, y))
    outer.push(outer[0])
    const polygon = [outer]
    const parts = [polygon]
    // rectangles around a nominal cell centre stay clear of the jittered edges (nodes move
    // at most 0.2 of a cell, waves 0.08), so islands and holes never touch a neighbour
    const box = (cx: number, cy: number, hx: number, hy: number, clockwise: boolean): [number, number][] => {
      const [sw, se, ne, nw] = [toLngLat(cx - hx, cy - hy), toLngLat(cx + hx, cy - hy), toLngLat(cx + hx, cy + hy), toLngLat(cx - hx, cy + hy)]
      return clockwise ? [sw, nw, ne, se, sw] : [sw, se, ne, nw, sw]
    }
    const [cx, cy] = [(i + 0.5) * cellM, (j + 0.5) * cellM]
    if (hash01(seed, i, j, 3) < holeRate) {
      polygon.push(box(cx, cy, 0.15 * cellM, 0.12 * cellM, true))
      if (hash01(seed, i, j, 4) < islandRate) parts.push([box(cx, cy, 0.06 * cellM, 0.05 * cellM, false)])
    }
    // the gap east of this grid, if any, is claimed by no one else (only its west neighbour looks)
    if (i + 1 < cols && isGap(i + 1, j) && hash01(seed, i, j, 5) < islandRate) {
      const island = [box(cx + cellM, cy, 0.14 * cellM, 0.1 * cellM, false)]
      if (hash01(seed, i, j, 6) < 0.5) island.push(box(cx + cellM, cy, 0.05 * cellM, 0.04 * cellM, true))
      parts.push(island)
    }
    for (const [lng, lat] of parts.flatMap((part) => part[0])) {
      bbox.minLng = Math.min(bbox.minLng, lng)
      bbox.minLat = Math.min(bbox.minLat, lat)
      bbox.maxLng = Math.max(bbox.maxLng, lng)
      bbox.maxLat = Math.max(bbox.maxLat, lat)
    }
    const n = grids.length + 1
    grids.push({
      id: `g${String(n).padStart(6, '0')}`,
      name: `第${n}网格`,
      version: 1,
      // communities of 4 x 4 cells, streets of 16 x 16, roughly the real proportions
      communityId: `c-${Math.floor(i / 4)}-${Math.floor(j / 4)}`,
      streetId: `s-${Math.floor(i / 16)}-${Math.floor(j / 16)}`,
      geometry: parts.length > 1 ? { type: 'MultiPolygon', coordinates: parts } : { type: 'Polygon', coordinates: polygon },
    })
  }
  return { grids, bbox }
}

/** Uniform random points over a box, from a seed. */
export function randomPoints(n: number, box: BBox, seed = 7): LngLat[] {
  const rnd = mulberry32(seed)
  const points: LngLat[] = []
  for (let i = 0; i < n; i++) points.push({ lng: box.minLng + rnd() * (box.maxLng - box.minLng), lat: box.minLat + rnd() * (box.maxLat - box.minLat) })
  return points
}
