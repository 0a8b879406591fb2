import { render, waitFor } from '@testing-library/react'
import type { Leaderboard } from '../../shared/api'
import { setTransport } from '../../client/src/api/transport'
import LeaderboardPage from '../../client/src/community/leaderboard'
import { fakeTransport, ok } from './fakeTransport'
import { text } from './pageDom'

// 社区排行榜: places, masked names and points in words; the caller's own row says 「我」 (not a
// colour alone); a caller below the rows shown is told where they stand.

const { __setRouterParams } = require('@tarojs/taro') as { __setRouterParams: (p: Record<string, string>) => void }

const leaderboard = (over: Partial<Leaderboard> = {}): Leaderboard => ({
  communityId: 'c-lianhua1', communityName: '莲花一村社区',
  rows: [
    { rank: 1, name: '张*明', points: 120, isMe: false },
    { rank: 2, name: '周*强', points: 90, isMe: true },
    { rank: 3, name: '李*', points: 40, isMe: false },
  ],
  me: { rank: 2, points: 90 },
  ...over,
})
const rows = () => Array.from(document.querySelectorAll('[data-rank]')).map((r) => r.textContent)

beforeEach(() => __setRouterParams({}))

test('each row: the place, the masked name, the points; the caller\'s own says 我; the community in the title', async () => {
  const fake = fakeTransport(() => ok(leaderboard()))
  setTransport(fake.transport)
  render(<LeaderboardPage />)
  await waitFor(() => expect(document.getElementById('leaderboard-rows')).not.toBeNull())
  expect(fake.calls[0].body).toEqual({ action: 'leaderboard', payload: {} })
  expect(text('leaderboard-title')).toBe('莲花一村社区志愿者积分榜')
  expect(rows()).toEqual(['第1名 张*明120分', '第2名 周*强（我）90分', '第3名 李*40分'])
  expect(document.querySelector('[data-me=true]')!.getAttribute('data-rank')).toBe('2')
  // shown in the row already: no second line
  expect(document.getElementById('leaderboard-me')).toBeNull()
})

test('another community by its id; a caller outside the rows shown is told their own place', async () => {
  __setRouterParams({ communityId: 'c-taoyuan' })
  const fake = fakeTransport(() => ok(leaderboard({
    communityId: 'c-taoyuan', communityName: '桃源社区',
    rows: [{ rank: 1, name: '张*明', points: 120, isMe: false }],
    me: { rank: 14, points: 10 },
  })))
  setTransport(fake.transport)
  render(<LeaderboardPage />)
  await waitFor(() => expect(document.getElementById('leaderboard-me')).not.toBeNull())
  expect(fake.calls[0].body.payload).toEqual({ communityId: 'c-taoyuan' })
  expect(text('leaderboard-title')).toBe('桃源社区志愿者积分榜')
  expect(text('leaderboard-me')).toBe('我：第14名 10分')
  expect(rows().some((r) => r!.includes('我'))).toBe(false)
})

test('no points yet: the rows say the board is empty and the caller hears how to get on it', async () => {
  setTransport(fakeTransport(() => ok(leaderboard({ rows: [], me: { rank: null, points: 0 } }))).transport)
  render(<LeaderboardPage />)
  await waitFor(() => expect(document.getElementById('load-empty')).not.toBeNull())
  expect(text('load-empty')).toBe('本社区还没有志愿者得分')
  expect(text('leaderboard-me')).toBe('我：还没有积分，反映的问题办结后就会上榜')
})

test('a failure says why and offers a retry', async () => {
  setTransport(fakeTransport(() => ({ ok: false, error: { code: 'NOT_FOUND', message: '没有找到该社区' } })).transport)
  render(<LeaderboardPage />)
  await waitFor(() => expect(document.getElementById('load-error')).not.toBeNull())
  expect(document.getElementById('load-error')!.textContent).toBe('没有找到该社区重新加载')
})
