import { Pairs } from './cellLists'
import type { CellTable } from './cellTable'
import type { FlatRings } from './edgeScan'
import { METRES_PER_DEGREE } from './geo'

// Builds the cell table of cellTable.ts in one pass per grid, at sub-cell resolution:
// - "near" bits: every sub-cell that may lie within R of one of the grid's edges, found
//   a sub-row at a time from the part of the edge that can reach that row. The bits are
//   a superset (a wrongly near sub-cell only costs an exact test, never a wrong answer);
// - "inside" bits: sub-cells whose centre is inside the grid, by scanlines through the
//   centres with the exact path's even-odd rule. Only trusted where not near: no edge
//   passes within R of such a sub-cell, so its centre speaks for all of its points.
// Then per cell: the grids it lists, and the sub-cells that are clear in one of them.

// Absorbs float rounding when a point is mapped to its cell and when distances are taken
// (both ~1e-9 m); 10 cm is ample and costs well under 1% of the clear area.
const MARGIN_M = 0.1
// 8 MB of cell records at most: a sprawling area gets coarser cells instead.
const MAX_CELLS = 1 << 19
const ALL = 0xffff

/** Cells of about a quarter of the median grid (sub-cells a sixteenth): most of a grid's inside is clear. */
export function defaultCellM(g: FlatRings, n: number): number {
  const sides = new Float64Array(n)
  for (let s = 0; s < n; s++) {
    let minX = Infinity
    let minY = Infinity
    let maxX = -Infinity
    let maxY = -Infinity
    // every ring of the grid, as the index's box and the table's marks take it
    for (let i = g.ringVertices[g.gridRings[s]] * 2, end = g.ringVertices[g.gridRings[s + 1]] * 2; i < end; i += 2) {
      minX = Math.min(minX, g.coords[i])
      maxX = Math.max(maxX, g.coords[i])
      minY = Math.min(minY, g.coords[i + 1])
      maxY = Math.max(maxY, g.coords[i + 1])
    }
    const kx = METRES_PER_DEGREE * Math.cos((((minY + maxY) / 2) * Math.PI) / 180)
    sides[s] = Math.sqrt((maxX - minX) * kx * (maxY - minY) * METRES_PER_DEGREE)
  }
  sides.sort()
  return Math.min(400, Math.max(20, sides[sides.length >> 1] / 4))
}

export function buildCellTable(g: FlatRings, n: number, toleranceM: number, cellM = defaultCellM(g, n)): CellTable | null {
  if (n === 0 || !(toleranceM >= 0) || !(cellM > 0)) return null
  const { coords, gridRings, ringVertices } = g
  const R = toleranceM + MARGIN_M
  let [minLng, minLat, maxLng, maxLat] = [Infinity, Infinity, -Infinity, -Infinity]
  for (let i = 0; i < coords.length; i += 2) {
    minLng = Math.min(minLng, coords[i])
    maxLng = Math.max(maxLng, coords[i])
    minLat = Math.min(minLat, coords[i + 1])
    maxLat = Math.max(maxLat, coords[i + 1])
  }
  const ky = METRES_PER_DEGREE
  const padLat = R / ky
  // a degree of longitude is shortest at the latitude farthest from the equator, so pads
  // and widths in metres taken there are never too small
  const kxAt = (lat: number) => METRES_PER_DEGREE * Math.cos((Math.min(Math.abs(lat), 89.9) * Math.PI) / 180)
  const kxMin = Math.min(kxAt(minLat - padLat), kxAt(maxLat + padLat))
  minLng -= R / kxMin
  maxLng += R / kxMin
  minLat -= padLat
  maxLat += padLat
  cellM = Math.max(cellM, Math.sqrt(((maxLng - minLng) * kxMin * (maxLat - minLat) * ky) / MAX_CELLS))
  const stepLat = cellM / ky
  const stepLng = cellM / kxMin
  const cols = Math.max(1, Math.ceil((maxLng - minLng) / stepLng))
  const rows = Math.max(1, Math.ceil((maxLat - minLat) / stepLat))
  const subLng = stepLng / 4
  const subLat = stepLat / 4
  // per row of cells, the smallest metres per degree of longitude over the row: a point's
  // own (geo.ts projects around the point) is never smaller, so its distances never are
  const rowKx = new Float64Array(rows)
  for (let r = 0; r < rows; r++) rowKx[r] = Math.min(kxAt(minLat + r * stepLat), kxAt(minLat + (r + 1) * stepLat))

  const nCells = cols * rows
  const near = new Int32Array(nCells)
  const inside = new Int32Array(nCells)
  // multiplying by these instead of dividing: rounding moves a boundary by ~1e-9 m, far
  // inside MARGIN_M, and the "near" bits are padded by R anyway
  const perSubLng = 1 / subLng
  const perSubLat = 1 / subLat
  const padLngRow = new Float64Array(rows)
  let padLngMax = 0
  for (let r = 0; r < rows; r++) padLngMax = Math.max(padLngMax, (padLngRow[r] = R / rowKx[r]))
  // sets the bits of sub-cells from..to of sub-row sy in `bits`, a cell (16 bits) at a time
  const mark = (bits: Int32Array, sy: number, from: number, to: number) => {
    const rowAt = (sy >> 2) * cols
    const shift = (sy & 3) << 2
    const c0 = from >> 2
    const c1 = to >> 2
    if (c0 === c1) bits[rowAt + c0] |= ((2 << (to & 3)) - (1 << (from & 3))) << shift
    else {
      bits[rowAt + c0] |= (16 - (1 << (from & 3))) << shift
      for (let cx = c0 + 1; cx < c1; cx++) bits[rowAt + cx] |= 15 << shift
      bits[rowAt + c1] |= ((2 << (to & 3)) - 1) << shift
    }
  }
  let most = 0
  for (let q = 0; q < n; q++) most = Math.max(most, ringVertices[gridRings[q + 1]] - ringVertices[gridRings[q]])
  const crossings = new Float64Array(most)
  const pairs = new Pairs(nCells * 2)

  for (let s = 0; s < n; s++) {
    const first = ringVertices[gridRings[s]] * 2
    const last = ringVertices[gridRings[s + 1]] * 2
    let west = Infinity
    let south = Infinity
    let east = -Infinity
    let north = -Infinity
    for (let i = first; i < last; i += 2) {
      west = Math.min(west, coords[i])
      east = Math.max(east, coords[i])
      south = Math.min(south, coords[i + 1])
      north = Math.max(north, coords[i + 1])
    }
    // every cell the grid can mark: its box padded by R (clamped: rounding, and a row's
    // own pad, can reach a hair past the table)
    const cy0 = Math.max(0, Math.floor((south - padLat - minLat) / stepLat))
    const cy1 = Math.min(rows - 1, Math.floor((north + padLat - minLat) / stepLat))
    const cx0 = Math.max(0, Math.floor((west - padLngMax - minLng) / stepLng))
    const cx1 = Math.min(cols - 1, Math.floor((east + padLngMax - minLng) / stepLng))
    for (let cy = cy0; cy <= cy1; cy++) {
      near.fill(0, cy * cols + cx0, cy * cols + cx1 + 1)
      inside.fill(0, cy * cols + cx0, cy * cols + cx1 + 1)
    }
    for (let r = gridRings[s]; r < gridRings[s + 1]; r++) {
      const start = ringVertices[r] * 2
      const end = ringVertices[r + 1] * 2
      let ax = coords[end - 2]
      let ay = coords[end - 1]
      for (let i = start; i < end; i += 2) {
        const bx = coords[i]
        const by = coords[i + 1]
        const perDy = 1 / (by - ay)
        const sy1 = Math.min(cy1 * 4 + 3, Math.floor(((ay > by ? ay : by) + padLat - minLat) * perSubLat))
        for (let sy = Math.max(cy0 * 4, Math.floor(((ay < by ? ay : by) - padLat - minLat) * perSubLat)); sy <= sy1; sy++) {
          // the part of the edge that can come within R of this sub-row, widened by R
          let x0 = ax < bx ? ax : bx
          let x1 = ax < bx ? bx : ax
          if (ay !== by) {
            let t0 = (minLat + sy * subLat - padLat - ay) * perDy
            let t1 = (minLat + (sy + 1) * subLat + padLat - ay) * perDy
            if (t0 > t1) {
              const t = t0
              t0 = t1
              t1 = t
            }
            t0 = t0 > 0 ? t0 : 0
            t1 = t1 < 1 ? t1 : 1
            if (t0 > t1) continue
            const xa = ax + t0 * (bx - ax)
            const xb = ax + t1 * (bx - ax)
            x0 = xa < xb ? xa : xb
            x1 = xa < xb ? xb : xa
          }
          const padLng = padLngRow[sy >> 2]
          mark(near, sy, Math.max(cx0 * 4, Math.floor((x0 - padLng - minLng) * perSubLng)), Math.min(cx1 * 4 + 3, Math.floor((x1 + padLng - minLng) * perSubLng)))
        }
        ax = bx
        ay = by
      }
    }
    // "inside": scanlines through the sub-cell centres, with the exact path's even-odd rule
    for (let sy = Math.max(cy0 * 4, Math.floor((south - minLat) * perSubLat)), sy1 = Math.min(cy1 * 4 + 3, Math.floor((north - minLat) * perSubLat)); sy <= sy1; sy++) {
      const yc = minLat + (sy + 0.5) * subLat
      let m = 0
      for (let r = gridRings[s]; r < gridRings[s + 1]; r++) {
        const start = ringVertices[r] * 2
        const end = ringVertices[r + 1] * 2
        let ax = coords[end - 2]
        let ay = coords[end - 1]
        for (let i = start; i < end; i += 2) {
          const bx = coords[i]
          const by = coords[i + 1]
          if (by > yc !== ay > yc) {
            // insertion sort as they come: a row crosses a grid a few times, not hundreds
            const x = bx + ((yc - by) * (ax - bx)) / (ay - by)
            let k = m++
            for (; k > 0 && crossings[k - 1] > x; k--) crossings[k] = crossings[k - 1]
            crossings[k] = x
          }
          ax = bx
          ay = by
        }
      }
      for (let k = 0; k + 1 < m; k += 2) {
        const from = Math.max(cx0 * 4, Math.ceil((crossings[k] - minLng) * perSubLng - 0.5))
        const to = Math.min(cx1 * 4 + 3, Math.floor((crossings[k + 1] - minLng) * perSubLng - 0.5))
        if (from <= to) mark(inside, sy, from, to)
      }
    }
    for (let cy = cy0; cy <= cy1; cy++) {
      for (let cell = cy * cols + cx0, end = cy * cols + cx1; cell <= end; cell++) {
        const nearBits = near[cell]
        const farIn = inside[cell] & ~nearBits & ALL
        const farOut = ~inside[cell] & ~nearBits & ALL
        if (nearBits === 0 && farIn === ALL) pairs.push(cell, s * 2 + 1, ALL)
        else if (nearBits !== 0 || farIn !== 0) pairs.push(cell, s * 2, farIn | (farOut << 16))
      }
    }
  }
  const { cells, lists } = pairs.toTable(nCells)
  // list codes must stay apart from NOT_IN_TABLE (cellTable.ts); 4 GB of lists never come
  if (lists.length >= 0x3ffffffe) return null
  return { toleranceM, minLng, minLat, stepLng, stepLat, cols, rows, cells, lists }
}
