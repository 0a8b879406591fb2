import type { GridGeometry } from '../../../shared/model'
import { mulberry32 } from '../../../shared/routing/cityGenerator'
import { validateGeometry } from '../../../shared/routing/validateGeometry'

// Rings in a small local frame (units of 0.001°, around lng 114, lat 22.5), written open;
// `closed` repeats the first point as GeoJSON does.
type Pt = [number, number]
const p = (x: number, y: number): Pt => [114 + x / 1000, 22.5 + y / 1000]
const open = (...pts: [number, number][]) => pts.map(([x, y]) => p(x, y))
const closed = (...pts: [number, number][]) => {
  const r = open(...pts)
  return [...r, r[0]]
}
const square = (x0: number, y0: number, x1: number, y1: number) => closed([x0, y0], [x1, y0], [x1, y1], [x0, y1])
// clockwise, as GeoJSON holes are
const hole = (x0: number, y0: number, x1: number, y1: number) => closed([x0, y0], [x0, y1], [x1, y1], [x1, y0])
const polygon = (...rings: Pt[][]): GridGeometry => ({ type: 'Polygon', coordinates: rings })
const multi = (...parts: Pt[][][]): GridGeometry => ({ type: 'MultiPolygon', coordinates: parts })

describe('validateGeometry accepts', () => {
  it.each([
    { what: 'a closed square', geometry: polygon(square(0, 0, 10, 10)) },
    { what: 'an open ring (its last edge is implied)', geometry: polygon(open([0, 0], [10, 0], [10, 10], [0, 10])) },
    { what: 'a point repeated in a row, or the closing point twice', geometry: polygon(closed([0, 0], [10, 0], [10, 0], [10, 10], [0, 10], [0, 0])) },
    { what: 'a clockwise outer ring (orientation is not required)', geometry: polygon(hole(0, 0, 10, 10)) },
    { what: 'a triangle', geometry: polygon(closed([0, 0], [10, 0], [5, 8])) },
    { what: 'a concave ring', geometry: polygon(closed([0, 0], [10, 0], [10, 10], [5, 3], [0, 10])) },
    { what: 'a polygon with two holes', geometry: polygon(square(0, 0, 10, 10), hole(1, 1, 4, 4), hole(6, 6, 9, 9)) },
    { what: 'a hole touching its outer ring at one point', geometry: polygon(square(0, 0, 10, 10), closed([0, 5], [4, 3], [4, 7])) },
    { what: 'two holes touching at one point', geometry: polygon(square(0, 0, 10, 10), hole(1, 1, 5, 5), hole(5, 5, 9, 9)) },
    { what: 'a MultiPolygon with an island', geometry: multi([square(0, 0, 10, 10)], [square(20, 0, 25, 5)]) },
    { what: 'a MultiPolygon whose second part lies in the first part’s hole', geometry: multi([square(0, 0, 10, 10), hole(2, 2, 8, 8)], [square(4, 4, 6, 6)]) },
    { what: 'two parts touching at a corner', geometry: multi([square(0, 0, 10, 10)], [square(10, 10, 20, 20)]) },
    { what: 'parts with holes of their own', geometry: multi([square(0, 0, 10, 10), hole(2, 2, 4, 4)], [square(20, 0, 30, 10), hole(22, 2, 24, 4)]) },
  ])('$what', ({ geometry }) => {
    expect(validateGeometry(geometry)).toEqual([])
  })
})

describe('validateGeometry refuses, naming the place and saying what is wrong', () => {
  it.each([
    { what: 'an unknown type', geometry: { type: 'Point', coordinates: [114, 22.5] }, path: 'type', message: '几何类型必须是 Polygon 或 MultiPolygon' },
    { what: 'a polygon without rings', geometry: polygon(), path: 'coordinates', message: '多边形没有外环' },
    { what: 'a MultiPolygon without parts', geometry: multi(), path: 'coordinates', message: '多边形没有任何部分' },
    { what: 'a part without rings', geometry: multi([square(0, 0, 10, 10)], []), path: 'coordinates.1', message: '第2部分没有外环' },
    { what: 'a ring that is not a list of points', geometry: { type: 'Polygon', coordinates: [square(0, 0, 10, 10), 'x'] }, path: 'coordinates.1', message: '第1个内环必须是坐标点的数组' },
    { what: 'too few points (two, closed)', geometry: polygon(closed([0, 0], [10, 0])), path: 'coordinates.0', message: '外环至少需要3个不同的点' },
    { what: 'too few distinct points (a repeat in a row does not count)', geometry: polygon(closed([0, 0], [10, 0], [10, 0])), path: 'coordinates.0', message: '外环至少需要3个不同的点' },
    { what: 'too few points in a hole', geometry: polygon(square(0, 0, 10, 10), open([1, 1], [2, 2])), path: 'coordinates.1', message: '第1个内环至少需要3个不同的点' },
    { what: 'a NaN coordinate', geometry: polygon([p(0, 0), p(10, 0), [114.01, NaN], p(0, 10)]), path: 'coordinates.0.2', message: '外环第3个点不是有效的经纬度数字' },
    { what: 'an infinite coordinate', geometry: polygon([p(0, 0), [Infinity, 22.5], p(0, 10)]), path: 'coordinates.0.1', message: '外环第2个点不是有效的经纬度数字' },
    { what: 'a coordinate that is a string', geometry: { type: 'Polygon', coordinates: [[p(0, 0), ['114.01', 22.5], p(0, 10)]] }, path: 'coordinates.0.1', message: '外环第2个点不是有效的经纬度数字' },
    { what: 'a point with one number', geometry: { type: 'Polygon', coordinates: [[p(0, 0), [114.01], p(0, 10)]] }, path: 'coordinates.0.1', message: '外环第2个点不是有效的经纬度数字' },
    { what: 'lat and lng swapped', geometry: polygon([[22.5, 114], [22.5, 114.01], [22.51, 114.01]]), path: 'coordinates.0.0', message: '外环第1个点超出经纬度范围（经度在前，纬度在后）' },
    { what: 'a NaN in a MultiPolygon’s hole', geometry: multi([square(0, 0, 10, 10)], [square(20, 0, 30, 10), [p(22, 2), [NaN, 22.5], p(24, 4)]]), path: 'coordinates.1.1.1', message: '第2部分的第1个内环第2个点不是有效的经纬度数字' },
    { what: 'a bow-tie', geometry: polygon(closed([0, 0], [10, 10], [10, 0], [0, 10])), path: 'coordinates.0', message: '外环自相交' },
    { what: 'a spike folding back along itself', geometry: polygon(closed([0, 0], [10, 0], [10, 10], [10, 15], [10, 12], [0, 10])), path: 'coordinates.0', message: '外环自相交' },
    { what: 'a ring passing through one of its points twice', geometry: polygon(closed([0, 0], [10, 0], [5, 5], [10, 10], [0, 10], [5, 5])), path: 'coordinates.0', message: '外环自相交' },
    { what: 'a ring whose point lies on another of its edges', geometry: polygon(closed([0, 0], [10, 0], [10, 10], [5, 0], [0, 10])), path: 'coordinates.0', message: '外环自相交' },
    { what: 'all points on one line', geometry: polygon(closed([0, 0], [5, 0], [10, 0])), path: 'coordinates.0', message: '外环自相交' },
    { what: 'a bow-tie hole', geometry: polygon(square(0, 0, 10, 10), closed([2, 2], [8, 8], [8, 2], [2, 8])), path: 'coordinates.1', message: '第1个内环自相交' },
    { what: 'a hole outside its outer ring', geometry: polygon(square(0, 0, 10, 10), hole(20, 0, 25, 5)), path: 'coordinates.1', message: '第1个内环不在外环内' },
    { what: 'a hole around its outer ring', geometry: polygon(square(2, 2, 8, 8), hole(0, 0, 10, 10)), path: 'coordinates.1', message: '第1个内环不在外环内' },
    { what: 'a hole outside its shell in part 2', geometry: multi([square(0, 0, 10, 10)], [square(20, 0, 30, 10), hole(40, 0, 45, 5)]), path: 'coordinates.1.1', message: '第2部分的第1个内环不在外环内' },
    { what: 'a hole in the other part’s shell, not its own', geometry: multi([square(0, 0, 10, 10)], [square(20, 0, 30, 10), hole(2, 2, 4, 4)]), path: 'coordinates.1.1', message: '第2部分的第1个内环不在外环内' },
    { what: 'a hole crossing its outer ring', geometry: polygon(square(0, 0, 10, 10), hole(5, 5, 15, 8)), path: 'coordinates.1', message: '第1个内环与外环相交' },
    { what: 'a hole running along its outer ring', geometry: polygon(square(0, 0, 10, 10), hole(0, 2, 4, 4)), path: 'coordinates.1', message: '第1个内环与外环相交' },
    { what: 'a hole leaving its outer ring through a point where they touch', geometry: polygon(closed([0, 0], [10, 0], [10, 10], [0, 10]), closed([0, 5], [-3, 2], [4, 3])), path: 'coordinates.1', message: '第1个内环与外环相交' },
    { what: 'a hole that only touches its outer ring, at two points, but bulges out between them', geometry: polygon(square(0, 0, 10, 10), closed([0, 3], [-2, 4], [0, 5], [3, 4])), path: 'coordinates.1', message: '第1个内环与外环相交' },
    { what: 'a hole outside, touching its outer ring at one point', geometry: polygon(square(0, 0, 10, 10), closed([10, 5], [15, 3], [15, 7])), path: 'coordinates.1', message: '第1个内环不在外环内' },
    { what: 'two holes crossing', geometry: polygon(square(0, 0, 10, 10), hole(1, 1, 5, 5), hole(3, 3, 8, 8)), path: 'coordinates.2', message: '第2个内环与第1个内环相交' },
    { what: 'a hole inside another hole', geometry: polygon(square(0, 0, 10, 10), hole(1, 1, 9, 9), hole(3, 3, 6, 6)), path: 'coordinates.2', message: '第2个内环与第1个内环重叠' },
    { what: 'the same hole twice', geometry: polygon(square(0, 0, 10, 10), hole(1, 1, 5, 5), hole(1, 1, 5, 5)), path: 'coordinates.2', message: '第2个内环与第1个内环相交' },
    { what: 'overlapping parts', geometry: multi([square(0, 0, 10, 10)], [square(5, 5, 15, 15)]), path: 'coordinates.1', message: '第2部分与第1部分重叠' },
    { what: 'a part inside another (not in a hole)', geometry: multi([square(0, 0, 10, 10)], [square(2, 2, 4, 4)]), path: 'coordinates.1', message: '第2部分与第1部分重叠' },
    { what: 'a part around another', geometry: multi([square(2, 2, 4, 4)], [square(0, 0, 10, 10)]), path: 'coordinates.1', message: '第2部分与第1部分重叠' },
    { what: 'a part overlapping another’s hole and the land around it', geometry: multi([square(0, 0, 10, 10), hole(2, 2, 8, 8)], [square(1, 4, 6, 6)]), path: 'coordinates.1', message: '第2部分与第1部分重叠' },
    { what: 'a part that touches another at two points and reaches into it between them', geometry: multi([square(0, 0, 10, 10)], [closed([10, 2], [15, 5], [10, 8], [5, 5])]), path: 'coordinates.1', message: '第2部分与第1部分重叠' },
    { what: 'parts sharing an edge (they are one part)', geometry: multi([square(0, 0, 10, 10)], [square(10, 0, 20, 10)]), path: 'coordinates.1', message: '第2部分与第1部分有一段共用边界，应合并为一个部分' },
    { what: 'the same part twice', geometry: multi([square(0, 0, 10, 10)], [square(0, 0, 10, 10)]), path: 'coordinates.1', message: '第2部分与第1部分有一段共用边界，应合并为一个部分' },
    { what: 'a third part overlapping the first', geometry: multi([square(0, 0, 10, 10)], [square(20, 0, 30, 10)], [square(8, 8, 12, 12)]), path: 'coordinates.2', message: '第3部分与第1部分重叠' },
  ])('$what: $path $message', ({ geometry, path, message }) => {
    expect(validateGeometry(geometry as GridGeometry)).toEqual([{ path, message }])
  })

  it('lists every problem it finds, and judges relations only between sound rings', () => {
    const geometry = multi([[p(0, 0), [NaN, 22.5], p(0, 10)]], [closed([20, 0], [30, 10], [30, 0], [20, 10])], [square(40, 0, 50, 10), hole(60, 0, 65, 5)])
    expect(validateGeometry(geometry)).toEqual([
      { path: 'coordinates.0.0.1', message: '第1部分的外环第2个点不是有效的经纬度数字' },
      { path: 'coordinates.1.0', message: '第2部分的外环自相交' },
      { path: 'coordinates.2.1', message: '第3部分的第1个内环不在外环内' },
    ])
  })

  it.each([null, undefined, 42, 'Polygon', {}, { type: 'Polygon' }, { type: 'Polygon', coordinates: 'x' }, { type: 'Polygon', coordinates: [[null, [1, 2]]] }, { type: 'MultiPolygon', coordinates: [[[['a', 'b']]]] }])(
    'never throws, whatever it is given: %p',
    (geometry) => {
      const problems = validateGeometry(geometry as unknown as GridGeometry)
      expect(problems.length).toBeGreaterThan(0)
      for (const problem of problems) expect(problem).toEqual({ path: expect.any(String), message: expect.any(String) })
    },
  )
})

// A plain check of every pair of edges, to hold the quicker search to: a ring is simple
// when no two edges meet but neighbours at their shared point.
function simpleByPairs(ring: Pt[]): boolean {
  const n = ring.length
  const o = (a: Pt, b: Pt, c: Pt) => Math.sign((b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0]))
  const on = (a: Pt, b: Pt, c: Pt) => o(a, b, c) === 0 && Math.min(a[0], b[0]) <= c[0] && c[0] <= Math.max(a[0], b[0]) && Math.min(a[1], b[1]) <= c[1] && c[1] <= Math.max(a[1], b[1])
  const meet = (a: Pt, b: Pt, c: Pt, d: Pt) => (o(a, b, c) * o(a, b, d) < 0 && o(c, d, a) * o(c, d, b) < 0) || on(a, b, c) || on(a, b, d) || on(c, d, a) || on(c, d, b)
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const [a, b, c, d] = [ring[i], ring[(i + 1) % n], ring[j], ring[(j + 1) % n]]
      const next = j === i + 1
      const wrap = i === 0 && j === n - 1
      if (!next && !wrap && meet(a, b, c, d)) return false
      // neighbours: wrong only when the second folds back over the first
      const [shared, p0, p1] = next ? [b, a, d] : [a, b, c]
      if ((next || wrap) && n > 2 && o(p0, shared, p1) === 0 && (p1[0] - shared[0]) * (p0[0] - shared[0]) + (p1[1] - shared[1]) * (p0[1] - shared[1]) > 0) return false
    }
  }
  return true
}

describe('validateGeometry on random rings agrees with a check of every pair of edges', () => {
  it.each([
    { name: 'small rings of 4 to 7 points on a coarse lattice (many touches and collinear edges)', sizes: [4, 7], lattice: 4, count: 4000 },
    { name: 'rings of 30 to 60 points (past the all-pairs size, so the sweep runs)', sizes: [30, 60], lattice: 1000, count: 300 },
  ])('$name', ({ sizes, lattice, count }) => {
    const rnd = mulberry32(17)
    let refused = 0
    for (let k = 0; k < count; k++) {
      const n = sizes[0] + Math.floor(rnd() * (sizes[1] - sizes[0] + 1))
      const ring: Pt[] = []
      for (let i = 0; i < n; i++) {
        const pt = p(Math.floor(rnd() * lattice) * (10 / lattice), Math.floor(rnd() * lattice) * (10 / lattice))
        const prev = ring[ring.length - 1]
        if (!prev || prev[0] !== pt[0] || prev[1] !== pt[1]) ring.push(pt)
      }
      while (ring.length > 1 && ring[0][0] === ring[ring.length - 1][0] && ring[0][1] === ring[ring.length - 1][1]) ring.pop()
      if (ring.length < 3) continue
      const simple = simpleByPairs(ring)
      if (!simple) refused++
      expect([ring, validateGeometry(polygon(ring)).length === 0]).toEqual([ring, simple])
    }
    expect(refused).toBeGreaterThan(count / 10)
  })

  it('a star of 400 points is simple; moving one point across the ring makes it not', () => {
    const star: Pt[] = Array.from({ length: 400 }, (_, i) => {
      const a = (i / 400) * 2 * Math.PI
      const r = i % 2 === 0 ? 10 : 6
      return p(r * Math.cos(a), r * Math.sin(a))
    })
    expect(validateGeometry(polygon(star))).toEqual([])
    const crossed = star.map((v, i): Pt => (i === 100 ? p(-9, 0.1) : v))
    expect(validateGeometry(polygon(crossed))).toEqual([{ path: 'coordinates.0', message: '外环自相交' }])
    expect(validateGeometry(polygon(star, hole(-2, -2, 2, 2)))).toEqual([])
    expect(validateGeometry(polygon(star, hole(-2, -2, 12, 2)))).toEqual([{ path: 'coordinates.1', message: '第1个内环与外环相交' }])
  })
})

describe('validateGeometry on a polygon with very many holes', () => {
  const holes = (n: number, overlapAt: number) =>
    Array.from({ length: n }, (_, i) => {
      const [x, y] = [(i % 50) * 0.2 + 0.05, Math.floor(i / 50) * 0.2 + 0.05]
      return i === overlapAt ? hole(x - 0.1, y, x + 0.1, y + 0.1) : hole(x, y, x + 0.1, y + 0.1)
    })

  it('accepts 1,500 small holes (past the size where meetings are kept in a map)', () => {
    expect(validateGeometry(polygon(square(0, 0, 10, 10), ...holes(1500, -1)))).toEqual([])
  })

  it('still finds the one hole that crosses its neighbour', () => {
    expect(validateGeometry(polygon(square(0, 0, 10, 10), ...holes(1500, 777)))).toEqual([{ path: 'coordinates.778', message: '第778个内环与第777个内环相交' }])
  })
})
