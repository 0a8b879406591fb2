import { bboxOf, coversPoint, distanceM, distanceToBoundaryM, metresPerDegree, offsetByMetres, partsOf, pointInPolygon, ringsOf, type AreaGeometry } from '../../../shared/routing/geo'

// A 200 m x 100 m block near 华富街道 with a 40 m x 40 m courtyard carved out of its middle.
const origin = { lng: 114.06, lat: 22.545 }
const at = (eastM: number, northM: number) => offsetByMetres(origin, eastM, northM)
const pair = (eastM: number, northM: number): [number, number] => {
  const p = at(eastM, northM)
  return [p.lng, p.lat]
}
const outer = [pair(0, 0), pair(200, 0), pair(200, 100), pair(0, 100)]
const courtyard = [pair(80, 30), pair(80, 70), pair(120, 70), pair(120, 30)]
const open = [outer, courtyard]
const closed = [[...outer, outer[0]], [...courtyard, courtyard[0]]]

describe('pointInPolygon', () => {
  it.each([
    { where: 'the middle of the block, west of the courtyard', e: 40, n: 50, expected: true },
    { where: 'the courtyard (a hole)', e: 100, n: 50, expected: false },
    { where: 'east of the block', e: 250, n: 50, expected: false },
    { where: 'south of the block', e: 100, n: -5, expected: false },
    { where: 'just inside the north edge', e: 100, n: 99.5, expected: true },
  ])('$where: inside is $expected, whether rings are open or closed', ({ e, n, expected }) => {
    expect(pointInPolygon(at(e, n), open)).toBe(expected)
    expect(pointInPolygon(at(e, n), closed)).toBe(expected)
  })
})

describe('distanceToBoundaryM', () => {
  it.each([
    { where: '10 m inside the west edge', e: 10, n: 50, expected: 10 },
    { where: '30 m outside the east edge', e: 230, n: 50, expected: 30 },
    { where: 'in the courtyard, 10 m from its west side', e: 90, n: 50, expected: 10 },
    { where: 'diagonally off the south-west corner', e: -30, n: -40, expected: 50 },
    { where: 'on the north edge', e: 150, n: 100, expected: 0 },
  ])('$where is $expected m from the border', ({ e, n, expected }) => {
    expect(distanceToBoundaryM(at(e, n), open)).toBeCloseTo(expected, 2)
    expect(distanceToBoundaryM(at(e, n), closed)).toBeCloseTo(expected, 2)
  })
})

describe('coversPoint', () => {
  it('counts the border, including the courtyard border, as part of the polygon', () => {
    expect(coversPoint(at(0, 50), open)).toBe(true)
    expect(coversPoint(at(80, 50), open)).toBe(true)
    expect(coversPoint(at(100, 50), open)).toBe(false)
  })
})

// The block again, with an island 300 m east of it: a MultiPolygon whose second part lies
// wholly outside the first part's box.
const island = [pair(300, 20), pair(340, 20), pair(340, 60), pair(300, 60)]
const withIsland: AreaGeometry = { type: 'MultiPolygon', coordinates: [closed, [island]] }

describe('partsOf and ringsOf', () => {
  it('a Polygon is one part; a MultiPolygon its parts, and its rings all rings of all parts, in order', () => {
    expect(partsOf({ type: 'Polygon', coordinates: closed })).toEqual([closed])
    expect(partsOf(withIsland)).toEqual([closed, [island]])
    expect(ringsOf({ type: 'Polygon', coordinates: closed })).toBe(closed)
    expect(ringsOf(withIsland)).toEqual([...closed, island])
  })

  it('the even-odd rule over those rings is the MultiPolygon: the block, not its courtyard, and the island', () => {
    expect(pointInPolygon(at(40, 50), ringsOf(withIsland))).toBe(true)
    expect(pointInPolygon(at(100, 50), ringsOf(withIsland))).toBe(false)
    expect(pointInPolygon(at(320, 40), ringsOf(withIsland))).toBe(true)
    expect(pointInPolygon(at(250, 40), ringsOf(withIsland))).toBe(false)
    expect(distanceToBoundaryM(at(250, 40), ringsOf(withIsland))).toBeCloseTo(50, 2)
  })
})

describe('bboxOf', () => {
  it('spans the outer ring of a polygon (its holes lie inside)', () => {
    const box = bboxOf(closed)
    expect(box).toEqual({ minLng: outer[0][0], minLat: outer[0][1], maxLng: outer[2][0], maxLat: outer[2][1] })
  })

  it('spans every part of a MultiPolygon, not just the first part\'s outer ring', () => {
    const box = bboxOf(ringsOf(withIsland))
    expect(box).toEqual({ minLng: outer[0][0], minLat: outer[0][1], maxLng: island[1][0], maxLat: outer[2][1] })
    expect(box.maxLng).toBeGreaterThan(bboxOf([outer]).maxLng)
  })
})

describe('metres and degrees', () => {
  it('a degree of longitude shrinks with latitude; offsets and distances agree', () => {
    expect(metresPerDegree(22.545).x).toBeCloseTo(102_700, -2)
    expect(metresPerDegree(22.545).y).toBeCloseTo(111_195, 0)
    expect(distanceM(origin, at(300, 400))).toBeCloseTo(500, 1)
  })
})
