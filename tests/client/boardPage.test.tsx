import Taro from '@tarojs/taro'
import { render, waitFor } from '@testing-library/react'
import type { BoardCase, GridBoard, MyGrid } from '../../shared/api'
import { BOARD_ROUND_M } from '../../shared/schemas/board'
import { saveSession } from '../../client/src/api/session'
import { setTransport } from '../../client/src/api/transport'
import GridBoardPage from '../../client/src/community/board'
import HomePage from '../../client/src/pages/home/index'
import { fakeTransport, ok } from './fakeTransport'
import { tap, text } from './pageDom'
import { NOW } from './taskFixtures'

// 办结公示: a grid's resolved cases, before and after side by side and labelled in words, how long
// each took and the stars in words, a note on what is left out, and an empty state that says so;
// the home page's grid card leads to it.

jest.mock('../../client/src/assets/avatar-placeholder.png', () => 'bundled-avatar.png')
const { __setRouterParams, __resetStorage } = require('@tarojs/taro') as { __setRouterParams: (p: Record<string, string>) => void; __resetStorage: () => void }
const taro = Taro as unknown as Record<string, jest.Mock>
const DAY = 86_400_000

const boardCase = (over: Partial<BoardCase> = {}): BoardCase => ({
  caseNumber: '2026112300007', category: 'garbage', categoryName: '垃圾堆放', reportedAt: Date.UTC(2026, 10, 21, 2), resolvedAt: Date.UTC(2026, 10, 23, 2),
  tookWords: '2天', before: 'cloud://photos/before-1.jpg', after: 'cloud://photos/after-1.jpg', location: { lng: 114.0575, lat: 22.5435 }, stars: 5, ...over,
})
const board = (over: Partial<GridBoard> = {}): GridBoard => ({
  gridId: 'g-lianhua1-1', gridName: '莲花一村社区第1网格', communityName: '莲花一村社区', items: [boardCase()], nextCursor: null, ...over,
})

beforeEach(() => {
  __resetStorage()
  taro.navigateTo.mockClear()
  __setRouterParams({ gridId: 'g-lianhua1-1' })
})

test('a resolved case: before and after labelled side by side, its category, when and how long, the stars in words', async () => {
  const fake = fakeTransport(() => ok(board()))
  setTransport(fake.transport)
  render(<GridBoardPage />)
  await waitFor(() => expect(document.querySelector('[data-case-number="2026112300007"]')).not.toBeNull())
  expect(fake.calls[0].body).toEqual({ action: 'gridBoard', payload: { gridId: 'g-lianhua1-1', limit: 20 } })
  expect(text('board-title')).toBe('莲花一村社区 · 第1网格 办结公示')
  const card = document.querySelector('[data-case-number="2026112300007"]')!
  const before = card.querySelector('[data-field=before]')!
  const after = card.querySelector('[data-field=after]')!
  expect(before.textContent).toBe('处理前')
  expect(after.textContent).toBe('处理后')
  // photos through the links the server gave, never another host
  expect(before.querySelector('img')!.getAttribute('src')).toBe('/api/_files/cloud://photos/before-1.jpg')
  expect(after.querySelector('img')!.getAttribute('src')).toBe('/api/_files/cloud://photos/after-1.jpg')
  expect(before.querySelector('img')!.getAttribute('alt')).toBe('处理前的照片')
  expect(card.querySelector('[data-field=category]')!.textContent).toBe('垃圾堆放')
  expect(card.querySelector('[data-field=when]')!.textContent).toBe('11月21日反映，用时2天')
  expect(card.querySelector('[data-field=stars]')!.textContent).toBe('居民评价 5星')
})

test('the page says the place is blurred and no person shown, at the server\'s own rounding', async () => {
  setTransport(fakeTransport(() => ok(board())).transport)
  render(<GridBoardPage />)
  await waitFor(() => expect(document.getElementById('board-privacy')).not.toBeNull())
  expect(text('board-privacy')).toBe(`位置已模糊到约${BOARD_ROUND_M}米，不显示个人信息`)
})

test('a case without a photo that passed says 暂无照片, and one not rated says so', async () => {
  setTransport(fakeTransport(() => ok(board({ items: [boardCase({ before: null, after: null, stars: null })] }))).transport)
  const { container } = render(<GridBoardPage />)
  await waitFor(() => expect(document.querySelector('[data-case-number]')).not.toBeNull())
  const card = document.querySelector('[data-case-number]')!
  expect(card.querySelector('[data-field=before]')!.textContent).toBe('处理前暂无照片')
  expect(card.querySelector('[data-field=after]')!.textContent).toBe('处理后暂无照片')
  expect(card.querySelector('[data-field=stars]')!.textContent).toBe('居民暂未评价')
  expect(container.querySelector('img')).toBeNull()
})

test('an empty board says so in words and loads no picture', async () => {
  setTransport(fakeTransport(() => ok(board({ items: [] }))).transport)
  const { container } = render(<GridBoardPage />)
  await waitFor(() => expect(document.getElementById('load-empty')).not.toBeNull())
  expect(text('load-empty')).toBe('本网格暂无已办结的公示案例')
  expect(container.querySelector('img')).toBeNull()
})

test('the board pages on with 加载更多', async () => {
  const fake = fakeTransport((_fn, body) => {
    const cursor = (body.payload as { cursor?: string }).cursor
    return ok(cursor ? board({ items: [boardCase({ caseNumber: '2026111000002', reportedAt: NOW - 20 * DAY })] }) : board({ nextCursor: 'c2' }))
  })
  setTransport(fake.transport)
  render(<GridBoardPage />)
  await waitFor(() => expect(document.getElementById('board-more')).not.toBeNull())
  await tap('board-more')
  await waitFor(() => expect(document.querySelectorAll('[data-case-number]')).toHaveLength(2))
  expect((fake.calls[1].body.payload as { cursor?: string }).cursor).toBe('c2')
  expect(document.getElementById('board-more')).toBeNull()
})

test('without a grid the page says where to come from and asks nothing', async () => {
  __setRouterParams({})
  const fake = fakeTransport(() => ok(board()))
  setTransport(fake.transport)
  render(<GridBoardPage />)
  expect(text('load-error')).toBe('没有指明网格：请从“我的网格”进入办结公示')
  expect(fake.calls).toEqual([])
})

test('the home page\'s grid card leads to the grid\'s board', async () => {
  saveSession('t-1', { id: 'u_resident_1', name: '王秀英', role: 'resident', roleName: '居民' })
  const grid: MyGrid = {
    found: true,
    card: { gridId: 'g-lianhua1-1', gridName: '莲花一村社区第1网格', communityId: 'c1', communityName: '莲花一村社区', streetName: '华富街道', leader: null, workers: [], hotline: '12345', source: 'home' },
  }
  setTransport(fakeTransport((_fn, body) => {
    if (body.action === 'myGrid') return ok(grid)
    if (body.action === 'listMessages') return ok({ items: [], nextCursor: null, unread: 0 })
    return { ok: false, error: { code: 'NOT_FOUND', message: '记录不存在或已删除' } }
  }).transport)
  render(<HomePage />)
  await waitFor(() => expect(text('home-go-board')).toBe('看看身边问题的处理结果'))
  await tap('home-go-board')
  expect(taro.navigateTo).toHaveBeenCalledWith({ url: '/community/board?gridId=g-lianhua1-1' })
})
