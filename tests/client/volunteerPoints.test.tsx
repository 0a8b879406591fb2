import Taro from '@tarojs/taro'
import { render, waitFor } from '@testing-library/react'
import type { MyGrid, MyPoints, PointsEntryView } from '../../shared/api'
import { saveUser } from '../../client/src/api/session'
import { setTransport } from '../../client/src/api/transport'
import MyReportsPage from '../../client/src/pages/mine/index'
import MyPointsPage from '../../client/src/volunteer/points'
import { fakeTransport, ok } from './fakeTransport'
import { tap, text } from './pageDom'
import { NOW } from './taskFixtures'

// 我的积分: a volunteer sees the numbers and the rule in words, case by case where each point came
// from, and a capped case says it earned nothing rather than showing 0; 我的 shows a volunteer's
// entries to volunteers only.

const { __resetStorage } = require('@tarojs/taro') as { __resetStorage: () => void }
const taro = Taro as unknown as Record<string, jest.Mock>

const entry = (over: Partial<PointsEntryView> = {}): PointsEntryView => ({
  reportId: 'rep-1', caseNumber: '2026112300007', categoryName: '垃圾堆放', points: 10, capped: false, at: NOW, ...over,
})
const points = (over: Partial<MyPoints> = {}): MyPoints => ({
  total: 120, today: 20, dailyCap: 50, perReport: 10, rank: 3, communityName: '莲花一村社区',
  history: { items: [entry(), entry({ reportId: 'rep-2', caseNumber: '2026112300011', categoryName: '占道经营', points: 0, capped: true })], nextCursor: null },
  ...over,
})

beforeEach(() => {
  __resetStorage()
  taro.navigateTo.mockClear()
})

test('the total, today against the cap, the rank and the rule, all in words', async () => {
  setTransport(fakeTransport(() => ok(points())).transport)
  render(<MyPointsPage />)
  await waitFor(() => expect(document.getElementById('points-total')).not.toBeNull())
  expect(text('points-total')).toBe('总积分 120 分')
  expect(text('points-today')).toBe('今日已得 20 / 50 分')
  expect(text('points-rank')).toBe('在莲花一村社区排第3名')
  expect(text('points-rule')).toBe('每条被受理并办结的反映得10分，每天最多50分；撤回、不予受理或重复的反映不计分')
  expect(document.getElementById('points-cap-reached')).toBeNull()
})

test('each case of the history: its number, category and points; a capped one says it earned nothing', async () => {
  setTransport(fakeTransport(() => ok(points())).transport)
  render(<MyPointsPage />)
  await waitFor(() => expect(document.querySelector('[data-report-id=rep-2]')).not.toBeNull())
  const counted = document.querySelector('[data-report-id=rep-1]')!
  expect(counted.querySelector('[data-field=case]')!.textContent).toBe('工单编号 2026112300007')
  expect(counted.textContent).toContain('垃圾堆放')
  expect(counted.querySelector('[data-field=points]')!.textContent).toBe('+10分')
  const capped = document.querySelector('[data-report-id=rep-2]')!
  expect(capped.querySelector('[data-field=points]')!.textContent).toBe('已达当日上限，未计分')
  expect(capped.textContent).not.toContain('+0')
  expect(capped.querySelector('[data-field=at]')!.textContent).toMatch(/^11月23日 \d\d:\d\d$/)
})

test('a day at the cap says so; without points there is no rank and the history says why it is empty', async () => {
  setTransport(fakeTransport(() => ok(points({ total: 0, today: 50, rank: null, history: { items: [], nextCursor: null } }))).transport)
  render(<MyPointsPage />)
  await waitFor(() => expect(document.getElementById('load-empty')).not.toBeNull())
  expect(text('points-today')).toBe('今日已得 50 / 50 分')
  expect(text('points-cap-reached')).toBe('今天的积分已达上限，明天再来')
  expect(text('points-rank')).toBe('还没有积分，暂未上榜')
  expect(text('load-empty')).toBe('还没有积分记录：反映的问题办结后，积分会记在这里')
})

test('the history pages on with 加载更多, and the leaderboard is one tap away', async () => {
  const fake = fakeTransport((_fn, body) => {
    const cursor = (body.payload as { cursor?: string }).cursor
    return ok(cursor
      ? points({ history: { items: [entry({ reportId: 'rep-9', caseNumber: '2026112000001' })], nextCursor: null } })
      : points({ history: { items: [entry()], nextCursor: 'c2' } }))
  })
  setTransport(fake.transport)
  render(<MyPointsPage />)
  await waitFor(() => expect(document.getElementById('points-more')).not.toBeNull())
  await tap('points-more')
  await waitFor(() => expect(document.querySelector('[data-report-id=rep-9]')).not.toBeNull())
  expect(document.querySelector('[data-report-id=rep-1]')).not.toBeNull()
  expect(fake.calls.map((c) => [c.body.action, (c.body.payload as { cursor?: string }).cursor])).toEqual([['myPoints', undefined], ['myPoints', 'c2']])
  expect(document.getElementById('points-more')).toBeNull()
  await tap('points-go-leaderboard')
  expect(taro.navigateTo).toHaveBeenCalledWith({ url: '/community/leaderboard' })
})

// 我的: the answers the page's calls get
const homeGrid: MyGrid = {
  found: true,
  card: { gridId: 'g-lianhua1-1', gridName: '莲花一村社区第1网格', communityId: 'c1', communityName: '莲花一村社区', streetName: '华富街道', leader: null, workers: [], hotline: '12345', source: 'home' },
}
function mineTransport(grid: MyGrid) {
  return fakeTransport((_fn, body) => {
    if (body.action === 'myPoints') return ok(points())
    if (body.action === 'myGrid') return ok(grid)
    return ok({ items: [], nextCursor: null })
  })
}

test('我的 shows a volunteer their points with the total, the patrol log, the leaderboard and their grid\'s board', async () => {
  saveUser({ id: 'u_volunteer_1', name: '周志强', role: 'volunteer', roleName: '志愿者' })
  const fake = mineTransport(homeGrid)
  setTransport(fake.transport)
  render(<MyReportsPage />)
  await waitFor(() => expect(text('mine-go-points')).toBe('我的积分（120分）'))
  expect(text('mine-go-patrol')).toBe('巡查打卡')
  expect(text('mine-go-leaderboard')).toBe('社区排行榜')
  await waitFor(() => expect(text('mine-go-board')).toBe('本网格办结公示'))
  // the total costs one entry of the history
  expect(fake.calls.find((c) => c.body.action === 'myPoints')!.body.payload).toEqual({ limit: 1 })
  await tap('mine-go-points')
  await tap('mine-go-patrol')
  await tap('mine-go-board')
  expect(taro.navigateTo.mock.calls.map((c) => c[0].url)).toEqual(['/volunteer/points', '/volunteer/patrol', '/community/board?gridId=g-lianhua1-1'])
})

test('我的 shows a resident no volunteer entries and asks for no points; the board only with a home grid', async () => {
  saveUser({ id: 'u_resident_1', name: '王秀英', role: 'resident', roleName: '居民' })
  const fake = mineTransport(homeGrid)
  setTransport(fake.transport)
  const { unmount } = render(<MyReportsPage />)
  await waitFor(() => expect(text('mine-go-board')).toBe('本网格办结公示'))
  for (const id of ['mine-go-points', 'mine-go-patrol', 'mine-go-leaderboard']) expect(document.getElementById(id)).toBeNull()
  expect(fake.calls.some((c) => c.body.action === 'myPoints')).toBe(false)
  unmount()

  const noGrid = mineTransport({ found: false, reason: 'no_location', areaName: null, hotline: '12345' })
  setTransport(noGrid.transport)
  render(<MyReportsPage />)
  await waitFor(() => expect(noGrid.calls.some((c) => c.body.action === 'myGrid')).toBe(true))
  await waitFor(() => expect(document.getElementById('load-empty')).not.toBeNull())
  expect(document.getElementById('mine-go-board')).toBeNull()
})
