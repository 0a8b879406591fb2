import type { Grid, LngLat } from '../model'
import { metresPerDegree, type BBox } from './geo'

// A deterministic synthetic city for tests and `npm run bench`: a jittered lattice whose
// neighbours share every vertex of their common edge (as surveyed grids do), with wavy
// edges, a few holes and a few cells left out as gaps. Every vertex is a pure function of
// (seed, lattice position), so both grids on an edge compute bit-identical coordinates.

export type CityGrid = Pick<Grid, 'id' | 'name' | 'version' | 'communityId' | 'streetId' | 'polygon'>

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
  const { grids: count, seed = 1, cellM = 300, vertsPerEdge = 3, holeRate = 0.05, gapRate = 0.03 } = options
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

  // The vertices strictly between two lattice nodes; `vertical` edges wave east-west.
  const edgeInterior = (i: number, j: number, vertical: boolean): [number, number][] => {
    const [ax, ay] = node(i, j)
    const [bx, by] = vertical ? node(i, j + 1) : node(i + 1, j)
    const out: [number, number][] = []
    for (let m = 1; m <= vertsPerEdge; m++) {
      const t = m / (vertsPerEdge + 1)
      const wave = jitter(i, j, (vertical ? 100 : 200) + m, 0.08)
      out.push([ax + t * (bx - ax) + (vertical ? wave : 0), ay + t * (by - ay) + (vertical ? 0 : wave)])
    }
    return out
  }

  const grids: CityGrid[] = []
  const box: BBox = { minLng: Infinity, minLat: Infinity, maxLng: -Infinity, maxLat: -Infinity }
  for (let cell = 0; grids.length < count; cell++) {
    const i = cell % cols
    const j = Math.floor(cell / cols)
    if (hash01(seed, i, j, 2) < gapRate) continue
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
    if (hash01(seed, i, j, 3) < holeRate) {
      // clockwise, around the nominal centre, always clear of the jittered edges
      const cx = (i + 0.5) * cellM
      const cy = (j + 0.5) * cellM
      const hx = 0.15 * cellM
      const hy = 0.12 * cellM
      const hole = [toLngLat(cx - hx, cy - hy), toLngLat(cx - hx, cy + hy), toLngLat(cx + hx, cy + hy), toLngLat(cx + hx, cy - hy)]
      polygon.push([...hole, hole[0]])
    }
    for (const [lng, lat] of outer) {
      box.minLng = Math.min(box.minLng, lng)
      box.minLat = Math.min(box.minLat, lat)
      box.maxLng = Math.max(box.maxLng, lng)
      box.maxLat = Math.max(box.maxLat, lat)
    }
    const n = grids.length + 1
    grids.push({
      id: `g${String(n).padStart(6, '0')}`,
      name: `第${n}网格`,
      version: 1,
      // communities of 4 x 4 cells, streets of 16 x 16, roughly the real proportions
      communityId: `c-${Math.floor(i / 4)}-${Math.floor(j / 4)}`,
      streetId: `s-${Math.floor(i / 16)}-${Math.floor(j / 16)}`,
      polygon,
    })
  }
  return { grids, bbox: box }
}

/** Uniform random points over a box, from a seed. */
export function randomPoints(n: number, box: BBox, seed = 7): LngLat[] {
  const rnd = mulberry32(seed)
  const points: LngLat[] = []
  for (let i = 0; i < n; i++) points.push({ lng: box.minLng + rnd() * (box.maxLng - box.minLng), lat: box.minLat + rnd() * (box.maxLat - box.minLat) })
  return points
}
