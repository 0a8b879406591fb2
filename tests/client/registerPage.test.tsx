import './nutui'
import { act, fireEvent, render, waitFor } from '@testing-library/react'
import type { Me, RegisterPage, ResidentView } from '../../shared/api'
import { setTransport } from '../../client/src/api/transport'
import RegisterPageView from '../../client/src/worker/register/index'
import { coverageWords } from '../../client/src/worker/register/coverageWords'
import { groupByRoom } from '../../client/src/worker/register/groupByRoom'
import { fakeTransport, ok } from './fakeTransport'

const WORKER: Me = { id: 'u_worker_1', name: '王建国', role: 'grid_worker', roleName: '网格员', gridIds: ['g-1', 'g-2'], communityId: 'c-1', streetId: 's-1' }
const resident = (id: string, roomId: string, addressLabel: string, name: string, over: Partial<ResidentView> = {}): ResidentView => ({
  id, name, idKindName: '居民身份证', idNumberMasked: '3101**********123X', phoneMasked: '138****5678', relation: 'self', relationName: '本人', moveInDate: '2026-03-01',
  roomId, addressLabel, buildingId: 'b-3', standingName: '业主（房屋所有人）', verifiedAt: 1, movedOut: null, ...over,
})
const GRID_NAMES: Record<string, string> = { 'g-1': '莲花一村第1网格', 'g-2': '莲花一村第2网格' }
const page = (gridId: string, items: ResidentView[], over: Partial<RegisterPage> = {}): RegisterPage => ({
  items, nextCursor: null, gridId, gridName: GRID_NAMES[gridId],
  coverage: { knownRooms: 50, verifiedRooms: 31, residents: 84, rate: 0.62 },
  buildings: [{ id: 'b-3', name: '3栋' }, { id: 'b-5', name: '5栋' }], myGrids: Object.entries(GRID_NAMES).map(([id, name]) => ({ id, name })), ...over,
})
const HOUSE = [
  resident('r-1', 'room-301', '3栋2单元301', '张明'),
  resident('r-2', 'room-302', '3栋2单元302', '王芳'),
  resident('r-3', 'room-301', '3栋2单元301', '张小明', { relation: 'child', relationName: '子女', phoneMasked: null }),
]

const byId = (id: string) => document.getElementById(id)
const textOf = (id: string) => byId(id)?.textContent ?? null
const click = async (el: Element) => { await act(async () => { fireEvent.click(el) }) }

async function setup() {
  const fake = fakeTransport((_fn, body) => {
    if (body.action === 'me') return ok(WORKER)
    const p = body.payload as { gridId?: string; movedOut?: boolean }
    const gridId = p.gridId ?? 'g-1'
    if (p.movedOut) return ok(page(gridId, [resident('r-9', 'room-501', '5栋501', '赵强', { movedOut: { date: '2026-10-31', at: 2 } })]))
    return ok(page(gridId, gridId === 'g-1' ? HOUSE : [], gridId === 'g-2' ? { coverage: { knownRooms: 0, verifiedRooms: 0, residents: 0, rate: null }, buildings: [] } : {}))
  })
  setTransport(fake.transport)
  render(<RegisterPageView />)
  await waitFor(() => expect(byId('register-coverage')).not.toBeNull())
  const registerCalls = () => fake.calls.filter((c) => c.body.action === 'listRegister').map((c) => c.body.payload)
  return { ...fake, registerCalls }
}

test('the coverage is said in words and numbers at the top', async () => {
  const { registerCalls } = await setup()
  expect(registerCalls()).toEqual([{ limit: 20 }])
  expect(textOf('register-coverage-words')).toBe('申报率 62%（已核验 31 户 / 已知 50 户），实有人口 84 人')
  expect(textOf('register-coverage')).toContain('莲花一村第1网格 实有人口')
})

test('the residents come grouped by room, masked, with their state in words', async () => {
  await setup()
  const rooms = Array.from(document.querySelectorAll('[data-room-id]'))
  expect(rooms.map((r) => r.querySelector('.room-head')!.textContent)).toEqual(['3栋2单元301（2 人）', '3栋2单元302（1 人）'])
  const xiao = document.querySelector('[data-resident-id=r-3]')!.textContent!
  expect(xiao).toContain('张小明（子女）')
  expect(xiao).toContain('居民身份证 3101**********123X')
  expect(xiao).toContain('联系电话 未填写')
  expect(xiao).toContain('在住 · 2026-03-01 入住')
  expect(textOf('register-showing')).toBe('正在显示：莲花一村第1网格 · 全部楼栋 · 在住的住户，已加载 3 人')
})

test('a building and 已迁出 narrow the list and say so', async () => {
  const { registerCalls } = await setup()
  await click(byId('register-building-b-5')!)
  await click(byId('register-moved-out')!)
  await waitFor(() => expect(document.querySelector('[data-resident-id=r-9]')).not.toBeNull())
  expect(registerCalls().slice(-1)).toEqual([{ buildingId: 'b-5', movedOut: true, limit: 20 }])
  expect(document.querySelector('[data-resident-id=r-9]')!.textContent).toContain('已迁出（2026-03-01 入住，2026-10-31 迁出）')
  expect(textOf('register-showing')).toBe('正在显示：莲花一村第1网格 · 5栋 · 已迁出的住户，已加载 1 人')
})

test('a worker with two grids switches between them; a grid without imported rooms has no rate', async () => {
  const { registerCalls } = await setup()
  await waitFor(() => expect(byId('register-grid-g-2')).not.toBeNull())
  // the second grid's name is not known until its page arrives
  expect(byId('register-grid-g-1')!.textContent).toBe('莲花一村第1网格')
  expect(byId('register-grid-g-2')!.textContent).toBe('莲花一村第2网格')
  await click(byId('register-building-b-3')!)
  await click(byId('register-grid-g-2')!)
  await waitFor(() => expect(textOf('register-coverage')).toContain('莲花一村第2网格'))
  // a building belongs to one grid: switching grids drops it
  expect(registerCalls().slice(-1)).toEqual([{ gridId: 'g-2', limit: 20 }])
  expect(textOf('register-coverage-words')).toBe('申报率：暂无（本网格还没有导入房屋），已核验 0 户，实有人口 0 人')
  expect(byId('register-grid-g-2')!.textContent).toBe('莲花一村第2网格')
  expect(byId('page-register')!.textContent).toContain('这里还没有已核验的住户')
})

test('coverage rounds to whole percent and the room groups keep the server order', () => {
  expect(coverageWords({ knownRooms: 3, verifiedRooms: 2, residents: 5, rate: 2 / 3 })).toBe('申报率 67%（已核验 2 户 / 已知 3 户），实有人口 5 人')
  expect(groupByRoom(HOUSE).map((g) => [g.roomId, g.residents.map((r) => r.id)])).toEqual([['room-301', ['r-1', 'r-3']], ['room-302', ['r-2']]])
})

test('within a room 本人 comes first and the others follow by name, whatever order they arrived in', () => {
  const arrived = [
    resident('r-w', 'room-401', '4栋401', '王芳', { relation: 'spouse', relationName: '配偶' }),
    resident('r-l', 'room-401', '4栋401', '李四', { relation: 'child', relationName: '子女' }),
    resident('r-z', 'room-401', '4栋401', '赵六'),
    resident('r-a', 'room-402', '4栋402', '陈红', { relation: 'tenant', relationName: '租户' }),
  ]
  expect(groupByRoom(arrived).map((g) => g.residents.map((r) => r.name))).toEqual([['赵六', '李四', '王芳'], ['陈红']])
  // the page's own list is left as it came
  expect(arrived.map((r) => r.id)).toEqual(['r-w', 'r-l', 'r-z', 'r-a'])
})

test('the coverage note counts in 户, as the coverage line does', async () => {
  await setup()
  expect(textOf('register-coverage-note')).toBe('申报率 = 已核验的户数 ÷ 已知的户数（本网格已导入的每套房屋算一户）')
})
