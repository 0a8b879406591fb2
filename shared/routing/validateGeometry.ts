import type { AreaGeometry } from './geo'

// What a grid's (or community's) geometry must be before anything indexes it: the index,
// the cell table and the border distance read all rings of all parts with the even-odd
// rule (geo.ts ringsOf), which is the intended area only when
// - every ring has at least 3 distinct points, each a finite lng, lat pair in range. A
//   ring may come closed (GeoJSON) or open (our records accept either): an open ring is
//   closed by its implicit last edge. A point repeated in a row counts once;
// - no ring crosses or touches itself (a bow-tie, a spike that folds back, a ring that
//   passes through one of its points twice);
// - every hole lies inside its own outer ring, crosses neither it nor another hole, and no
//   hole lies inside another;
// - the parts of a MultiPolygon do not overlap and share no stretch of border (two parts
//   side by side are one part: merge them).
// Rings may touch each other at single points, as OGC simple features allow. Orientation
// (counter-clockwise outer rings) is not required: even-odd does not depend on it.
// Never throws, whatever the input: the grid import hands it parsed GeoJSON.

export interface GeometryProblem {
  /** where, as in the GeoJSON geometry: `coordinates.1.0` is part 1's outer ring (0-based) */
  path: string
  /** for the person fixing the map */
  message: string
}

/** The problems that keep the geometry from being indexed; none when it is sound. */
export function validateGeometry(geometry: AreaGeometry): GeometryProblem[] {
  const g = geometry as { type?: unknown; coordinates?: unknown } | null
  if (typeof g !== 'object' || g === null || (g.type !== 'Polygon' && g.type !== 'MultiPolygon')) {
    return [{ path: 'type', message: '几何类型必须是 Polygon 或 MultiPolygon' }]
  }
  const multi = g.type === 'MultiPolygon'
  if (!Array.isArray(g.coordinates) || g.coordinates.length === 0) {
    return [{ path: 'coordinates', message: multi ? '多边形没有任何部分' : '多边形没有外环' }]
  }
  const problems: GeometryProblem[] = []
  const parts: unknown[] = multi ? g.coordinates : [g.coordinates]
  const rings = scratch.reset(multi)
  for (let p = 0; p < parts.length; p++) {
    const part = parts[p]
    if (!Array.isArray(part) || part.length === 0) {
      problems.push({ path: multi ? `coordinates.${p}` : 'coordinates', message: multi ? `第${p + 1}部分没有外环` : '多边形没有外环' })
      continue
    }
    const mark = rings.count
    for (let r = 0; r < part.length; r++) rings.read(part[r], p, r, problems)
    // relations are only judged between rings that are sound on their own
    if (rings.count - mark < part.length) rings.count = mark
  }
  if (rings.count > 0) {
    rings.sweep()
    rings.judge(problems)
  }
  return problems
}

const NONE = 0
const TOUCH = 1
const CROSS = 2
const OVERLAP = 3

const IN = 1
const OUT = 2
const BOTH = 3

/** Up to this many rings, how each pair meets is kept in a matrix (1 MB at most). */
const MATRIX_RINGS = 1024

function grownF(a: Float64Array, atLeast: number): Float64Array {
  const b = new Float64Array(Math.max(a.length * 2, atLeast))
  b.set(a)
  return b
}

function grownI(a: Int32Array, atLeast: number): Int32Array {
  const b = new Int32Array(Math.max(a.length * 2, atLeast))
  b.set(a)
  return b
}

/**
 * The sound rings of one geometry, open and without repeated points, in flat arrays
 * reused from call to call (every grid passes through here at boot, in buildGridIndex:
 * no allocation per ring keeps that to ~1 µs for a grid of 20 points). Nothing a call
 * leaves behind is read by the next.
 */
class Rings {
  multi = false
  count = 0
  /** ring k's coordinates are xy[start[k]] .. xy[start[k + 1]] - 1: x0, y0, x1, y1, ... */
  xy: Float64Array = new Float64Array(256)
  start: Int32Array = new Int32Array(16)
  part: Int32Array = new Int32Array(16)
  /** 0 for an outer ring, h for the h-th hole */
  index: Int32Array = new Int32Array(16)
  box: Float64Array = new Float64Array(64)
  /** per edge (edge e runs from point e of xy to the next point of its ring): its ring and box */
  edgeRing: Int32Array = new Int32Array(128)
  west: Float64Array = new Float64Array(128)
  east: Float64Array = new Float64Array(128)
  south: Float64Array = new Float64Array(128)
  north: Float64Array = new Float64Array(128)
  /** the edges sorted by their west ends, for a long ring */
  order: Int32Array = new Int32Array(128)
  /**
   * the worst way rings k and l meet at [k * count + l], k ≤ l; a ring with itself: CROSS
   * when not simple. A map instead past MATRIX_RINGS rings (a pathological import), whose
   * matrix would not fit
   */
  met: Uint8Array = new Uint8Array(256)
  metMap: Map<number, number> | null = null
  bad: Uint8Array = new Uint8Array(16)
  /** 1 for a ring found simple without looking at its pairs of edges (starShaped) */
  star: Uint8Array = new Uint8Array(16)

  reset(multi: boolean): this {
    this.multi = multi
    this.count = 0
    return this
  }

  read(ring: unknown, part: number, index: number, problems: GeometryProblem[]): void {
    if (!Array.isArray(ring)) {
      problems.push({ path: this.pathOf(part, index), message: `${this.nameOf(part, index)}必须是坐标点的数组` })
      return
    }
    const k = this.count
    if (this.start.length < k + 2) {
      this.start = grownI(this.start, k + 2)
      this.part = grownI(this.part, k + 2)
      this.index = grownI(this.index, k + 2)
      this.box = grownF(this.box, 4 * k + 8)
    }
    const from = k === 0 ? 0 : this.start[k]
    if (this.xy.length < from + ring.length * 2) this.xy = grownF(this.xy, from + ring.length * 2)
    const xy = this.xy
    let m = from
    for (let i = 0; i < ring.length; i++) {
      const v: unknown = ring[i]
      const x: unknown = Array.isArray(v) ? v[0] : undefined
      const y: unknown = Array.isArray(v) ? v[1] : undefined
      // one test for the usual point (NaN fails every comparison); which problem, only when there is one
      if (typeof x !== 'number' || typeof y !== 'number' || !(x >= -180 && x <= 180 && y >= -90 && y <= 90)) {
        const finite = typeof x === 'number' && typeof y === 'number' && Number.isFinite(x) && Number.isFinite(y)
        problems.push({ path: `${this.pathOf(part, index)}.${i}`, message: `${this.nameOf(part, index)}第${i + 1}个点${finite ? '超出经纬度范围（经度在前，纬度在后）' : '不是有效的经纬度数字'}` })
        return
      }
      if (m > from && xy[m - 2] === x && xy[m - 1] === y) continue
      xy[m++] = x
      xy[m++] = y
    }
    // the closing point, and any repeats of the first point at the end
    while (m > from + 2 && xy[m - 2] === xy[from] && xy[m - 1] === xy[from + 1]) m -= 2
    if (m - from < 6) {
      problems.push({ path: this.pathOf(part, index), message: `${this.nameOf(part, index)}至少需要3个不同的点` })
      return
    }
    let minX = Infinity
    let minY = Infinity
    let maxX = -Infinity
    let maxY = -Infinity
    for (let i = from; i < m; i += 2) {
      if (xy[i] < minX) minX = xy[i]
      if (xy[i] > maxX) maxX = xy[i]
      if (xy[i + 1] < minY) minY = xy[i + 1]
      if (xy[i + 1] > maxY) maxY = xy[i + 1]
    }
    this.start[k] = from
    this.start[k + 1] = m
    this.part[k] = part
    this.index[k] = index
    this.box[4 * k] = minX
    this.box[4 * k + 1] = minY
    this.box[4 * k + 2] = maxX
    this.box[4 * k + 3] = maxY
    this.count = k + 1
  }

  pathOf(part: number, index: number): string {
    return `${this.multi ? `coordinates.${part}` : 'coordinates'}.${index}`
  }

  nameOf(part: number, index: number): string {
    return `${this.multi ? `第${part + 1}部分的` : ''}${index === 0 ? '外环' : `第${index}个内环`}`
  }

  /**
   * Every pair of edges that may meet, into `met`: all pairs whose boxes overlap for the
   * few dozen edges of a usual grid (sorting them would cost more), else a sweep along x
   * (edges sorted by their west end, each compared with those that start before it ends).
   * Edges next to each other in a ring share a point and meet nowhere else unless the
   * ring folds back there (a spike), which the pass along each ring finds instead.
   */
  sweep(): void {
    const { count, start } = this
    const edges = start[count] / 2
    if (this.west.length < edges) {
      this.west = grownF(this.west, edges)
      this.east = grownF(this.east, edges)
      this.south = grownF(this.south, edges)
      this.north = grownF(this.north, edges)
      this.edgeRing = grownI(this.edgeRing, edges)
      this.order = grownI(this.order, edges)
    }
    this.metMap = count > MATRIX_RINGS ? new Map() : null
    if (!this.metMap && this.met.length < count * count) this.met = new Uint8Array(count * count)
    if (this.star.length < count) this.star = new Uint8Array(count)
    const { xy, west, east, south, north, edgeRing, order, met, star } = this
    // a loop, not fill(): for the usual one or two rings the builtin's call costs more
    if (!this.metMap) for (let i = 0; i < count * count; i++) met[i] = NONE
    let stars = 0
    for (let k = 0; k < count; k++) stars += star[k] = this.starShaped(k) ? 1 : 0
    // most grids: one ring, simple at a glance
    if (count === 1 && stars === 1) return
    for (let k = 0, e = 0; k < count; k++) {
      const first = start[k]
      const last = start[k + 1] - 2
      for (let i = first, h = last; i <= last; h = i, i += 2, e++) {
        const j = i < last ? i + 2 : first
        const x = xy[i]
        const y = xy[i + 1]
        west[e] = x < xy[j] ? x : xy[j]
        east[e] = x < xy[j] ? xy[j] : x
        south[e] = y < xy[j + 1] ? y : xy[j + 1]
        north[e] = y < xy[j + 1] ? xy[j + 1] : y
        edgeRing[e] = k
        // a spike at point i: the ring comes from h and goes back along the same line
        const ux = x - xy[h]
        const uy = y - xy[h + 1]
        const vx = xy[j] - x
        const vy = xy[j + 1] - y
        if (ux * vy - uy * vx === 0 && ux * vx + uy * vy < 0) this.raise(k, k, CROSS)
      }
    }
    if (edges <= 48) {
      for (let a = 0; a < edges; a++) {
        const w = west[a]
        const e = east[a]
        const s = south[a]
        const n = north[a]
        const own = star[edgeRing[a]] === 1 ? edgeRing[a] : -1
        for (let b = a + 1; b < edges; b++) {
          if (west[b] <= e && east[b] >= w && south[b] <= n && north[b] >= s && edgeRing[b] !== own) this.meet(a, b)
        }
      }
      return
    }
    for (let o = 0; o < edges; o++) order[o] = o
    order.subarray(0, edges).sort(byWest)
    for (let oa = 0; oa < edges; oa++) {
      const a = order[oa]
      const e = east[a]
      const s = south[a]
      const n = north[a]
      for (let ob = oa + 1; ob < edges; ob++) {
        const b = order[ob]
        if (west[b] > e) break
        if (south[b] <= n && north[b] >= s && !(edgeRing[a] === edgeRing[b] && star[edgeRing[a]] === 1)) this.meet(a, b)
      }
    }
  }

  /**
   * Whether ring k is star-shaped about the average of its points: seen from there, every
   * edge turns the same way and the ring goes round once. Such a ring is simple (each edge
   * keeps to its own slice of angles), found in one pass; most grids are, and the others
   * are tested pair by pair.
   */
  private starShaped(k: number): boolean {
    const { xy, start } = this
    const from = start[k]
    const to = start[k + 1]
    let cx = 0
    let cy = 0
    for (let i = from; i < to; i += 2) {
      cx += xy[i]
      cy += xy[i + 1]
    }
    cx /= (to - from) / 2
    cy /= (to - from) / 2
    let left = true
    let right = true
    let turns = 0
    for (let i = from, j = to - 2; i < to; j = i, i += 2) {
      const ax = xy[j] - cx
      const ay = xy[j + 1] - cy
      const bx = xy[i] - cx
      const by = xy[i + 1] - cy
      const cross = ax * by - ay * bx
      if (!(cross > 0)) left = false
      if (!(cross < 0)) right = false
      // crossings of the ray east from the centre: once per time round
      if (ay > 0 !== by > 0 && ax + ((0 - ay) * (bx - ax)) / (by - ay) > 0) turns++
    }
    return (left || right) && turns === 1
  }

  /** Edges a and b, whose boxes overlap. */
  private meet(a: number, b: number): void {
    const { xy, start, edgeRing } = this
    const ka = edgeRing[a]
    const kb = edgeRing[b]
    const ia = 2 * a
    const ib = 2 * b
    const ja = ia + 2 < start[ka + 1] ? ia + 2 : start[ka]
    const jb = ib + 2 < start[kb + 1] ? ib + 2 : start[kb]
    if (ka === kb && (ib === ja || jb === ia)) return
    const how = segments(xy[ia], xy[ia + 1], xy[ja], xy[ja + 1], xy[ib], xy[ib + 1], xy[jb], xy[jb + 1])
    if (how === NONE) return
    this.raise(ka, kb, ka === kb ? CROSS : how)
  }

  private raise(k: number, l: number, how: number): void {
    const at = k < l ? k * this.count + l : l * this.count + k
    if (this.metMap) this.metMap.set(at, Math.max(how, this.metMap.get(at) ?? NONE))
    else if (how > this.met[at]) this.met[at] = how
  }

  meeting(k: number, l: number): number {
    const at = k < l ? k * this.count + l : l * this.count + k
    return this.metMap ? (this.metMap.get(at) ?? NONE) : this.met[at]
  }

  /** From the meetings of the sweep: which rings are not simple, and which lie where they must not. */
  judge(problems: GeometryProblem[]): void {
    const { count, index } = this
    if (this.bad.length < count) this.bad = new Uint8Array(count)
    const bad = this.bad
    for (let k = 0; k < count; k++) bad[k] = 0
    for (let k = 0; k < count; k++) if (this.meeting(k, k) !== NONE) this.report(k, '自相交', problems)
    // rings come part by part, each outer ring first; holes are judged within their part
    let shell = 0
    for (let k = 1; k <= count; k++) {
      if (k < count && index[k] !== 0) continue
      for (let h = shell + 1; h < k; h++) {
        if (bad[h] || bad[shell]) continue
        const how = this.meeting(shell, h)
        const place = how >= CROSS ? BOTH : this.place(h, shell, shell + 1, how === TOUCH)
        if (place !== IN) this.report(h, place === OUT ? '不在外环内' : '与外环相交', problems)
      }
      for (let h = shell + 2; h < k; h++) {
        for (let o = shell + 1; o < h && !bad[h]; o++) {
          if (bad[o]) continue
          const how = this.meeting(o, h)
          if (how >= CROSS) this.report(h, `与第${index[o]}个内环相交`, problems)
          else if (this.boxesMeet(o, h) && (this.place(h, o, o + 1, how === TOUCH) !== OUT || this.place(o, h, h + 1, how === TOUCH) !== OUT)) {
            this.report(h, `与第${index[o]}个内环重叠`, problems)
          }
        }
      }
      if (this.multi) this.judgeParts(shell, k, problems)
      shell = k
    }
  }

  /** Part [from, to) of the rings against every part before it. */
  private judgeParts(from: number, to: number, problems: GeometryProblem[]): void {
    const { index, bad } = this
    for (let k = from; k < to; k++) if (bad[k]) return
    // the parts before, each [p, end)
    for (let p = 0; p < from; ) {
      let end = p + 1
      while (end < from && index[end] !== 0) end++
      let sound = true
      let how = NONE
      for (let x = p; x < end; x++) {
        if (bad[x]) sound = false
        for (let y = from; y < to; y++) how = Math.max(how, this.meeting(x, y))
      }
      if (sound && this.boxesMeet(p, from)) {
        const path = `coordinates.${this.part[from]}`
        const names = `第${this.part[from] + 1}部分与第${this.part[p] + 1}部分`
        if (how === OVERLAP) problems.push({ path, message: `${names}有一段共用边界，应合并为一个部分` })
        else if (how === CROSS || this.place(from, p, end, how === TOUCH) !== OUT || this.place(p, from, to, how === TOUCH) !== OUT) {
          problems.push({ path, message: `${names}重叠` })
        }
      }
      p = end
    }
  }

  private report(k: number, message: string, problems: GeometryProblem[]): void {
    problems.push({ path: this.pathOf(this.part[k], this.index[k]), message: this.nameOf(this.part[k], this.index[k]) + message })
    this.bad[k] = 1
  }

  private boxesMeet(k: number, l: number): boolean {
    const b = this.box
    return b[4 * k] <= b[4 * l + 2] && b[4 * l] <= b[4 * k + 2] && b[4 * k + 1] <= b[4 * l + 3] && b[4 * l + 1] <= b[4 * k + 3]
  }

  /**
   * Whether ring x lies inside the area of rings from..to - 1 (even-odd), outside it, or
   * both (IN, OUT, BOTH), given that no edge of x crosses or runs along their border.
   * Without a touch, one point of x decides; with one, x is cut where their points lie on
   * it, and the middle of every piece is tested: no piece meets the border inside it.
   */
  private place(x: number, from: number, to: number, touched: boolean): number {
    const { xy, start } = this
    if (!touched) return this.evenOdd(xy[start[x]], xy[start[x] + 1], from, to) ? IN : OUT
    let seen = 0
    const last = start[x + 1] - 2
    for (let i = start[x]; i <= last; i += 2) {
      const j = i < last ? i + 2 : start[x]
      const ax = xy[i]
      const ay = xy[i + 1]
      const bx = xy[j]
      const by = xy[j + 1]
      const alongX = Math.abs(bx - ax) >= Math.abs(by - ay)
      const cuts = [0, 1]
      for (let v = start[from]; v < start[to]; v += 2) {
        if (orient(ax, ay, bx, by, xy[v], xy[v + 1]) === 0 && within(ax, ay, bx, by, xy[v], xy[v + 1])) {
          cuts.push(alongX ? (xy[v] - ax) / (bx - ax) : (xy[v + 1] - ay) / (by - ay))
        }
      }
      cuts.sort(ascending)
      for (let c = 1; c < cuts.length; c++) {
        if (cuts[c] === cuts[c - 1]) continue
        const t = (cuts[c - 1] + cuts[c]) / 2
        seen |= this.evenOdd(ax + t * (bx - ax), ay + t * (by - ay), from, to) ? IN : OUT
      }
    }
    return seen
  }

  private evenOdd(px: number, py: number, from: number, to: number): boolean {
    const { xy, start } = this
    let inside = false
    for (let k = from; k < to; k++) {
      const end = start[k + 1]
      for (let i = start[k], j = end - 2; i < end; j = i, i += 2) {
        const yi = xy[i + 1]
        const yj = xy[j + 1]
        if (yi > py !== yj > py && px < xy[i] + ((py - yi) * (xy[j] - xy[i])) / (yj - yi)) inside = !inside
      }
    }
    return inside
  }
}

const scratch = new Rings()

function byWest(a: number, b: number): number {
  return scratch.west[a] - scratch.west[b]
}

function ascending(a: number, b: number): number {
  return a - b
}

/** Which side of the line a→b the point c lies on: > 0 left, < 0 right, 0 on it. */
function orient(ax: number, ay: number, bx: number, by: number, cx: number, cy: number): number {
  return (bx - ax) * (cy - ay) - (by - ay) * (cx - ax)
}

/** For c on the line a–b: whether it lies on the segment. */
function within(ax: number, ay: number, bx: number, by: number, cx: number, cy: number): boolean {
  return (ax <= bx ? ax <= cx && cx <= bx : bx <= cx && cx <= ax) && (ay <= by ? ay <= cy && cy <= by : by <= cy && cy <= ay)
}

/** How segments a–b and c–d meet: NONE, TOUCH (in one point), CROSS (properly), OVERLAP (along a stretch). */
function segments(ax: number, ay: number, bx: number, by: number, cx: number, cy: number, dx: number, dy: number): number {
  const d1 = orient(cx, cy, dx, dy, ax, ay)
  const d2 = orient(cx, cy, dx, dy, bx, by)
  const d3 = orient(ax, ay, bx, by, cx, cy)
  const d4 = orient(ax, ay, bx, by, dx, dy)
  if (((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0))) return CROSS
  if (d1 === 0 && d2 === 0 && d3 === 0 && d4 === 0) {
    // on one line: compare the stretches along its longer axis
    const alongX = Math.abs(bx - ax) >= Math.abs(by - ay)
    const lo = alongX ? Math.max(Math.min(ax, bx), Math.min(cx, dx)) : Math.max(Math.min(ay, by), Math.min(cy, dy))
    const hi = alongX ? Math.min(Math.max(ax, bx), Math.max(cx, dx)) : Math.min(Math.max(ay, by), Math.max(cy, dy))
    return lo < hi ? OVERLAP : lo === hi ? TOUCH : NONE
  }
  if ((d1 === 0 && within(cx, cy, dx, dy, ax, ay)) || (d2 === 0 && within(cx, cy, dx, dy, bx, by))) return TOUCH
  if ((d3 === 0 && within(ax, ay, bx, by, cx, cy)) || (d4 === 0 && within(ax, ay, bx, by, dx, dy))) return TOUCH
  return NONE
}
