import Flatbush from 'flatbush'
import type { LngLat } from '../model'
import { buildCellTable } from './cellBuild'
import { NOTHING_NEAR, NOT_IN_TABLE, listOf, lookupCell, type CellTable, type CellTableArrays, type CellTableHeader } from './cellTable'
import { EdgeScanner, type FlatRings } from './edgeScan'
import { METRES_PER_DEGREE, ON_EDGE_M, bboxOf, ringsOf, type AreaGeometry } from './geo'
import { validateGeometry } from './validateGeometry'

// A static R-tree (flatbush) over grid bounding boxes, then an exact even-odd test and
// border distance on flat typed arrays. Grids are held in slots sorted by id, so "the
// lowest slot" is "the lowest id" whatever order the grids arrived in (the tie rule).
// In front of the tree, a cell table (cellTable.ts) answers most points without it.
// A grid may be a MultiPolygon with holes in any part: the box in the tree, the exact
// test, the border distance and the cell table all read the same rings, every ring of
// every part (geo.ts ringsOf), and only once validateGeometry has passed them.

/** The router's default border tolerance, so a plain build serves a default router from its cell table. */
export const DEFAULT_BORDER_TOLERANCE_M = 30

export interface GridSource { id: string; version: number; communityId: string; streetId: string; geometry: AreaGeometry }
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
  /** the tolerance the cell table was built for (it serves any tolerance up to it), or null without one */
  readonly cellToleranceM: number | null
  /** the same grids with a cell table for this tolerance, built now (the geometry is shared) */
  withCellTable(toleranceM: number, cellM?: number): GridIndex
}

export interface GridIndexHeader {
  format: 2
  ids: string[]
  versions: number[]
  communityIds: string[]
  streetIds: string[]
  /** the cell table's scalars; null when the index has none */
  cells: CellTableHeader | null
}

export interface BuildOptions {
  /**
   * Build the cell table for this border tolerance (default 30 m, the router's default);
   * null for none. A router with a larger tolerance falls back to the exact path.
   */
  cellToleranceM?: number | null
  /** cell side in metres (sub-cells are a quarter of it); by default a quarter of the median grid */
  cellM?: number
}

/** What a cold start loads instead of GeoJSON: no parsing beyond a small JSON header. */
export interface SerializedGridIndex extends FlatRings {
  header: GridIndexHeader
  /** flatbush's own buffer (Flatbush.from reads it without copying) */
  tree: ArrayBuffer
  /** the cell table's arrays (cellTable.ts), when header.cells is set */
  cellTable: CellTableArrays | null
}

/**
 * Boot-time data errors (a duplicate id, a geometry validateGeometry refuses) throw, naming
 * the grid: there is no caller to answer, and a bad ring must never reach the index.
 */
export function buildGridIndex(grids: readonly GridSource[], options: BuildOptions = {}): GridIndex {
  const sorted = [...grids].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
  const header: GridIndexHeader = { format: 2, ids: [], versions: [], communityIds: [], streetIds: [], cells: null }
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
    const problems = validateGeometry(g.geometry)
    if (problems.length > 0) throw new Error(`grid index: grid ${g.id} has an invalid geometry: ${problems.map((p) => `${p.path} ${p.message}`).join('; ')}`)
    const rings = ringsOf(g.geometry)
    for (const ring of rings) {
      const closed = ring[0][0] === ring[ring.length - 1][0] && ring[0][1] === ring[ring.length - 1][1]
      for (let i = 0, n = closed ? ring.length - 1 : ring.length; i < n; i++) coords.push(ring[i][0], ring[i][1])
      ringVertices.push(coords.length / 2)
    }
    gridRings.push(ringVertices.length - 1)
    const box = bboxOf(rings)
    tree.add(box.minLng, box.minLat, box.maxLng, box.maxLat)
  })
  // flatbush cannot hold zero items; one empty box that matches nothing keeps the code uniform
  if (sorted.length === 0) tree.add(Infinity, Infinity, Infinity, Infinity)
  tree.finish()
  const geometry = { coords: Float64Array.from(coords), gridRings: Uint32Array.from(gridRings), ringVertices: Uint32Array.from(ringVertices) }
  const index = new FlatGridIndex(header, tree, geometry, null)
  const { cellToleranceM = DEFAULT_BORDER_TOLERANCE_M, cellM } = options
  return cellToleranceM === null ? index : index.withCellTable(cellToleranceM, cellM)
}

export function loadGridIndex(s: SerializedGridIndex): GridIndex {
  if (s.header.format !== 2) throw new Error(`grid index: unknown format ${String(s.header.format)}`)
  const tree = Flatbush.from(s.tree)
  const n = s.header.ids.length
  if (tree.numItems !== Math.max(n, 1) || s.gridRings.length !== n + 1) throw new Error('grid index: header and tree disagree')
  const c = s.header.cells
  const t = s.cellTable
  if (!c !== !t || (c && t && t.cells.length !== c.cols * c.rows * 4)) {
    throw new Error('grid index: header and cell table disagree')
  }
  return new FlatGridIndex(s.header, tree, s, c && t ? { ...c, ...t } : null)
}

class FlatGridIndex implements GridIndex {
  // scratch for hits(): every grid fits, and a depth-first stack holds at most one node
  // list per level
  private readonly found: Int32Array
  private readonly stack: Int32Array
  // scratch for nearest(): each hit's box (position in the tree), its distance, an order
  private readonly foundAt: Int32Array
  private readonly boxM: Float64Array
  private readonly order: Int32Array
  private readonly edges: EdgeScanner
  private readonly range = new Int32Array(2)

  constructor(
    private readonly header: GridIndexHeader,
    private readonly tree: Flatbush,
    private readonly geometry: FlatRings,
    private readonly table: CellTable | null,
  ) {
    this.edges = new EdgeScanner(geometry)
    this.found = new Int32Array(tree.numItems)
    this.foundAt = new Int32Array(tree.numItems)
    this.boxM = new Float64Array(tree.numItems)
    this.order = new Int32Array(tree.numItems)
    this.stack = new Int32Array(2 * tree.nodeSize * tree._levelBounds.length)
  }

  get size() {
    return this.header.ids.length
  }

  get cellToleranceM() {
    return this.table ? this.table.toleranceM : null
  }

  withCellTable(toleranceM: number, cellM?: number): GridIndex {
    const table = buildCellTable(this.geometry, this.size, toleranceM, cellM)
    const cells = table && { toleranceM, minLng: table.minLng, minLat: table.minLat, stepLng: table.stepLng, stepLat: table.stepLat, cols: table.cols, rows: table.rows }
    return new FlatGridIndex({ ...this.header, cells }, this.tree, this.geometry, table)
  }

  // Candidates come as entries slot * 2 + (1 when the grid covers the point for sure):
  // from the cell table's list when the point's cell has one, else from the tree walk.
  // The answer depends only on the grids that cover the point or lie within the
  // tolerance, whatever other candidates come along and in whatever order, and both
  // sources hold every such grid, so both give the same answer.
  locate(p: LngLat, toleranceM = 0): GridLocation {
    const t = this.table
    const v = t && toleranceM <= t.toleranceM ? lookupCell(t, p.lng, p.lat) : NOT_IN_TABLE
    if (v >= 0) return { grid: this.match(v, 0), near: [] }
    if (v === NOTHING_NEAR) return { grid: null, near: [] }
    const kx = METRES_PER_DEGREE * Math.cos((p.lat * Math.PI) / 180)
    const ky = METRES_PER_DEGREE
    const marginM = Math.max(toleranceM, ON_EDGE_M)
    const { edges } = this
    const io = edges.aroundPoint(p, kx, ky)
    io[4] = marginM
    let entries = this.found
    let from = 0
    let to: number
    if (v !== NOT_IN_TABLE) {
      entries = listOf(t!, v, this.range)
      from = this.range[0]
      to = this.range[1]
    } else {
      to = this.hits(p.lng - marginM / kx, p.lat - marginM / ky, p.lng + marginM / kx, p.lat + marginM / ky)
    }
    let chosen = -1
    const near: GridMatch[] = []
    for (let i = from; i < to; i++) {
      const s = entries[i] >> 1
      const whole = (entries[i] & 1) === 1
      if (!whole) edges.scan(s)
      const d = whole ? 0 : Math.sqrt(io[5])
      const covers = whole || edges.inside || d <= ON_EDGE_M
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
    // Nearest boxes first: the best distance drops early, and a grid whose box lies
    // farther than that (by more than rounding) can neither win nor tie, so it goes
    // unscanned. Sorting is insertion sort, so only for the usual handful of hits.
    const { boxM, order, foundAt, edges } = this
    const boxes = this.tree._boxes
    const io = edges.aroundPoint(p, kx, ky)
    for (let i = 0; i < n; i++) {
      const at = foundAt[i]
      const dx = Math.max(boxes[at] - p.lng, 0, p.lng - boxes[at + 2]) * kx
      const dy = Math.max(boxes[at + 1] - p.lat, 0, p.lat - boxes[at + 3]) * ky
      boxM[i] = Math.sqrt(dx * dx + dy * dy)
      let k = i
      if (n <= 64) for (; k > 0 && boxM[order[k - 1]] > boxM[i]; k--) order[k] = order[k - 1]
      order[k] = i
    }
    let best = -1
    let bestD = Infinity
    for (let k = 0; k < n; k++) {
      const i = order[k]
      if (boxM[i] > bestD + 1e-6) {
        if (n <= 64) break
        continue
      }
      const s = this.found[i] >> 1
      // only edges nearer than the best so far need an exact distance
      io[4] = Math.min(maxM, bestD)
      edges.scan(s)
      let d = Math.sqrt(io[5])
      if (edges.inside || d <= ON_EDGE_M) d = 0
      if (d <= maxM && (d < bestD || (d === bestD && s < best))) {
        best = s
        bestD = d
      }
    }
    return best >= 0 ? this.match(best, bestD) : null
  }

  /**
   * flatbush's search() without its two array allocations per call (~20% of a lookup):
   * the same walk over the tree's public-typed fields, writing entries (slot * 2, as in
   * the cell table's lists) into `found`.
   */
  private hits(minX: number, minY: number, maxX: number, maxY: number): number {
    const { _boxes: boxes, _indices: indices, _levelBounds: levelBounds, nodeSize } = this.tree
    const { found, foundAt, stack } = this
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
          foundAt[n] = pos
          found[n++] = indices[pos >> 2] * 2
        }
      }
      if (top === 0) return n
      level = stack[--top]
      node = stack[--top]
    }
  }

  serialize(): SerializedGridIndex {
    const { header, table: t, geometry: g } = this
    const cellTable = t && { cells: t.cells, lists: t.lists }
    return { header, tree: this.tree.data as ArrayBuffer, coords: g.coords, gridRings: g.gridRings, ringVertices: g.ringVertices, cellTable }
  }

  private match(s: number, distanceM: number): GridMatch {
    const h = this.header
    return { id: h.ids[s], version: h.versions[s], communityId: h.communityIds[s], streetId: h.streetIds[s], distanceM }
  }
}

function byDistanceThenId(a: GridMatch, b: GridMatch): number {
  return a.distanceM - b.distanceM || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
}

export { packGridIndex, unpackGridIndex } from './packedIndex'
