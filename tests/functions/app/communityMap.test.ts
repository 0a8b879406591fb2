import { coversPoint, ringsOf } from '../../../shared/routing/geo'
import { pointOnSurface } from '../../../shared/routing/pointOnSurface'
import { DEMO_POINTS, DEMO_STREET } from '../../../cloudfunctions/local/seed/demoArea'
import { openTestStack, RESIDENT, type TestStack } from '../harness'

// The map a resident sees: the communities with their grids for a picker, one community drawn,
// which grid a point falls in (in words, before a report is sent), and the grid they pick as theirs.
let t: TestStack
beforeAll(async () => { t = await openTestStack() })
afterAll(() => t.close())

describe('user.listCommunities', () => {
  it('lists every community with its street and its grids in code order', async () => {
    const res = await t.call('user', RESIDENT, 'listCommunities', {})
    expect(res.ok).toBe(true)
    expect(res.data.map((c: { name: string }) => c.name)).toEqual(['莲花一村社区', '田面社区', '新田社区'])
    expect(res.data[0]).toEqual({
      id: 'c-lianhua1', name: '莲花一村社区', streetName: '华富街道',
      grids: [1, 2, 3, 4].map((i) => ({ id: `g-lianhua1-${i}`, name: `莲花一村社区第${i}网格` })),
    })
  })
})

describe('user.communityMap', () => {
  it("gives the community's outline, its grids' geometry and leaders, and a box holding all of them", async () => {
    const res = await t.call('user', RESIDENT, 'communityMap', { communityId: 'c-xintian' })
    expect(res.ok).toBe(true)
    const map = res.data
    expect(map.community).toMatchObject({ id: 'c-xintian', name: '新田社区', streetName: '华富街道', hotline: DEMO_STREET.hotline })
    expect(map.community.geometry.type).toBe('Polygon')
    expect(map.grids.map((g: { id: string }) => g.id)).toEqual(['g-xintian-1', 'g-xintian-2', 'g-xintian-3', 'g-xintian-4'])
    const stored = (await t.stack.deps.reference.getGrid('g-xintian-4'))!
    expect(map.grids[3].geometry).toEqual(stored.geometry) // the MultiPolygon with its pocket park
    expect(map.grids[3].leaderName).toBe((await t.stack.deps.reference.getUser(stored.leaderId!))!.name)
    const [minLng, minLat, maxLng, maxLat] = map.bbox
    for (const g of [map.community.geometry, ...map.grids.map((x: { geometry: unknown }) => x.geometry)]) {
      for (const ring of ringsOf(g)) for (const [lng, lat] of ring) {
        expect(lng >= minLng && lng <= maxLng && lat >= minLat && lat <= maxLat).toBe(true)
      }
    }
    // the outline reaches east into the strip no grid covers: the box follows it
    expect(maxLng).toBeCloseTo(114.0685, 6)
  })

  it('answers NOT_FOUND naming communityId for a community not on the map', async () => {
    const res = await t.call('user', RESIDENT, 'communityMap', { communityId: 'c-nowhere' })
    expect(res).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', fields: { communityId: expect.stringContaining('社区不存在') } } })
  })
})

describe('user.locatePoint', () => {
  const locate = async (p: { lng: number; lat: number }) => (await t.call('user', RESIDENT, 'locatePoint', { location: p })).data

  it('names the grid a point falls in, with the same outcome a report there would be routed by', async () => {
    expect(await locate(DEMO_POINTS.insideClear.point)).toEqual({
      outcome: 'inside', gridId: 'g-lianhua1-1', gridName: '莲花一村社区第1网格', communityId: 'c-lianhua1', communityName: '莲花一村社区',
      neighbourGridNames: [], message: '该位置属于 莲花一村社区 · 第1网格',
    })
  })

  it('names the neighbour of a point near a border', async () => {
    const place = await locate(DEMO_POINTS.nearBorder10m.point)
    expect(place).toMatchObject({ outcome: 'near_border', gridId: 'g-tianmian-1', neighbourGridNames: ['新田社区第1网格'] })
    expect(place.message).toBe('该位置属于 田面社区 · 第1网格（网格边界附近，相邻：新田社区第1网格）')
  })

  it('says what happens to a point outside every grid: the nearest grid, a dispatcher queue, or nobody', async () => {
    expect((await locate(DEMO_POINTS.inGap.point)).message).toBe('该位置不在任何网格内，将派给最近的 新田社区 · 第2网格')
    expect(await locate(DEMO_POINTS.farInCommunity.point)).toMatchObject({ outcome: 'dispatcher_queue', gridId: null, communityName: '新田社区', message: '该位置不在任何网格内，将交给新田社区分拨中心派单' })
    expect((await locate(DEMO_POINTS.farInStreet.point)).message).toBe('该位置不在任何网格内，将交给华富街道分拨中心派单')
    expect(await locate(DEMO_POINTS.outside.point)).toMatchObject({
      outcome: 'outside_service_area', gridId: null, communityId: null,
      message: `该位置不在本街道服务范围内，请联系当地街道或拨打 ${DEMO_STREET.hotline} 热线`,
    })
  })

  it('refuses a point with swapped coordinates, naming the field', async () => {
    const res = await t.call('user', RESIDENT, 'locatePoint', { location: { lng: 22.54, lat: 114.05 } })
    expect(res).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: { 'location.lng': expect.stringContaining('填反') } } })
  })
})

describe('user.setHomeGrid', () => {
  it("saves a resident's choice, which the contact card then shows, and null clears it back to the location", async () => {
    const id = 'u_resident_3'
    const chosen = await t.call('user', id, 'setHomeGrid', { gridId: 'g-xintian-2' })
    expect(chosen).toMatchObject({ ok: true, data: { id, role: 'resident', roleName: '居民', homeGridId: 'g-xintian-2' } })
    expect((await t.call('user', id, 'myGrid', {})).data).toMatchObject({ found: true, card: { gridId: 'g-xintian-2', source: 'home' } })

    const cleared = await t.call('user', id, 'setHomeGrid', { gridId: null })
    expect(cleared.ok).toBe(true)
    expect(cleared.data.homeGridId).toBeUndefined()
    expect((await t.stack.deps.reference.getUser(id))!.homeGridId).toBeUndefined()
    expect((await t.call('user', id, 'myGrid', {})).data).toMatchObject({ found: false, reason: 'no_location' })
    const here = (await t.call('user', id, 'myGrid', DEMO_POINTS.onIsland.point)).data
    expect(here).toMatchObject({ found: true, card: { gridId: 'g-xintian-4', source: 'location' } })
  })

  it('refuses a grid that does not exist, naming gridId, and changes nothing', async () => {
    const id = 'u_volunteer_1'
    const before = (await t.stack.deps.reference.getUser(id))!.homeGridId
    const res = await t.call('user', id, 'setHomeGrid', { gridId: 'g-nowhere' })
    expect(res).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: { gridId: '所选网格不存在，请重新选择' } } })
    expect((await t.stack.deps.reference.getUser(id))!.homeGridId).toBe(before)
  })

  it('is for residents and volunteers: staff have their grid from the roster', async () => {
    const res = await t.call('user', 'u_worker_1', 'setHomeGrid', { gridId: 'g-xintian-2' })
    expect(res).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
  })
})

describe('the grid interior point a report picked from a list is placed at', () => {
  it("lies inside its own grid for every demo grid, holes and islands included, and routes 'inside'", async () => {
    for (const grid of await t.stack.deps.reference.listGrids()) {
      const p = pointOnSurface(grid.geometry)!
      expect({ grid: grid.id, covered: coversPoint(p, ringsOf(grid.geometry)) }).toEqual({ grid: grid.id, covered: true })
      const place = (await t.call('user', RESIDENT, 'locatePoint', { location: p })).data
      expect({ grid: grid.id, outcome: place.outcome, gridId: place.gridId }).toEqual({ grid: grid.id, outcome: 'inside', gridId: grid.id })
    }
  })
})
