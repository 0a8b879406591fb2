import { DEMO_COMMUNITIES, DEMO_GRIDS, DEMO_POINTS, DEMO_STREET } from '../../../cloudfunctions/local/seed/demoArea'
import { bboxOf, coversPoint, distanceToBoundaryM, ON_EDGE_M, pointInPolygon } from '../../../shared/routing/geo'
import { mulberry32 } from '../../../shared/routing/cityGenerator'

describe('the demo area', () => {
  it('is one street of 福田区 with a hotline, three communities and twelve grids named in Chinese', () => {
    expect(DEMO_STREET).toMatchObject({ name: '华富街道', district: '福田区', hotline: '0755-12345' })
    expect(DEMO_COMMUNITIES).toHaveLength(3)
    expect(DEMO_GRIDS).toHaveLength(12)
    for (const g of DEMO_GRIDS) {
      const community = DEMO_COMMUNITIES.find((c) => c.id === g.communityId)
      expect(g.name).toMatch(new RegExp(`^${community?.name}第[1-4]网格$`))
      expect(g).toMatchObject({ streetId: DEMO_STREET.id, version: 1 })
    }
    expect(new Set(DEMO_GRIDS.map((g) => g.id)).size).toBe(12)
  })

  it('lies where WeChat would report 华富街道 (GCJ-02, around lng 114.06, lat 22.545)', () => {
    const box = bboxOf(DEMO_STREET.polygon)
    expect(box.minLng).toBeGreaterThan(114.05)
    expect(box.maxLng).toBeLessThan(114.075)
    expect(box.minLat).toBeGreaterThan(22.535)
    expect(box.maxLat).toBeLessThan(22.55)
  })

  it('has every grid inside the street', () => {
    for (const g of DEMO_GRIDS) for (const [lng, lat] of g.polygon[0]) expect(coversPoint({ lng, lat }, DEMO_STREET.polygon)).toBe(true)
  })

  it('has no two grids overlapping (only their borders touch)', () => {
    const box = bboxOf(DEMO_STREET.polygon)
    const rnd = mulberry32(11)
    for (let i = 0; i < 5000; i++) {
      const p = { lng: box.minLng + rnd() * (box.maxLng - box.minLng), lat: box.minLat + rnd() * (box.maxLat - box.minLat) }
      const strictlyIn = DEMO_GRIDS.filter((g) => pointInPolygon(p, g.polygon) && distanceToBoundaryM(p, g.polygon) > ON_EDGE_M)
      expect(strictlyIn.length).toBeLessThanOrEqual(1)
    }
  })

  it('carves a school out of 田面社区第3网格, in no grid', () => {
    const holed = DEMO_GRIDS.filter((g) => g.polygon.length > 1)
    expect(holed.map((g) => g.name)).toEqual(['田面社区第3网格'])
    expect(DEMO_GRIDS.some((g) => coversPoint(DEMO_POINTS.inHole.point, g.polygon))).toBe(false)
  })

  it('leaves part of the street uncovered by any grid, far enough for the dispatcher queue', () => {
    const p = DEMO_POINTS.farInStreet.point
    expect(coversPoint(p, DEMO_STREET.polygon)).toBe(true)
    expect(Math.min(...DEMO_GRIDS.map((g) => distanceToBoundaryM(p, g.polygon)))).toBeGreaterThan(200)
  })

  it('has sample points that sit where their labels say', () => {
    const covering = (name: keyof typeof DEMO_POINTS) => DEMO_GRIDS.filter((g) => coversPoint(DEMO_POINTS[name].point, g.polygon)).map((g) => g.id)
    expect(covering('onSharedBorder')).toEqual(['g-lianhua1-1', 'g-tianmian-1'])
    expect(distanceToBoundaryM(DEMO_POINTS.nearBorder10m.point, DEMO_GRIDS.find((g) => g.id === 'g-xintian-1')!.polygon)).toBeCloseTo(10, 0)
    expect(covering('inGap')).toEqual([])
    expect(coversPoint(DEMO_POINTS.outside.point, DEMO_STREET.polygon)).toBe(false)
  })
})
