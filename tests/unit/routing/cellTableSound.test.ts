import { DEMO_GRIDS } from '../../../cloudfunctions/local/seed/demoArea'
import type { LngLat } from '../../../shared/model'
import type { CellTable } from '../../../shared/routing/cellTable'
import { generateCity } from '../../../shared/routing/cityGenerator'
import { METRES_PER_DEGREE, bboxOf, coversPoint, ringsOf, segmentDistanceSq, type BBox } from '../../../shared/routing/geo'
import { buildGridIndex, type GridSource } from '../../../shared/routing/gridIndex'

// Beside the sampled comparisons of cellTable.test.ts, a check of what the table claims,
// cell by cell and sub-cell by sub-cell, against plain geometry: no sampling luck needed.
// - a clear sub-cell: its grid covers it, and no edge of any grid is within T of it;
// - a "covers" entry: the grid covers the cell, and none of its edges is within T;
// - any grid missing from a cell's list is farther than T from the cell and not over it.

/** Distance in metres between a segment and a box, at the box's smallest metres per degree of longitude. */
function boxSegmentM(box: BBox, a: readonly number[], b: readonly number[]): number {
  const kx = METRES_PER_DEGREE * Math.cos((Math.max(Math.abs(box.minLat), Math.abs(box.maxLat)) * Math.PI) / 180)
  const ky = METRES_PER_DEGREE
  const [w, h] = [(box.maxLng - box.minLng) * kx, (box.maxLat - box.minLat) * ky]
  const [ax, ay, bx, by] = [(a[0] - box.minLng) * kx, (a[1] - box.minLat) * ky, (b[0] - box.minLng) * kx, (b[1] - box.minLat) * ky]
  const inBox = (x: number, y: number) => x >= 0 && x <= w && y >= 0 && y <= h
  const crosses = (cx: number, cy: number, dx: number, dy: number) => {
    // does a–b cross the box side c–d
    const side = (px: number, py: number, qx: number, qy: number, rx: number, ry: number) => Math.sign((qx - px) * (ry - py) - (qy - py) * (rx - px))
    return side(ax, ay, bx, by, cx, cy) !== side(ax, ay, bx, by, dx, dy) && side(cx, cy, dx, dy, ax, ay) !== side(cx, cy, dx, dy, bx, by)
  }
  if (inBox(ax, ay) || inBox(bx, by) || crosses(0, 0, w, 0) || crosses(w, 0, w, h) || crosses(w, h, 0, h) || crosses(0, h, 0, 0)) return 0
  const toBox = (x: number, y: number) => Math.hypot(Math.max(0, -x, x - w), Math.max(0, -y, y - h))
  const corners = [[0, 0], [w, 0], [0, h], [w, h]].map(([cx, cy]) => Math.sqrt(segmentDistanceSq(ax - cx, ay - cy, bx - cx, by - cy)))
  return Math.min(toBox(ax, ay), toBox(bx, by), ...corners)
}

function edgesNear(g: GridSource, box: BBox): number {
  let best = Infinity
  for (const ring of ringsOf(g.geometry)) for (let i = 0; i < ring.length; i++) best = Math.min(best, boxSegmentM(box, ring[i], ring[(i + 1) % ring.length]))
  return best
}

function checkTable(grids: readonly GridSource[], toleranceM: number, cellM?: number) {
  const sorted = [...grids].sort((a, b) => (a.id < b.id ? -1 : 1))
  const s = buildGridIndex(grids, { cellToleranceM: toleranceM, cellM }).serialize()
  const t: CellTable = { ...s.header.cells!, ...s.cellTable! }
  const boxes = sorted.map((g) => bboxOf(ringsOf(g.geometry)))
  const centre = (b: BBox): LngLat => ({ lng: (b.minLng + b.maxLng) / 2, lat: (b.minLat + b.maxLat) / 2 })
  const pad = (toleranceM + 1) / METRES_PER_DEGREE / Math.cos((60 * Math.PI) / 180)
  const near = (b: BBox) => boxes.flatMap((g, slot) => (g.minLng - pad > b.maxLng || g.maxLng + pad < b.minLng || g.minLat - pad > b.maxLat || g.maxLat + pad < b.minLat ? [] : [slot]))
  const problems: string[] = []
  let clearSubCells = 0
  for (let row = 0; row < t.rows; row++) {
    for (let col = 0; col < t.cols; col++) {
      const at = (row * t.cols + col) * 4
      const kind = t.cells[at]
      const cell: BBox = { minLng: t.minLng + col * t.stepLng, maxLng: t.minLng + (col + 1) * t.stepLng, minLat: t.minLat + row * t.stepLat, maxLat: t.minLat + (row + 1) * t.stepLat }
      const list = kind >= -1 ? [] : kind >= -3 ? Array.from(t.cells.slice(at + 2, at + 1 - kind)) : Array.from(t.lists.slice(-3 - kind, -3 - kind + t.lists[-4 - kind]))
      const listed = new Set(kind >= 0 ? [kind] : list.map((e) => e >> 1))
      for (const slot of near(cell)) {
        const g = sorted[slot]
        const whole = kind === slot || list.includes(slot * 2 + 1)
        if (whole && !(coversPoint(centre(cell), ringsOf(g.geometry)) && edgesNear(g, cell) > toleranceM)) problems.push(`cell ${col},${row}: ${g.id} does not cover it`)
        if (!listed.has(slot) && (coversPoint(centre(cell), ringsOf(g.geometry)) || edgesNear(g, cell) <= toleranceM)) problems.push(`cell ${col},${row}: ${g.id} missing`)
      }
      if (kind < -1) {
        for (let j = 0; j < 16; j++) {
          const code = (t.cells[at + 1] >>> (2 * j)) & 3
          if (code === 0) continue
          clearSubCells++
          const [sx, sy] = [j & 3, j >> 2]
          const sub: BBox = { minLng: cell.minLng + (sx * t.stepLng) / 4, maxLng: cell.minLng + ((sx + 1) * t.stepLng) / 4, minLat: cell.minLat + (sy * t.stepLat) / 4, maxLat: cell.minLat + ((sy + 1) * t.stepLat) / 4 }
          const holder = (code < 3 ? t.cells[at + 1 + code] : t.lists[-4 - kind + 3]) >> 1
          if (!coversPoint(centre(sub), ringsOf(sorted[holder].geometry))) problems.push(`sub-cell ${col},${row},${j}: not in ${sorted[holder].id}`)
          for (const slot of near(sub)) {
            if (edgesNear(sorted[slot], sub) <= toleranceM) problems.push(`sub-cell ${col},${row},${j}: ${sorted[slot].id} within ${toleranceM} m`)
            if (slot !== holder && coversPoint(centre(sub), ringsOf(sorted[slot].geometry))) problems.push(`sub-cell ${col},${row},${j}: also in ${sorted[slot].id}`)
          }
        }
      }
    }
  }
  return { problems, clearSubCells }
}

describe('what the cell table claims holds, cell by cell', () => {
  it.each([
    { name: 'a generated city of 70 grids', grids: generateCity({ grids: 70, seed: 21 }).grids, tol: 30 },
    { name: 'one with many short edges and holes', grids: generateCity({ grids: 40, seed: 22, vertsPerEdge: 12, holeRate: 0.5 }).grids, tol: 30 },
    { name: 'one where many grids are MultiPolygons (islands in gaps and in holes)', grids: generateCity({ grids: 60, seed: 25, holeRate: 0.4, gapRate: 0.2, islandRate: 1 }).grids, tol: 30 },
    { name: 'the demo street', grids: DEMO_GRIDS, tol: 30 },
    { name: 'the demo street at 7.5 m', grids: DEMO_GRIDS, tol: 7.5 },
  ])('$name', ({ grids, tol }) => {
    const { problems, clearSubCells } = checkTable(grids, tol)
    expect(problems.slice(0, 5)).toEqual([])
    expect(clearSubCells).toBeGreaterThan(50)
  })
})
