import Flatbush from 'flatbush'
import type { LngLat } from '../model'
import { METRES_PER_DEGREE, ON_EDGE_M, bboxOf, type PolygonRings } from './geo'

// A static R-tree (flatbush) over grid bounding boxes, then an exact even-odd test and
// border distance on flat typed arrays. Grids are held in slots sorted by id, so "the
// lowest slot" is "the lowest id" whatever order the grids arrived in (the tie rule).

export interface GridSource { id: string; version: number; communityId: string; streetId: string; polygon: PolygonRings }
export interface GridInfo { id: string; version: number; communityId: string; streetId: string }
/** A grid and the distance from the point to it in metres (0 when it covers the point). */
export interface GridMatch extends GridInfo { distanceM: number }
export interface GridLocation {
  /** the grid that covers the point (border included); on a shared border, the lowest id */
  grid: GridMatch | null
  /** other grids whose border is within the tolerance, nearest first, then by id */
  near: GridMatch[]
}

export interface GridIndex {
  readonly size: number
  locate(p: LngLat, toleranceM?: number): GridLocation
  /** the grid nearest to the point within maxM; ties go to the lowest id */
  nearest(p: LngLat, maxM: number): GridMatch | null
  serialize(): SerializedGridIndex
}

export interface GridIndexHeader { format: 1; ids: string[]; versions: number[]; communityIds: string[]; streetIds: string[] }

/** What a cold start loads instead of GeoJSON: no parsing beyond a small JSON header. */
export interface SerializedGridIndex {
  header: GridIndexHeader
  /** flatbush's own buffer (Flatbush.from reads it without copying) */
  tree: ArrayBuffer
  /** all vertices as lng, lat pairs; rings open (no repeated first vertex) */
  coords: Float64Array
  /** slot s owns rings gridRings[s] .. gridRings[s + 1] - 1 (outer ring first) */
  gridRings: Uint32Array
  /** ring r owns vertices ringVertices[r] .. ringVertices[r + 1] - 1 */
  ringVertices: Uint32Array
}

/** Boot-time data errors (duplicate id, degenerate ring) throw: there is no caller to answer. */
export function buildGridIndex(grids: readonly GridSource[]): GridIndex {
  const sorted = [...grids].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
  const header: GridIndexHeader = { format: 1, ids: [], versions: [], communityIds: [], streetIds: [] }
  const coords: number[] = []
  const gridRings = [0]
  const ringVertices = [0]
  // nodes of 8 measured ~20% faster than the default 16 for point-sized queries
  const tree = new Flatbush(Math.max(sorted.length, 1), 8)
  sorted.forEach((g, s) => {
    if (s > 0 && sorted[s - 1].id === g.id) throw new Error(`grid index: duplicate grid id ${g.id}`)
    header.ids.push(g.id)
    header.versions.push(g.version)
    header.communityIds.push(g.communityId)
    header.streetIds.push(g.streetId)
    if (g.polygon.length === 0) throw new Error(`grid index: grid ${g.id} has no polygon`)
    for (const ring of g.polygon) {
      const closed = ring.length > 1 && ring[0][0] === ring[ring.length - 1][0] && ring[0][1] === ring[ring.length - 1][1]
      const n = closed ? ring.length - 1 : ring.length
      if (n < 3) throw new Error(`grid index: grid ${g.id} has a ring with fewer than 3 vertices`)
      for (let i = 0; i < n; i++) {
        if (!Number.isFinite(ring[i][0]) || !Number.isFinite(ring[i][1])) throw new Error(`grid index: grid ${g.id} has a non-numeric coordinate`)
        coords.push(ring[i][0], ring[i][1])
      }
      ringVertices.push(coords.length / 2)
    }
    gridRings.push(ringVertices.length - 1)
    const box = bboxOf(g.polygon)
    tree.add(box.minLng, box.minLat, box.maxLng, box.maxLat)
  })
  // flatbush cannot hold zero items; one empty box that matches nothing keeps the code uniform
  if (sorted.length === 0) tree.add(Infinity, Infinity, Infinity, Infinity)
  tree.finish()
  return new FlatGridIndex(header, tree, Float64Array.from(coords), Uint32Array.from(gridRings), Uint32Array.from(ringVertices))
}

export function loadGridIndex(s: SerializedGridIndex): GridIndex {
  if (s.header.format !== 1) throw new Error(`grid index: unknown format ${String(s.header.format)}`)
  const tree = Flatbush.from(s.tree)
  const n = s.header.ids.length
  if (tree.numItems !== Math.max(n, 1) || s.gridRings.length !== n + 1) throw new Error('grid index: header and tree disagree')
  return new FlatGridIndex(s.header, tree, s.coords, s.gridRings, s.ringVertices)
}

// Scratch output of scan(): single-threaded, so a module variable beats allocating a pair.
let scanInside = false

class FlatGridIndex implements GridIndex {
  // scratch for hits(): every grid fits, and a depth-first stack holds at most one node
  // list per level
  private readonly found: Int32Array
  private readonly stack: Int32Array

  constructor(
    private readonly header: GridIndexHeader,
    private readonly tree: Flatbush,
    private readonly coords: Float64Array,
    private readonly gridRings: Uint32Array,
    private readonly ringVertices: Uint32Array,
  ) {
    this.found = new Int32Array(tree.numItems)
    this.stack = new Int32Array(2 * tree.nodeSize * tree._levelBounds.length)
  }

  get size() {
    return this.header.ids.length
  }

  locate(p: LngLat, toleranceM = 0): GridLocation {
    const kx = METRES_PER_DEGREE * Math.cos((p.lat * Math.PI) / 180)
    const ky = METRES_PER_DEGREE
    const marginM = Math.max(toleranceM, ON_EDGE_M)
    const n = this.hits(p.lng - marginM / kx, p.lat - marginM / ky, p.lng + marginM / kx, p.lat + marginM / ky)
    let chosen = -1
    const near: GridMatch[] = []
    for (let i = 0; i < n; i++) {
      const s = this.found[i]
      const d = Math.sqrt(this.scan(s, p.lng, p.lat, kx, ky, marginM))
      const covers = scanInside || d <= ON_EDGE_M
      if (covers && (chosen < 0 || s < chosen)) {
        // a second grid that covers the point (shared border, or overlapping data) is a neighbour
        if (chosen >= 0) near.push(this.match(chosen, 0))
        chosen = s
      } else if (covers || d <= toleranceM) {
        near.push(this.match(s, covers ? 0 : d))
      }
    }
    if (near.length > 1) near.sort(byDistanceThenId)
    return { grid: chosen >= 0 ? this.match(chosen, 0) : null, near }
  }

  nearest(p: LngLat, maxM: number): GridMatch | null {
    const kx = METRES_PER_DEGREE * Math.cos((p.lat * Math.PI) / 180)
    const ky = METRES_PER_DEGREE
    const n = this.hits(p.lng - maxM / kx, p.lat - maxM / ky, p.lng + maxM / kx, p.lat + maxM / ky)
    let best = -1
    let bestD = Infinity
    for (let i = 0; i < n; i++) {
      const s = this.found[i]
      // only edges nearer than the best so far need an exact distance
      let d = Math.sqrt(this.scan(s, p.lng, p.lat, kx, ky, Math.min(maxM, bestD)))
      if (scanInside || d <= ON_EDGE_M) d = 0
      if (d <= maxM && (d < bestD || (d === bestD && s < best))) {
        best = s
        bestD = d
      }
    }
    return best >= 0 ? this.match(best, bestD) : null
  }

  /**
   * flatbush's search() without its two array allocations per call (~20% of a lookup):
   * the same walk over the tree's public-typed fields, writing slots into `found`.
   */
  private hits(minX: number, minY: number, maxX: number, maxY: number): number {
    const { _boxes: boxes, _indices: indices, _levelBounds: levelBounds, nodeSize } = this.tree
    const { found, stack } = this
    const leaves = this.tree.numItems * 4
    let n = 0
    let top = 0
    let node = boxes.length - 4
    let level = levelBounds.length - 1
    for (;;) {
      const end = Math.min(node + nodeSize * 4, levelBounds[level])
      for (let pos = node; pos < end; pos += 4) {
        if (maxX < boxes[pos] || maxY < boxes[pos + 1] || minX > boxes[pos + 2] || minY > boxes[pos + 3]) continue
        if (node >= leaves) {
          stack[top++] = indices[pos >> 2]
          stack[top++] = level - 1
        } else {
          found[n++] = indices[pos >> 2]
        }
      }
      if (top === 0) return n
      level = stack[--top]
      node = stack[--top]
    }
  }

  serialize(): SerializedGridIndex {
    return { header: this.header, tree: this.tree.data as ArrayBuffer, coords: this.coords, gridRings: this.gridRings, ringVertices: this.ringVertices }
  }

  private match(s: number, distanceM: number): GridMatch {
    const h = this.header
    return { id: h.ids[s], version: h.versions[s], communityId: h.communityIds[s], streetId: h.streetIds[s], distanceM }
  }

  /**
   * One pass over a grid's edges in metres around the point: even-odd crossings (into
   * scanInside) and the squared distance to the nearest edge (returned), exact up to
   * limitM; beyond it, some value over limitM² (or Infinity).
   */
  private scan(s: number, px: number, py: number, kx: number, ky: number, limitM: number): number {
    const { coords, ringVertices } = this
    let inside = false
    let best = Infinity
    for (let r = this.gridRings[s], rEnd = this.gridRings[s + 1]; r < rEnd; r++) {
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
    scanInside = inside
    return best
  }
}

function byDistanceThenId(a: GridMatch, b: GridMatch): number {
  return a.distanceM - b.distanceM || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
}

// One buffer for shipping: a 32-byte table of lengths, then coords (8-aligned), ring tables,
// flatbush's buffer, and the header JSON as UTF-16 code units (no TextEncoder in every
// mini-program base library). Platform byte order, like flatbush itself: little-endian.
const MAGIC = 0x58494c47 // 'GLIX'

export function packGridIndex(s: SerializedGridIndex): ArrayBuffer {
  const json = JSON.stringify(s.header)
  const lengths = [MAGIC, 1, s.coords.length, s.gridRings.length, s.ringVertices.length, s.tree.byteLength, json.length, 0]
  const treeAt = 32 + s.coords.byteLength + s.gridRings.byteLength + s.ringVertices.byteLength
  const jsonAt = treeAt + s.tree.byteLength + ((2 - (s.tree.byteLength % 2)) % 2)
  const buf = new ArrayBuffer(jsonAt + json.length * 2)
  new Uint32Array(buf, 0, 8).set(lengths)
  new Float64Array(buf, 32, s.coords.length).set(s.coords)
  new Uint32Array(buf, 32 + s.coords.byteLength, s.gridRings.length).set(s.gridRings)
  new Uint32Array(buf, 32 + s.coords.byteLength + s.gridRings.byteLength, s.ringVertices.length).set(s.ringVertices)
  new Uint8Array(buf, treeAt, s.tree.byteLength).set(new Uint8Array(s.tree))
  const chars = new Uint16Array(buf, jsonAt, json.length)
  for (let i = 0; i < json.length; i++) chars[i] = json.charCodeAt(i)
  return buf
}

/** `buf` must start at the packed bytes: from a Node Buffer, pass buffer.slice(byteOffset, byteOffset + length). */
export function unpackGridIndex(buf: ArrayBuffer): SerializedGridIndex {
  const [magic, format, nCoords, nGridRings, nRingVertices, treeBytes, jsonChars] = new Uint32Array(buf, 0, 8)
  if (magic !== MAGIC || format !== 1) throw new Error('grid index: not a packed grid index')
  const coords = new Float64Array(buf, 32, nCoords)
  const gridRings = new Uint32Array(buf, 32 + coords.byteLength, nGridRings)
  const ringVertices = new Uint32Array(buf, gridRings.byteOffset + gridRings.byteLength, nRingVertices)
  const treeAt = ringVertices.byteOffset + ringVertices.byteLength
  // a copy: the tree stays a whole ArrayBuffer with its Float64 boxes 8-aligned
  const tree = buf.slice(treeAt, treeAt + treeBytes)
  const chars = new Uint16Array(buf, treeAt + treeBytes + (treeBytes % 2), jsonChars)
  let json = ''
  // apply in chunks: no spread of typed arrays (ES5 weapp output) and no argument-count limit
  for (let i = 0; i < chars.length; i += 8192) json += String.fromCharCode.apply(null, chars.subarray(i, i + 8192) as unknown as number[])
  return { header: JSON.parse(json) as GridIndexHeader, tree, coords, gridRings, ringVertices }
}
