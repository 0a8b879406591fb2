import Taro from '@tarojs/taro'
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react'
import type { LngLat } from '../../shared/model'
import { coversPoint, ringsOf } from '../../shared/routing/geo'
import { DEMO_GRIDS } from '../../cloudfunctions/local/seed/demoArea'
import { setTransport } from '../../client/src/api/transport'
import LocationPicker from '../../client/src/components/location/LocationPicker'
import { useDeviceLocation } from '../../client/src/components/location/useDeviceLocation'
import { forgetMapData, rememberCommunity } from '../../client/src/lib/mapData'
import { projectionFor } from '../../client/src/lib/mapProjection'
import { fakeTransport, ok } from './fakeTransport'
import { DEMO_LIST, demoCommunityMap, demoLocatePoint, placeOnScreen } from './map/fixtures'

// The report form's place when the phone gives no location: the pin on the community's
// drawing, or a grid from the list, and the grid named in words before anything is sent.
const taro = Taro as unknown as Record<string, jest.Mock>
const { __resetStorage } = require('@tarojs/taro') as { __resetStorage: () => void }
const locate = demoLocatePoint()

let value: LngLat | null
function Form() {
  const place = useDeviceLocation()
  value = place.value
  return <LocationPicker value={place.value} onChange={place.setValue} onRelocate={place.relocate} locating={place.locating} failed={place.failed} />
}

function wire() {
  const fake = fakeTransport((_fn, body) => {
    const payload = body.payload as Record<string, any>
    if (body.action === 'listCommunities') return ok(DEMO_LIST)
    if (body.action === 'communityMap') return ok(demoCommunityMap(payload.communityId))
    if (body.action === 'locatePoint') return ok(locate(payload.location))
    return { ok: false, error: { code: 'NOT_FOUND', message: '记录不存在或已删除' } }
  })
  setTransport(fake.transport)
  return fake
}
const placeText = () => document.getElementById('location-place')!.textContent

beforeEach(() => {
  __resetStorage()
  forgetMapData()
  taro.getLocation.mockRejectedValue({ errMsg: 'getLocation:fail auth deny' })
})

test('with location refused, the remembered community is drawn, and a tap places the pin and names its grid', async () => {
  rememberCommunity('c-tianmian')
  const fake = wire()
  render(<Form />)
  await waitFor(() => expect(document.getElementById('location-map-svg')).not.toBeNull())
  expect(placeText()).toContain('无法自动定位')
  const map = demoCommunityMap('c-tianmian')
  const projection = projectionFor(map.bbox)
  placeOnScreen(document.getElementById('location-map-svg')!, { left: 0, top: 0, width: projection.width, height: projection.height })
  // the middle of 田面社区第2网格's box lies inside it
  const grid = DEMO_GRIDS.find((g) => g.id === 'g-tianmian-2')!
  const target = { lng: 114.0606, lat: 22.5433 }
  expect(coversPoint(target, ringsOf(grid.geometry))).toBe(true)
  const [x, y] = projection.toXY(target)
  await act(async () => { fireEvent.click(document.getElementById('location-map-svg')!, { clientX: x, clientY: y }) })
  expect(value!.lng).toBeCloseTo(target.lng, 5)
  await waitFor(() => expect(placeText()).toBe('该位置属于 田面社区 · 第2网格'))
  expect(document.getElementById('location-place')!.getAttribute('data-outcome')).toBe('inside')
  expect(document.querySelector('#location-map path.gm-grid-mine')!.getAttribute('data-grid-id')).toBe('g-tianmian-2')
  const asked = fake.calls.filter((c) => c.body.action === 'locatePoint')
  expect(asked).toHaveLength(1)
  expect(asked[0].body.payload).toEqual({ location: value })
})

test('with no community known, the person chooses one from the list first, then sees its drawing', async () => {
  wire()
  render(<Form />)
  await waitFor(() => expect(document.getElementById('location-community-c-xintian')).not.toBeNull())
  expect(document.getElementById('location-map-svg')).toBeNull()
  await act(async () => { fireEvent.click(document.getElementById('location-community-c-xintian')!) })
  await waitFor(() => expect(document.getElementById('location-map-svg')).not.toBeNull())
  expect(document.getElementById('location-map')!.textContent).toContain('第4网格')
})

test('a grid picked from the list places the report inside that grid, away from its hole, and says so', async () => {
  wire()
  render(<Form />)
  await waitFor(() => expect(document.getElementById('location-pick-grid')).not.toBeNull())
  fireEvent.click(document.getElementById('location-pick-grid')!)
  await waitFor(() => expect(document.getElementById('location-community-c-tianmian')).not.toBeNull())
  fireEvent.click(document.getElementById('location-community-c-tianmian')!)
  await act(async () => { fireEvent.click(document.getElementById('location-grid-g-tianmian-3')!) })
  await waitFor(() => expect(placeText()).toBe('该位置属于 田面社区 · 第3网格'))
  const grid = DEMO_GRIDS.find((g) => g.id === 'g-tianmian-3')!
  expect(coversPoint(value!, ringsOf(grid.geometry))).toBe(true)
  expect(document.getElementById('location-note')!.textContent).toBe('已定位在「第3网格」的中部。知道具体位置的话，请在图上点一下。')
})

test('typed coordinates are folded away under 高级 and still work', async () => {
  wire()
  render(<Form />)
  expect(document.getElementById('location-lng')).toBeNull()
  fireEvent.click(screen.getByText('高级：输入经纬度'))
  fireEvent.change(document.getElementById('location-lng')!, { target: { value: '114.0575' } })
  fireEvent.change(document.getElementById('location-lat')!, { target: { value: '22.54113' } })
  expect(value).toEqual({ lng: 114.0575, lat: 22.54113 })
  await waitFor(() => expect(placeText()).toBe('该位置属于 莲花一村社区 · 第1网格'))
})

test('a point outside the service area is said so before sending', async () => {
  wire()
  taro.getLocation.mockResolvedValue({ longitude: 114.05, latitude: 22.5444, accuracy: 20 })
  render(<Form />)
  await waitFor(() => expect(document.getElementById('location-place')!.getAttribute('data-outcome')).toBe('outside_service_area'))
  expect(placeText()).toBe('该位置不在本街道服务范围内，请联系当地街道或拨打 0755-12345 热线')
})
