import { DEMO_COMMUNITIES, DEMO_GRIDS, DEMO_POINTS, DEMO_STREET } from '../../../cloudfunctions/local/seed/demoArea'
import { bboxOf, coversPoint, distanceToBoundaryM, ON_EDGE_M, partsOf, pointInPolygon, ringsOf } from '../../../shared/routing/geo'
import { mulberry32 } from '../../../shared/routing/cityGenerator'
import { validateGeometry } from '../../../shared/routing/validateGeometry'

const rings = (id: string) => ringsOf(DEMO_GRIDS.find((g) => g.id === id)!.geometry)

describe('the demo area', () => {
  it('is one street of 福田区 with a hotline, three communities and twelve grids named in Chinese', () => {
    expect(DEMO_STREET).toMatchObject({ name: '华富街道', district: '福田区', hotline: '0755-12345', dispatcherIds: [] })
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

  it('has only geometries the index accepts', () => {
    for (const g of [...DEMO_GRIDS, ...DEMO_COMMUNITIES]) expect([g.id, validateGeometry(g.geometry!)]).toEqual([g.id, []])
  })

  it('has every grid, every part of it, inside the street, and inside its community’s outline', () => {
    for (const g of DEMO_GRIDS) {
      const community = ringsOf(DEMO_COMMUNITIES.find((c) => c.id === g.communityId)!.geometry!)
      for (const part of partsOf(g.geometry)) {
        for (const [lng, lat] of part[0]) {
          expect(coversPoint({ lng, lat }, DEMO_STREET.polygon)).toBe(true)
          expect(coversPoint({ lng, lat }, community)).toBe(true)
        }
      }
    }
  })

  it('has no two grids overlapping (only their borders touch), nor two communities', () => {
    const box = bboxOf(DEMO_STREET.polygon)
    const rnd = mulberry32(11)
    const strictlyIn = (p: { lng: number; lat: number }, r: ReturnType<typeof ringsOf>) => pointInPolygon(p, r) && distanceToBoundaryM(p, r) > ON_EDGE_M
    for (let i = 0; i < 5000; i++) {
      const p = { lng: box.minLng + rnd() * (box.maxLng - box.minLng), lat: box.minLat + rnd() * (box.maxLat - box.minLat) }
      expect(DEMO_GRIDS.filter((g) => strictlyIn(p, ringsOf(g.geometry))).length).toBeLessThanOrEqual(1)
      expect(DEMO_COMMUNITIES.filter((c) => strictlyIn(p, ringsOf(c.geometry!))).length).toBeLessThanOrEqual(1)
    }
  })

  it('carves a school out of 田面社区第3网格, in no grid', () => {
    const holed = DEMO_GRIDS.filter((g) => partsOf(g.geometry).some((part) => part.length > 1))
    expect(holed.map((g) => g.name)).toEqual(['田面社区第3网格'])
    expect(DEMO_GRIDS.some((g) => coversPoint(DEMO_POINTS.inHole.point, ringsOf(g.geometry)))).toBe(false)
  })

  it('makes 新田社区第4网格 a MultiPolygon: its blocks and a pocket park out in the strip, far from every other grid', () => {
    const multi = DEMO_GRIDS.filter((g) => g.geometry.type === 'MultiPolygon')
    expect(multi.map((g) => g.name)).toEqual(['新田社区第4网格'])
    const [, park] = partsOf(multi[0].geometry)
    const [lng, lat] = park[0][0]
    for (const g of DEMO_GRIDS.filter((o) => o.id !== multi[0].id)) expect(distanceToBoundaryM({ lng, lat }, ringsOf(g.geometry))).toBeGreaterThan(150)
    expect(coversPoint(DEMO_POINTS.onIsland.point, park)).toBe(true)
  })

  it('leaves part of the street uncovered by any grid, far enough for the dispatcher queues', () => {
    for (const p of [DEMO_POINTS.farInStreet.point, DEMO_POINTS.farInCommunity.point]) {
      expect(coversPoint(p, DEMO_STREET.polygon)).toBe(true)
      expect(Math.min(...DEMO_GRIDS.map((g) => distanceToBoundaryM(p, ringsOf(g.geometry))))).toBeGreaterThan(200)
    }
  })

  it('has sample points that sit where their labels say', () => {
    const covering = (name: keyof typeof DEMO_POINTS) => DEMO_GRIDS.filter((g) => coversPoint(DEMO_POINTS[name].point, ringsOf(g.geometry))).map((g) => g.id)
    const inCommunity = (name: keyof typeof DEMO_POINTS) => DEMO_COMMUNITIES.filter((c) => coversPoint(DEMO_POINTS[name].point, ringsOf(c.geometry!))).map((c) => c.id)
    expect(covering('onSharedBorder')).toEqual(['g-lianhua1-1', 'g-tianmian-1'])
    expect(distanceToBoundaryM(DEMO_POINTS.nearBorder10m.point, rings('g-xintian-1'))).toBeCloseTo(10, 0)
    expect(covering('inGap')).toEqual([])
    expect(covering('onIsland')).toEqual(['g-xintian-4'])
    expect(inCommunity('farInCommunity')).toEqual(['c-xintian'])
    expect(inCommunity('farInStreet')).toEqual([])
    expect(coversPoint(DEMO_POINTS.outside.point, DEMO_STREET.polygon)).toBe(false)
  })
})
