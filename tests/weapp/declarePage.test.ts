/** @jest-environment jsdom */
// miniprogram-simulate needs a DOM; the weapp project's default environment is node.
import type { BuildingListItem, CommunityListItem, MyResidence } from '../../shared/api'
import { CONSENT } from '../../shared/declarations/consent'
import { fakeFunctions, renderPage, textOf, until } from './simulate'

// The production declare subpackage on weapp: the form renders with its four steps and the
// consent text, picks a room from the lists, and checks an empty form with the shared schema;
// the household page shows the states in words.

const wx = () => (globalThis as unknown as { wx: Record<string, unknown> }).wx
const COMMUNITIES: CommunityListItem[] = [{ id: 'c-lianhua1', name: '莲花一村社区', streetName: '华富街道', grids: [{ id: 'g-lianhua1-1', name: '第1网格' }] }]
const BUILDINGS: BuildingListItem[] = [
  { id: 'b-5', name: '5栋', address: '莲花路90号', gridId: 'g-lianhua1-1', units: [{ unit: '', rooms: [{ id: 'b-5.r1', number: '1' }, { id: 'b-5.r2', number: '2' }] }] },
]
const RESIDENCE: MyResidence = {
  households: [],
  declarations: [{
    id: 'dcl_1', kind: 'move_in', kindName: '居住登记', roomId: 'b-5.r1', addressLabel: '5栋1', communityName: '莲花一村社区', gridName: '莲花一村社区第1网格',
    standing: 'tenant', standingName: '租户', persons: [{ id: 'per-1', name: '徐静', idKindName: '居民身份证', idNumberMasked: '4403**********1237', phoneMasked: null, relation: 'self', relationName: '本人', moveInDate: '2024-03-01' }],
    status: 'more_info', statusName: '需补充信息', review: { decisionName: '请补充信息', reason: '请补充租赁合同上的入住日期', byName: '王建国', at: Date.UTC(2026, 11, 1) },
    dueAt: null, overdue: false, history: [], consentVersion: CONSENT.version, version: 2, createdAt: Date.UTC(2026, 10, 30), updatedAt: Date.UTC(2026, 11, 1), onBehalf: null,
  }],
  consentVersion: CONSENT.version,
}

beforeAll(() => {
  require('miniprogram-simulate') // installs the global `wx` that the shim below amends
  const answers: Record<string, unknown> = { listCommunities: COMMUNITIES, listBuildings: BUILDINGS, myResidence: RESIDENCE, subscribeTemplates: { submit: [], accept: [], resolve: [], declare: [] } }
  fakeFunctions((_fn, call) => {
    const data = answers[call.action ?? '']
    return data ? { ok: true, data } : { ok: false, error: { code: 'NOT_FOUND', message: '记录不存在或已删除' } }
  })
  const storage = new Map<string, unknown>([['gl.token', 'test-token'], ['gl.user', { id: 'u_resident_1', name: '徐静', role: 'resident', roleName: '居民' }]])
  wx().getStorageSync = (key: string) => (storage.has(key) ? storage.get(key) : '')
  wx().setStorageSync = (key: string, value: unknown) => { storage.set(key, value) }
  wx().removeStorageSync = (key: string) => { storage.delete(key) }
})

test('the production declaration form renders its steps and consent, picks a room, and checks an empty form', async () => {
  const { page } = renderPage('declare/index')
  await until(() => textOf(page).includes('莲花一村社区（华富街道）'))
  const text = textOf(page)
  expect(text).toContain('第1步 · 住址')
  expect(text).toContain('第4步 · 阅读并同意告知书')
  expect(text).toContain(CONSENT.title)
  expect(text).toContain(`版本：${CONSENT.version}`)
  expect(text).toContain('草稿仅保存在本机')
  expect(text).toContain('用当前位置查找附近楼栋')

  const message = (id: string) => page.querySelector(`#${id}`)?.dom.textContent
  page.querySelector('#declare-community-c-lianhua1').dispatchEvent('tap')
  await until(() => page.querySelector('#declare-building-0') !== undefined)
  page.querySelector('#declare-building-0').dispatchEvent('tap')
  // a building without units goes straight to its rooms
  await until(() => page.querySelector('#declare-room-2') !== undefined)
  page.querySelector('#declare-room-2').dispatchEvent('tap')
  await until(() => message('declare-address')?.includes('莲花一村社区 5栋2') === true)

  page.querySelector('#declare-agree').dispatchEvent('tap')
  await until(() => message('declare-agree')?.includes('已勾选') === true)
  page.querySelector('#declare-submit').dispatchEvent('tap')
  await until(() => page.querySelector('#field-error-standing') !== undefined)
  expect(message('field-error-standing')).toBe('请选择您与该房屋的关系')
  expect(message('field-error-persons-0-name')).toBe('请填写姓名')
  expect(message('field-error-persons-0-idNumber')).toBe('请填写证件号码')
  expect(message('field-error-roomId')).toBeUndefined()

  // choosing a standing answers its message and makes the first person 本人
  page.querySelector('#declare-standing-tenant').dispatchEvent('tap')
  await until(() => message('field-error-standing') === undefined)
  expect(message('declare-p0-rel-self')).toBe('✓ 本人')
})

test('the production household page shows each declaration\'s state in words and the worker\'s reason', async () => {
  const { page } = renderPage('declare/household')
  await until(() => textOf(page).includes('状态：需补充信息'))
  const text = textOf(page)
  expect(text).toContain('莲花一村社区 5栋1')
  expect(text).toContain('请补充租赁合同上的入住日期')
  expect(page.querySelector('#declaration-dcl_1-amend').dom.textContent).toBe('补充信息')
  expect(page.querySelector('#declaration-dcl_1-withdraw').dom.textContent).toBe('撤回')
})
