import booleanPointInPolygon from '@turf/boolean-point-in-polygon'
import { generateCity, mulberry32, randomPoints } from '../../../shared/routing/cityGenerator'
import { bboxContains, bboxOf, distanceToBoundaryM, partsOf, pointInPolygon, ringsOf } from '../../../shared/routing/geo'
import { validateGeometry } from '../../../shared/routing/validateGeometry'

describe('generateCity', () => {
  const city = generateCity({ grids: 500, seed: 9 })

  it('makes exactly the number of grids asked for, with unique ids', () => {
    expect(city.grids).toHaveLength(500)
    expect(new Set(city.grids.map((g) => g.id)).size).toBe(500)
  })

  it('is deterministic: the same seed gives the same city, another seed another city', () => {
    expect(generateCity({ grids: 500, seed: 9 })).toEqual(city)
    expect(generateCity({ grids: 500, seed: 10 }).grids[0].geometry).not.toEqual(city.grids[0].geometry)
  })

  it('makes neighbours share their edges vertex for vertex', () => {
    const edges = new Set<string>()
    const all: [string, string][] = []
    for (const g of city.grids) {
      const ring = partsOf(g.geometry)[0][0]
      for (let i = 0; i + 1 < ring.length; i++) {
        const [a, b] = [ring[i].join(','), ring[i + 1].join(',')]
        edges.add(`${a}>${b}`)
        all.push([a, b])
      }
    }
    const shared = all.filter(([a, b]) => edges.has(`${b}>${a}`)).length
    // only edges on the city's rim or beside a left-out cell have no neighbour
    expect(shared / all.length).toBeGreaterThan(0.85)
  })

  it('writes closed rings, with holes in some grids and some cells left out', () => {
    for (const g of city.grids) for (const ring of ringsOf(g.geometry)) expect(ring[0]).toEqual(ring[ring.length - 1])
    const holed = city.grids.filter((g) => partsOf(g.geometry)[0].length > 1).length
    expect(holed).toBeGreaterThan(5)
    expect(holed).toBeLessThan(60)
  })

  it('makes some grids MultiPolygons: an island in the gap east of them, or a part inside their own hole', () => {
    const multi = city.grids.filter((g) => g.geometry.type === 'MultiPolygon')
    expect(multi.length).toBeGreaterThan(5)
    expect(multi.length).toBeLessThan(60)
    const inHole = multi.filter((g) => {
      const [main, island] = partsOf(g.geometry)
      return main.length > 1 && pointInPolygon({ lng: island[0][0][0], lat: island[0][0][1] }, [main[1]])
    })
    expect(inHole.length).toBeGreaterThan(0)
    expect(inHole.length).toBeLessThan(multi.length)
    // an island with a hole of its own too
    expect(multi.some((g) => partsOf(g.geometry).some((part, i) => i > 0 && part.length > 1))).toBe(true)
  })

  it.each([
    { name: 'the default city', options: { grids: 500, seed: 9 } },
    { name: 'one with 40 vertices an edge (the waves fade at the corners)', options: { grids: 300, seed: 3, vertsPerEdge: 40 } },
    { name: 'one full of islands and holes', options: { grids: 300, seed: 4, holeRate: 0.5, gapRate: 0.2, islandRate: 1 } },
  ])('makes only geometries validateGeometry accepts: $name', ({ options }) => {
    const refused = generateCity(options).grids.filter((g) => validateGeometry(g.geometry).length > 0)
    expect(refused.map((g) => g.id)).toEqual([])
  })

  it('has no overlapping grids, and geo.ts agrees with turf on which grid holds a point', () => {
    const boxes = city.grids.map((g) => bboxOf(ringsOf(g.geometry)))
    for (const p of randomPoints(3000, city.bbox, 4)) {
      const ours = city.grids.filter((g, i) => bboxContains(boxes[i], p) && pointInPolygon(p, ringsOf(g.geometry)))
      const turf = city.grids.filter((g, i) => bboxContains(boxes[i], p) && booleanPointInPolygon([p.lng, p.lat], g.geometry))
      expect(ours.map((g) => g.id)).toEqual(turf.map((g) => g.id))
      expect(ours.length).toBeLessThanOrEqual(1)
      if (ours.length === 1) expect(distanceToBoundaryM(p, ringsOf(ours[0].geometry))).toBeGreaterThan(0)
    }
  })
})

describe('mulberry32', () => {
  it('repeats its sequence for a seed and stays in [0, 1)', () => {
    const [a, b] = [mulberry32(5), mulberry32(5)]
    const xs = Array.from({ length: 1000 }, () => a())
    expect(Array.from({ length: 1000 }, () => b())).toEqual(xs)
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(0)
    expect(Math.max(...xs)).toBeLessThan(1)
  })
})
