// A uniform table of cells over the grids, built with the index for one border tolerance
// T (cellBuild.ts). Most lookups are plainly inside a grid, and the R-tree walk plus the
// exact border distance cost far more than that answer; the table gives it from one
// record, and for the other points lists the only grids that can be in the answer, so
// the exact test runs on those few without the tree walk.
//
// Per cell, with R = T + a 10 cm margin measured from the whole cell (not a point in it),
// every grid is one of:
// - "scan": one of its edges lies within R of the cell, so the exact test must run;
// - "covers": it contains the whole cell and no edge is within R: every point of the cell
//   is inside it and farther than T from its border, without a test;
// - neither: it contains no point of the cell and no edge is within R, so it is in no
//   answer for any tolerance up to T, and is left out.
// A cell whose only grid covers it is clear: inside that grid, no neighbour, distance 0.
// Each cell is also split 4 × 4; a sub-cell clear in one of the first three grids of the
// cell's list says so in 2 bits, so the clear area reaches close to the borders.
//
// Lookups over a city are random reads of a few MB, so each read that misses the cache
// costs more than the arithmetic: a cell is one 16-byte record (never split across cache
// lines) holding its kind, its sub-cell codes and its first two grids, which is the
// whole list for most cells.
//
// Why the answers are identical to the exact path: that path's answer depends only on the
// grids that cover the point or lie within the tolerance (others are filtered out, and
// the result is sorted), and every such grid is on the cell's list or is its clear grid.

/** The scalars of a table (kept in the JSON header of a packed index). */
export interface CellTableHeader {
  /** the border tolerance the table was derived for; it answers for any tolerance up to it */
  toleranceM: number
  minLng: number
  minLat: number
  /** one cell in degrees; sub-cells are a quarter of that each way */
  stepLng: number
  stepLat: number
  cols: number
  rows: number
}

export interface CellTable extends CellTableHeader {
  /**
   * four numbers per cell, row-major: [kind, codes, entry 1, entry 2]. Kind: slot ≥ 0
   * clear in that grid; -1 no grid within R; -2 or -3 a list of 1 or 2 entries, the
   * record's own; k ≤ -4 a longer list at lists[-4 - k]. Entries are slot * 2 + (1 when
   * the grid covers the whole cell), sorted. Codes, for a list: 2 bits per sub-cell (bit
   * 8·row + 2·col within the cell), j > 0 when the sub-cell is clear in the grid of the
   * list's j-th entry, 0 to test the list
   */
  cells: Int32Array
  /** lists of three entries or more: a count, then the entries */
  lists: Int32Array
}

/** What a packed index stores beside the header's scalars. */
export type CellTableArrays = Omit<CellTable, keyof CellTableHeader>

/**
 * Not in the table (outside it, or a coordinate that is not a number): use the tree. The
 * smallest small integer of V8, not -2³¹: a value that needs a heap number would make
 * every lookup's result one. Lists stay below 2³⁰ numbers, so no list is read as this.
 */
export const NOT_IN_TABLE = -0x40000000
export const NOTHING_NEAR = -1

/**
 * What the table says about a point: a slot ≥ 0 when it is clear inside that grid,
 * NOTHING_NEAR when no grid is within R, NOT_IN_TABLE, or else v ≤ -2: the grids to test
 * are the list of the cell record at cells[-2 - v] (see listOf).
 */
export function lookupCell(t: CellTable, lng: number, lat: number): number {
  const x = ((lng - t.minLng) / t.stepLng) * 4
  const y = ((lat - t.minLat) / t.stepLat) * 4
  // NaN fails every comparison, so it lands here too
  if (!(x >= 0 && x < t.cols * 4 && y >= 0 && y < t.rows * 4)) return NOT_IN_TABLE
  const sx = Math.floor(x)
  const sy = Math.floor(y)
  const at = ((sy >> 2) * t.cols + (sx >> 2)) * 4
  const kind = t.cells[at]
  if (kind >= NOTHING_NEAR) return kind
  const j = (t.cells[at + 1] >>> (((sy & 3) << 3) | ((sx & 3) << 1))) & 3
  if (j === 0) return -2 - at
  return (j < 3 ? t.cells[at + 1 + j] : t.lists[-4 - kind + 3]) >> 1
}

/**
 * The entries of the list lookupCell answered v ≤ -2 for: the returned array from
 * range[0] to range[1] - 1 (a caller's scratch pair, so no lookup allocates one).
 */
export function listOf(t: CellTable, v: number, range: Int32Array): Int32Array {
  const at = -2 - v
  const kind = t.cells[at]
  if (kind >= -3) {
    // kind -2 or -3: the record's own 1 or 2 entries
    range[0] = at + 2
    range[1] = at + 1 - kind
    return t.cells
  }
  range[0] = -3 - kind
  range[1] = -3 - kind + t.lists[-4 - kind]
  return t.lists
}
