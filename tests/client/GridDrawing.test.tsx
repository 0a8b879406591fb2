import { act, fireEvent, render } from '@testing-library/react'
import type { LngLat } from '../../shared/model'
import { pointOnSurface } from '../../shared/routing/pointOnSurface'
import GridDrawing from '../../client/src/components/map/GridDrawing'
import { projectionFor } from '../../client/src/lib/mapProjection'
import { demoCommunityMap, installPointerEvent, placeOnScreen } from './map/fixtures'

// The community drawn without tiles: the person's grid told in words as well as colour, a tap
// placing the pin at the lng/lat under the finger, and the pin dragged to adjust it.
const map = demoCommunityMap('c-lianhua1')
const projection = projectionFor(map.bbox)
// shown at twice the viewBox size, 20 px from the left and 300 px down the page
const RECT = { left: 20, top: 300, width: projection.width * 2, height: projection.height * 2 }
const onScreen = (p: LngLat) => {
  const [x, y] = projection.toXY(p)
  return { clientX: RECT.left + 2 * x, clientY: RECT.top + 2 * y }
}
const svg = () => document.getElementById('d-svg')!

beforeAll(installPointerEvent)

test('draws every grid with its name, and the highlighted one hatched and labelled in words', () => {
  render(<GridDrawing id='d' map={map} highlightGridId='g-lianhua1-2' />)
  const paths = Array.from(document.querySelectorAll('path.gm-grid'))
  expect(paths.map((p) => p.getAttribute('data-grid-id'))).toEqual(['g-lianhua1-1', 'g-lianhua1-2', 'g-lianhua1-3', 'g-lianhua1-4'])
  expect(document.querySelector('path.gm-grid-mine')!.getAttribute('data-grid-id')).toBe('g-lianhua1-2')
  expect((document.querySelector('path.gm-grid-mine') as SVGElement).style.fill).toBe('url(#d-hatch)')
  expect(document.querySelector('.gm-label-mine')!.textContent).toBe('第2网格（您的网格）')
  expect(Array.from(document.querySelectorAll('.gm-label')).map((l) => l.textContent)).toContain('第4网格')
  expect(svg().getAttribute('aria-label')).toBe('莲花一村社区网格图，您的网格：第2网格')
})

test('a tap on the drawing places the pin at the lng/lat drawn there', () => {
  const onPlace = jest.fn()
  render(<GridDrawing id='d' map={map} onPlace={onPlace} />)
  placeOnScreen(svg(), RECT)
  const target = pointOnSurface(map.grids[2].geometry)!
  fireEvent.click(svg(), onScreen(target))
  expect(onPlace).toHaveBeenCalledTimes(1)
  const placed = onPlace.mock.calls[0][0] as LngLat
  expect(placed.lng).toBeCloseTo(target.lng, 5)
  expect(placed.lat).toBeCloseTo(target.lat, 5)
})

test('the pin is dragged by where it was grabbed, lands where it is let go, and the click that ends the drag moves nothing', () => {
  const onPlace = jest.fn()
  const from = pointOnSurface(map.grids[0].geometry)!
  const to = pointOnSurface(map.grids[1].geometry)!
  render(<GridDrawing id='d' map={map} pin={from} onPlace={onPlace} />)
  placeOnScreen(svg(), RECT)
  const pin = document.getElementById('d-pin')!
  // grabbed by its head, 40 screen px (20 units) above its tip
  const grab = onScreen(from)
  act(() => { fireEvent.pointerDown(pin, { clientX: grab.clientX, clientY: grab.clientY - 40, pointerId: 7 }) })
  const end = onScreen(to)
  act(() => { fireEvent.pointerMove(svg(), { clientX: end.clientX, clientY: end.clientY - 40, pointerId: 7 }) })
  expect(Number(document.getElementById('d-pin')!.getAttribute('data-lat'))).toBeCloseTo(to.lat, 5)
  act(() => { fireEvent.pointerUp(svg(), { clientX: end.clientX, clientY: end.clientY - 40, pointerId: 7 }) })
  fireEvent.click(svg(), { clientX: end.clientX, clientY: end.clientY - 40 })
  expect(onPlace).toHaveBeenCalledTimes(1)
  expect(onPlace.mock.calls[0][0].lng).toBeCloseTo(to.lng, 5)
  expect(onPlace.mock.calls[0][0].lat).toBeCloseTo(to.lat, 5)
})

test('without onPlace the drawing only shows: a tap places nothing', () => {
  render(<GridDrawing id='d' map={map} highlightGridId='g-lianhua1-1' />)
  placeOnScreen(svg(), RECT)
  fireEvent.click(svg(), onScreen(pointOnSurface(map.grids[0].geometry)!))
  expect(document.getElementById('d-pin')).toBeNull()
})
