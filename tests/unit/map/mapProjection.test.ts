import { clientToViewBox, pathOf, projectionFor } from '../../../client/src/lib/mapProjection'
import { distanceM } from '../../../shared/routing/geo'

// The community drawing: lng/lat to the SVG's units with true proportions at that latitude, and
// a tap on the drawing back to the lng/lat it means.
describe('projectionFor', () => {
  // ~1,030 m east-west and ~1,000 m north-south at Shenzhen's latitude: nearly square on the ground
  const bbox: [number, number, number, number] = [114.05, 22.54, 114.06, 22.549]

  it('draws equal ground distances as equal lengths east-west and north-south', () => {
    const p = projectionFor(bbox, { width: 340, maxHeight: 1000, padding: 10 })
    const sw = p.toXY({ lng: 114.05, lat: 22.54 })
    const se = p.toXY({ lng: 114.06, lat: 22.54 })
    const nw = p.toXY({ lng: 114.05, lat: 22.549 })
    const ew = distanceM({ lng: 114.05, lat: 22.54 }, { lng: 114.06, lat: 22.54 })
    const ns = distanceM({ lng: 114.05, lat: 22.54 }, { lng: 114.05, lat: 22.549 })
    const perMetreX = (se[0] - sw[0]) / ew
    const perMetreY = (sw[1] - nw[1]) / ns
    expect(perMetreX / perMetreY).toBeCloseTo(1, 2)
    // north is up, the box fills the width between the paddings
    expect(nw[1]).toBeLessThan(sw[1])
    expect(sw[0]).toBeCloseTo(10, 6)
    expect(se[0]).toBeCloseTo(330, 6)
    expect(p.height).toBeCloseTo(10 + (sw[1] - nw[1]) + 10, 6)
  })

  it('fits a tall area to the height limit and centres it across the width', () => {
    const tall: [number, number, number, number] = [114.05, 22.5, 114.051, 22.55]
    const p = projectionFor(tall, { width: 340, maxHeight: 400, padding: 16 })
    expect(p.height).toBeCloseTo(400, 6)
    const [x0] = p.toXY({ lng: 114.05, lat: 22.5 })
    const [x1] = p.toXY({ lng: 114.051, lat: 22.5 })
    expect((x0 + x1) / 2).toBeCloseTo(170, 6)
  })

  it('turns a point of the drawing back into the lng/lat it was drawn from', () => {
    const p = projectionFor(bbox)
    const point = { lng: 114.0537, lat: 22.5461 }
    const [x, y] = p.toXY(point)
    const back = p.toLngLat(x, y)
    expect(back.lng).toBeCloseTo(point.lng, 9)
    expect(back.lat).toBeCloseTo(point.lat, 9)
  })

  it('still draws a single point', () => {
    const p = projectionFor([114.05, 22.54, 114.05, 22.54])
    const [x, y] = p.toXY({ lng: 114.05, lat: 22.54 })
    expect(Number.isFinite(x) && Number.isFinite(y)).toBe(true)
    expect(x).toBeCloseTo(p.width / 2, 6)
  })
})

describe('clientToViewBox', () => {
  it('scales a tap on a drawing shown larger than its viewBox', () => {
    // viewBox 340×200 shown at 680×400 from (10, 100)
    expect(clientToViewBox(10 + 340, 100 + 100, { left: 10, top: 100, width: 680, height: 400 }, { width: 340, height: 200 })).toEqual([170, 50])
  })

  it('leaves out the margins when the box is wider than the drawing (xMidYMid meet)', () => {
    // viewBox 100×100 in a 300×100 box: drawn 100 wide, 100 in from each side
    expect(clientToViewBox(100, 50, { left: 0, top: 0, width: 300, height: 100 }, { width: 100, height: 100 })).toEqual([0, 50])
    expect(clientToViewBox(200, 0, { left: 0, top: 0, width: 300, height: 100 }, { width: 100, height: 100 })).toEqual([100, 0])
  })
})

describe('pathOf', () => {
  it('draws every ring of every part as its own closed subpath', () => {
    const p = projectionFor([0.5, 0.5, 1.5, 1.5].map((n, i) => (i % 2 ? 22 + n / 1000 : 114 + n / 1000)) as [number, number, number, number])
    const ring = (d: number): [number, number][] => [[114 + d / 1000, 22 + d / 1000], [114 + (d + 1) / 1000, 22 + d / 1000], [114 + (d + 1) / 1000, 22 + (d + 1) / 1000]]
    const path = pathOf({ type: 'MultiPolygon', coordinates: [[ring(0.5)], [ring(0.6), ring(0.7)]] }, p)
    expect(path.match(/M/g)).toHaveLength(3)
    expect(path.match(/Z/g)).toHaveLength(3)
    expect(path).toMatch(/^M\d+(\.\d)? \d+(\.\d)? L/)
  })
})
