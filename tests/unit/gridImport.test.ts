import { wgs84ToGcj02 } from '../../shared/gridImport/coordinates'
import { validateImport } from '../../shared/gridImport/validateImport'
import { haversineM } from './gridImportGeo'

// A grid map import is checked feature by feature: every problem named by its feature index
// and field, and no grid of a file with problems goes through (the use case writes nothing).
const COMMUNITIES = [{ code: '440304005001' }, { code: '440304005002' }]
const sq = (x: number, y: number, d = 0.002): [number, number][] => [[x, y], [x + d, y], [x + d, y + d], [x, y + d], [x, y]]
const feature = (code: string, geometry: unknown, name = '测试网格') => ({ type: 'Feature', properties: { code, name }, geometry })
const poly = (...rings: [number, number][][]) => ({ type: 'Polygon', coordinates: rings })
const fc = (...features: unknown[]) => ({ type: 'FeatureCollection', features })
const check = (input: unknown) => validateImport(input, COMMUNITIES, 'gcj02')

describe('validating a grid map import', () => {
  it('accepts good grids, a MultiPolygon with an island and a polygon with a hole', () => {
    const hole: [number, number][] = [[114.0505, 22.5405], [114.0505, 22.541], [114.051, 22.541], [114.051, 22.5405], [114.0505, 22.5405]]
    const out = check(fc(
      feature('440304005001001', poly(sq(114.05, 22.54), hole)),
      feature('440304005001002', { type: 'MultiPolygon', coordinates: [[sq(114.053, 22.54)], [sq(114.06, 22.55, 0.0005)]] }),
    ))
    expect(out.problems).toEqual([])
    expect(out.grids.map((g) => [g.code, g.communityCode, g.geometry.type])).toEqual([['440304005001001', '440304005001', 'Polygon'], ['440304005001002', '440304005001', 'MultiPolygon']])
  })

  it.each([
    ['an open ring', feature('440304005001001', poly(sq(114.05, 22.54).slice(0, 4))), 'geometry.coordinates.0', /外环没有闭合/],
    ['a bow-tie polygon', feature('440304005001001', poly([[114.05, 22.54], [114.052, 22.542], [114.052, 22.54], [114.05, 22.542], [114.05, 22.54]])), /^geometry\.coordinates/, /./],
    ['a hole outside its shell', feature('440304005001001', poly(sq(114.05, 22.54), sq(114.06, 22.55, 0.0005))), /^geometry\.coordinates/, /内环/],
    ['swapped lng/lat', feature('440304005001001', poly(sq(114.05, 22.54).map(([x, y]) => [y, x] as [number, number]))), 'geometry.coordinates', /经纬度好像填反了/],
    ['a point outside China', feature('440304005001001', poly(sq(10, 50))), 'geometry.coordinates', /不在中国境内/],
    ['an unknown parent code', feature('440304005009001', poly(sq(114.05, 22.54))), 'properties.code', /所属社区 440304005009 不存在/],
    ['a malformed code', feature('44030400500100', poly(sq(114.05, 22.54))), 'properties.code', /15位数字/],
    ['a feature without geometry', feature('440304005001001', null), 'geometry', /缺少边界/],
    ['a point geometry', feature('440304005001001', { type: 'Point', coordinates: [114, 22] }), 'geometry.type', /Polygon 或 MultiPolygon/],
    ['a missing name', feature('440304005001001', poly(sq(114.05, 22.54)), ''), 'properties.name', /名称/],
  ])('reports %s with its feature index and field, and passes no grid of it', (_what, bad, field, message) => {
    const out = check(fc(feature('440304005002001', poly(sq(114.07, 22.54))), bad))
    const mine = out.problems.filter((p) => p.feature === 1)
    expect(mine.length).toBeGreaterThan(0)
    expect(mine[0].field).toEqual(typeof field === 'string' ? field : expect.stringMatching(field))
    expect(mine[0].message).toMatch(/^第2个网格：/)
    expect(mine[0].message).toMatch(message)
    expect(out.grids.map((g) => g.code)).toEqual(['440304005002001'])
  })

  it('reports a duplicate code at the second feature, naming the first', () => {
    const out = check(fc(feature('440304005001001', poly(sq(114.05, 22.54))), feature('440304005001001', poly(sq(114.06, 22.54)))))
    expect(out.problems).toEqual([{ feature: 1, field: 'properties.code', message: expect.stringMatching(/与第1个网格重复/) }])
  })

  it('refuses what is not a FeatureCollection, or an empty one', () => {
    for (const input of [null, [], { type: 'Feature' }, { type: 'FeatureCollection' }]) expect(check(input).problems[0]).toMatchObject({ feature: -1 })
    expect(check(fc()).problems[0].message).toMatch(/没有网格/)
  })

  it('converts WGS-84 and CGCS2000 files to GCJ-02, a few hundred metres in Shenzhen', () => {
    const wgs = [114.05, 22.54] as [number, number]
    const gcj = wgs84ToGcj02(wgs)
    const off = haversineM(wgs, gcj)
    expect(off).toBeGreaterThan(300)
    expect(off).toBeLessThan(700)
    for (const from of ['wgs84', 'cgcs2000'] as const) {
      const out = validateImport(fc(feature('440304005001001', poly(sq(114.05, 22.54)))), COMMUNITIES, from)
      const first = (out.grids[0].geometry.coordinates as [number, number][][])[0][0]
      expect(first[0]).toBeCloseTo(gcj[0], 9)
      expect(first[1]).toBeCloseTo(gcj[1], 9)
    }
  })
})
