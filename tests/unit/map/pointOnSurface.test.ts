import type { GridGeometry } from '../../../shared/model'
import { coversPoint, distanceToBoundaryM, ringsOf } from '../../../shared/routing/geo'
import { pointOnSurface, spansAt } from '../../../shared/routing/pointOnSurface'

// The point a report is placed at when the person picks a grid from a list: it must be inside
// the grid, clear of its edges, even where the box's centre is not.
const square = (x0: number, y0: number, d: number): [number, number][] => [[x0, y0], [x0 + d, y0], [x0 + d, y0 + d], [x0, y0 + d], [x0, y0]]
const inside = (g: GridGeometry, p: { lng: number; lat: number }) => coversPoint(p, ringsOf(g)) && distanceToBoundaryM(p, ringsOf(g)) > 0

describe('pointOnSurface', () => {
  it('finds a point inside an L-shaped grid, whose box centre lies outside it', () => {
    // an L: the west arm and the south arm, 100 m wide, the north-east quarter missing
    const L: GridGeometry = { type: 'Polygon', coordinates: [[[114, 22.5], [114.004, 22.5], [114.004, 22.501], [114.001, 22.501], [114.001, 22.504], [114, 22.504], [114, 22.5]]] }
    const centre = { lng: 114.002, lat: 22.502 }
    expect(coversPoint(centre, ringsOf(L))).toBe(false)
    const p = pointOnSurface(L)!
    expect(inside(L, p)).toBe(true)
    // the arms are ~100 m wide: the point sits near the middle of one, not on an edge
    expect(distanceToBoundaryM(p, ringsOf(L))).toBeGreaterThan(35)
  })

  it('keeps out of a hole in the middle of the grid', () => {
    const withHole: GridGeometry = { type: 'Polygon', coordinates: [square(114, 22.5, 0.004), [...square(114.001, 22.501, 0.002)].reverse()] }
    const p = pointOnSurface(withHole)!
    expect(inside(withHole, p)).toBe(true)
    expect(coversPoint(p, [square(114.001, 22.501, 0.002)])).toBe(false)
  })

  it('picks the main part of a grid with a small island, and a point inside it', () => {
    const main = square(114, 22.5, 0.004)
    const island = square(114.01, 22.5, 0.0005)
    const g: GridGeometry = { type: 'MultiPolygon', coordinates: [[island], [main]] }
    const p = pointOnSurface(g)!
    expect(coversPoint(p, [main])).toBe(true)
    expect(distanceToBoundaryM(p, [main])).toBeGreaterThan(150)
  })

  it('answers null for a ring without area', () => {
    expect(pointOnSurface({ type: 'Polygon', coordinates: [[[114, 22.5], [114.001, 22.5], [114, 22.5]]] })).toBeNull()
  })
})

describe('spansAt', () => {
  it('gives the stretches of a line inside the polygon, holes left out, west to east', () => {
    const withHole = [square(0, 0, 10), [...square(4, 4, 2)].reverse()]
    expect(spansAt(withHole, 5)).toEqual([[0, 4], [6, 10]])
    expect(spansAt(withHole, 1)).toEqual([[0, 10]])
    expect(spansAt(withHole, 11)).toEqual([])
  })
})
