/** @jest-environment jsdom */
// miniprogram-simulate needs a DOM; the weapp project's default environment is node.
import type { CommunityMap, ContactCard, StaffContact } from '../../shared/api'
import { DEMO_COMMUNITIES, DEMO_GRIDS, DEMO_STREET } from '../../cloudfunctions/local/seed/demoArea'
import { fakeFunctions, renderPage, textOf, until } from './simulate'

// The production home page on weapp: the contact card, the grid on WeChat's <Map> as polygons
// (GCJ-02, as stored), and the call button asking WeChat to dial the leader's work phone.
type WxOptions = { phoneNumber?: string; success?: (r: unknown) => void }
const wx = () => (globalThis as unknown as { wx: Record<string, unknown> }).wx

const person = (over: Partial<StaffContact>): StaffContact => ({
  name: '李军', phone: '13920007919', role: 'grid_leader', roleName: '网格长', duties: '统筹网格事务', officeHours: '工作日 9:00–17:30', onLeave: null, ...over,
})
const CARD: ContactCard = {
  gridId: 'g-lianhua1-1', gridName: '莲花一村社区第1网格', communityId: 'c-lianhua1', communityName: '莲花一村社区', streetName: '华富街道',
  leader: person({}), workers: [person({ name: '王建国', phone: '13920000000', role: 'grid_worker', roleName: '网格员', duties: '巡查走访', onLeave: { until: Date.UTC(2030, 2, 7, 16), substitute: { name: '张三', phone: '13900000001' } } })],
  hotline: DEMO_STREET.hotline, source: 'home',
}
const community = DEMO_COMMUNITIES.find((c) => c.id === 'c-lianhua1')!
const MAP: CommunityMap = {
  community: { id: community.id, name: community.name, streetName: DEMO_STREET.name, hotline: DEMO_STREET.hotline, geometry: community.geometry! },
  grids: DEMO_GRIDS.filter((g) => g.communityId === community.id).map((g) => ({ id: g.id, name: g.name, geometry: g.geometry, leaderName: null })),
  bbox: [114.05588, 22.53992, 114.05931, 22.54889],
}
const dialled: string[] = []

beforeAll(() => {
  require('miniprogram-simulate') // installs the global `wx` that the shim below amends
  const answers: Record<string, unknown> = {
    myGrid: { found: true, card: CARD },
    communityMap: MAP,
    me: { id: 'u_resident_1', name: '徐静', role: 'resident', roleName: '居民', gridIds: [], homeGridId: CARD.gridId },
    listMessages: { items: [], nextCursor: null, unread: 0 },
    subscribeTemplates: { submit: [], accept: [], resolve: [], declare: [] },
  }
  fakeFunctions((_fn, call) => {
    const data = answers[call.action ?? '']
    return data ? { ok: true, data } : { ok: false, error: { code: 'NOT_FOUND', message: '记录不存在或已删除' } }
  })
  // must exist before the app launches: Taro wraps the wx APIs it finds at that moment
  wx().makePhoneCall = (o: WxOptions) => {
    dialled.push(o.phoneNumber ?? '')
    setTimeout(() => o.success?.({ errMsg: 'makePhoneCall:ok' }), 0)
  }
  // storage that keeps what is put in it, holding a session: the local-host build needs one,
  // the CloudBase build is its WeChat account
  const storage = new Map<string, unknown>([['gl.token', 'test-token'], ['gl.user', { id: 'u_resident_1', name: '徐静', role: 'resident', roleName: '居民' }]])
  wx().getStorageSync = (key: string) => (storage.has(key) ? storage.get(key) : '')
  wx().setStorageSync = (key: string, value: unknown) => { storage.set(key, value) }
  wx().removeStorageSync = (key: string) => { storage.delete(key) }
})

test('the home page shows the grid card, draws the grid on the map, and a tap on the call button dials the leader', async () => {
  const { page } = renderPage('pages/home/index')
  await until(() => textOf(page).includes('莲花一村社区 · 第1网格'))
  const text = textOf(page)
  expect(text).toContain('网格长')
  expect(text).toContain('李军')
  expect(text).toContain('办公时间：工作日 9:00–17:30')
  expect(text).toContain('张三（139 0000 0001）代班')

  const call = page.querySelector('#home-call-leader')
  expect(call.dom.textContent).toBe('拨打 139 2000 7919')
  call.dispatchEvent('tap')
  await until(() => dialled.length > 0)
  expect(dialled).toEqual(['13920007919'])

  // the drawing arrives after the card: WeChat's map with one polygon per grid part (and the outline)
  await until(() => page.querySelector('#home-map-legend') !== undefined)
  expect(page.querySelector('#home-map-legend').dom.textContent).toBe('蓝色区域是您的网格：第1网格')
  expect(page.querySelector('#home-map-map')).toBeDefined()
})
