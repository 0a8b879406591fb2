import type { LngLat } from '../model'

// The exact test behind every answer: one pass over a grid's edges in metres around the
// point (geo.ts's local projection), giving even-odd inside-ness and the distance to the
// nearest edge.

/** Every grid's rings in flat arrays: what the index packs, scans and builds its cell table from. */
export interface FlatRings {
  /** all vertices as lng, lat pairs; rings open (no repeated first vertex) */
  coords: Float64Array
  /**
   * grid s owns rings gridRings[s] .. gridRings[s + 1] - 1: every ring of every part
   * (geo.ts ringsOf), read by the even-odd rule, so which ring is a hole never matters
   */
  gridRings: Uint32Array
  /** ring r owns vertices ringVertices[r] .. ringVertices[r + 1] - 1 */
  ringVertices: Uint32Array
}

export class EdgeScanner {
  /**
   * scan()'s numbers, in: [0] the point's lng, [1] lat, [2] metres per degree of
   * longitude there, [3] of latitude, [4] limitM; out: [5] the squared distance. A typed
   * array, not arguments and a return value: a call that is not inlined boxes every
   * number it passes, an allocation each, several per lookup.
   */
  readonly io = new Float64Array(6)
  /** even-odd inside-ness from the last scan */
  inside = false

  constructor(private readonly g: FlatRings) {}

  /** The point for the scans of one lookup, and metres per degree there (small: inlined). */
  aroundPoint(p: LngLat, kx: number, ky: number): Float64Array {
    const io = this.io
    io[0] = p.lng
    io[1] = p.lat
    io[2] = kx
    io[3] = ky
    return io
  }

  /**
   * The squared distance from the point to grid s's nearest edge, exact up to limitM
   * (beyond it, some value over limitM², or Infinity), into io[5]; inside-ness into `inside`.
   */
  scan(s: number): void {
    const { coords, gridRings, ringVertices } = this.g
    const io = this.io
    const px = io[0]
    const py = io[1]
    const kx = io[2]
    const ky = io[3]
    const limitM = io[4]
    let inside = false
    let best = Infinity
    for (let r = gridRings[s], rEnd = gridRings[s + 1]; r < rEnd; r++) {
      const start = ringVertices[r] * 2
      const end = ringVertices[r + 1] * 2
      let ax = (coords[end - 2] - px) * kx
      let ay = (coords[end - 1] - py) * ky
      for (let i = start; i < end; i += 2) {
        const bx = (coords[i] - px) * kx
        const by = (coords[i + 1] - py) * ky
        if (by > 0 !== ay > 0 && 0 < bx - (by * (ax - bx)) / (ay - by)) inside = !inside
        // most edges of a grid lie far beyond the tolerance: a box test skips their distance
        if ((ax <= limitM || bx <= limitM) && (ax >= -limitM || bx >= -limitM) && (ay <= limitM || by <= limitM) && (ay >= -limitM || by >= -limitM)) {
          const dx = bx - ax
          const dy = by - ay
          const len = dx * dx + dy * dy
          let t = len > 0 ? -(ax * dx + ay * dy) / len : 0
          t = t < 0 ? 0 : t > 1 ? 1 : t
          const x = ax + t * dx
          const y = ay + t * dy
          const d = x * x + y * y
          if (d < best) best = d
        }
        ax = bx
        ay = by
      }
    }
    this.inside = inside
    io[5] = best
  }
}
