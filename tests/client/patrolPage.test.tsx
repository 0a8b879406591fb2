import Taro from '@tarojs/taro'
import { render, waitFor } from '@testing-library/react'
import type { Page, PatrolView } from '../../shared/api'
import { appError } from '../../shared/errors'
import { saveUser } from '../../client/src/api/session'
import { setTransport } from '../../client/src/api/transport'
import PatrolPage from '../../client/src/volunteer/patrol'
import { fakeTransport, ok } from './fakeTransport'
import { tap, text } from './pageDom'
import { NOW } from './taskFixtures'

// 巡查打卡: a walk starts at the volunteer's place with a requestId that survives a retry, the open
// patrol comes back after a reload (from the phone and from the server), a refused location sends
// nothing and says why, and past patrols list the reports made on them.

const { __resetStorage } = require('@tarojs/taro') as { __resetStorage: () => void }
const taro = Taro as unknown as Record<string, jest.Mock>
const MIN = 60_000
const HERE = { longitude: 114.057, latitude: 22.543, accuracy: 15 }

const patrol = (over: Partial<PatrolView> = {}): PatrolView => ({
  id: 'pat-1', gridId: 'g1', gridName: '莲花一村社区第1网格', startedAt: NOW - 25 * MIN, endedAt: null,
  checkIns: [{ lng: 114.057, lat: 22.543, at: NOW - 25 * MIN }], distanceM: 0, reports: [], version: 1, ...over,
})
const ended = patrol({
  id: 'pat-0', startedAt: NOW - 26 * 60 * MIN, endedAt: NOW - 25 * 60 * MIN + 5 * MIN, distanceM: 1234,
  checkIns: [{ lng: 1, lat: 1, at: 1 }, { lng: 1, lat: 1, at: 2 }, { lng: 1, lat: 1, at: 3 }],
  reports: [{ reportId: 'rep-7', caseNumber: '2026112200003', categoryName: '占道经营', statusWords: '已办结', createdAt: NOW - 25 * 60 * MIN }],
})
const page = (...items: PatrolView[]): Page<PatrolView> => ({ items, nextCursor: null })
const sent = (fake: ReturnType<typeof fakeTransport>, action: string) => fake.calls.filter((c) => c.body.action === action)

beforeEach(() => {
  __resetStorage()
  taro.getLocation.mockReset()
  taro.navigateTo.mockClear()
  saveUser({ id: 'u_volunteer_1', name: '周志强', role: 'volunteer', roleName: '志愿者' })
})

test('开始巡查 sends where the volunteer stands with a requestId; the open patrol shows its numbers', async () => {
  taro.getLocation.mockResolvedValue(HERE)
  const fake = fakeTransport((_fn, body) => ok(body.action === 'startPatrol' ? patrol({ startedAt: Date.now(), checkIns: [{ lng: 114.057, lat: 22.543, at: Date.now() }] }) : page()))
  setTransport(fake.transport)
  render(<PatrolPage />)
  await waitFor(() => expect(text('patrol-state')).toBe('现在没有在巡查'))
  await tap('patrol-start')
  await waitFor(() => expect(document.getElementById('patrol-open')).not.toBeNull())
  const [start] = sent(fake, 'startPatrol')
  expect(start.body.payload).toEqual({ location: { lng: 114.057, lat: 22.543, accuracyM: 15 } })
  expect(start.body.requestId).toMatch(/^r[0-9a-z]{12,}$/)
  expect(text('patrol-state')).toBe('正在巡查：莲花一村社区第1网格')
  const stats = document.getElementById('patrol-open')!
  expect(stats.querySelector('[data-field=check-ins]')!.textContent).toBe('1次已打卡')
  expect(stats.querySelector('[data-field=time]')!.textContent).toBe('不到1分钟已巡查')
  expect(stats.querySelector('[data-field=distance]')!.textContent).toBe('约0米打卡点之间')
})

test('a start whose answer was lost is retried with the same requestId, and a success forgets it', async () => {
  taro.getLocation.mockResolvedValue(HERE)
  let answer = 0
  const fake = fakeTransport((_fn, body) => {
    if (body.action !== 'startPatrol') return ok(page())
    answer += 1
    if (answer === 1) throw new Error('socket hang up')
    return ok(patrol())
  })
  setTransport(fake.transport)
  const { unmount } = render(<PatrolPage />)
  await waitFor(() => expect(document.getElementById('patrol-start')).not.toBeNull())
  await tap('patrol-start')
  await waitFor(() => expect(text('patrol-note')).toBe('网络不通，请再点“开始巡查”（不会重复记录）'))
  // even a reload in between keeps the unanswered id
  unmount()
  render(<PatrolPage />)
  await waitFor(() => expect(document.getElementById('patrol-start')).not.toBeNull())
  await tap('patrol-start')
  await waitFor(() => expect(document.getElementById('patrol-open')).not.toBeNull())
  const [first, retry] = sent(fake, 'startPatrol')
  expect(retry.body.requestId).toBe(first.body.requestId)
  expect(document.getElementById('patrol-note')).toBeNull()
  // a later, new patrol is a new request
  expect(Taro.getStorageSync('gl.patrol.start.u_volunteer_1')).toBe('')
})

test('a refused location sends nothing and says the patrol needs it', async () => {
  taro.getLocation.mockRejectedValue({ errMsg: 'getLocation:fail auth deny' })
  const fake = fakeTransport(() => ok(page()))
  setTransport(fake.transport)
  render(<PatrolPage />)
  await waitFor(() => expect(document.getElementById('patrol-start')).not.toBeNull())
  await tap('patrol-start')
  await waitFor(() => expect(document.getElementById('patrol-note')).not.toBeNull())
  expect(text('patrol-note')).toBe('没有取得您的位置，未能开始巡查。巡查打卡要记下您走到的地方，请在设置中允许“网格通”使用位置后再试。')
  expect(fake.calls.map((c) => c.body.action)).toEqual(['listPatrols'])
  expect(document.getElementById('patrol-open')).toBeNull()
})

test('the open patrol comes back after a reload: from the server\'s list, then kept on the phone', async () => {
  const fake = fakeTransport(() => ok(page(patrol({ checkIns: [{ lng: 1, lat: 1, at: 1 }, { lng: 1, lat: 1, at: 2 }], distanceM: 350 }), ended)))
  setTransport(fake.transport)
  const { unmount } = render(<PatrolPage />)
  await waitFor(() => expect(document.getElementById('patrol-open')).not.toBeNull())
  expect(document.getElementById('patrol-open')!.getAttribute('data-patrol-id')).toBe('pat-1')
  expect(document.querySelector('#patrol-open [data-field=check-ins]')!.textContent).toBe('2次已打卡')
  expect(document.querySelector('#patrol-open [data-field=distance]')!.textContent).toBe('约350米打卡点之间')
  unmount()

  // offline now: the phone's copy still knows the walk, and a check-in goes to the same patrol
  taro.getLocation.mockResolvedValue(HERE)
  const offline = fakeTransport((_fn, body) => {
    if (body.action === 'listPatrols') throw new Error('offline')
    return ok(patrol({ checkIns: [...patrol().checkIns, { lng: 114.057, lat: 22.543, at: NOW }], version: 2 }))
  })
  setTransport(offline.transport)
  render(<PatrolPage />)
  expect(document.getElementById('patrol-open')!.getAttribute('data-patrol-id')).toBe('pat-1')
  await waitFor(() => expect(document.getElementById('load-error')).not.toBeNull())
  await tap('patrol-check-in')
  await waitFor(() => expect(text('patrol-done')).toMatch(/^已打卡：/))
  expect(sent(offline, 'checkInPatrol')[0].body.payload).toEqual({ patrolId: 'pat-1', location: { lng: 114.057, lat: 22.543, accuracyM: 15 } })
})

test('a patrol the server no longer has open is forgotten on the phone', async () => {
  setTransport(fakeTransport(() => ok(page(patrol()))).transport)
  const { unmount } = render(<PatrolPage />)
  await waitFor(() => expect(document.getElementById('patrol-open')).not.toBeNull())
  unmount()
  // ended on another phone meanwhile
  setTransport(fakeTransport(() => ok(page({ ...patrol(), endedAt: NOW }))).transport)
  render(<PatrolPage />)
  await waitFor(() => expect(text('patrol-state')).toBe('现在没有在巡查'))
  expect(Taro.getStorageSync('gl.patrol.open.u_volunteer_1')).toBe('')
})

test('during a patrol: 随手拍 opens the report page; 结束巡查 sends the place and lists the walk with its reports', async () => {
  taro.getLocation.mockResolvedValue(HERE)
  let over = false
  const fake = fakeTransport((_fn, body) => {
    if (body.action === 'endPatrol') { over = true; return ok(ended) }
    return ok(over ? page(ended) : page(patrol()))
  })
  setTransport(fake.transport)
  render(<PatrolPage />)
  await waitFor(() => expect(document.getElementById('patrol-open')).not.toBeNull())
  await tap('patrol-go-report')
  expect(taro.navigateTo).toHaveBeenCalledWith({ url: '/pages/report/index' })
  expect(text('load-empty')).toBe('还没有巡查记录')
  await tap('patrol-end')
  await waitFor(() => expect(document.querySelector('[data-patrol-id=pat-0]')).not.toBeNull())
  expect(sent(fake, 'endPatrol')[0].body.payload).toEqual({ patrolId: 'pat-1', location: { lng: 114.057, lat: 22.543, accuracyM: 15 } })
  expect(text('patrol-state')).toBe('现在没有在巡查')
  expect(text('patrol-done')).toBe('巡查已结束，记录在下面')
  const card = document.querySelector('[data-patrol-id=pat-0]')!
  expect(card.querySelector('[data-field=check-ins]')!.textContent).toBe('3次已打卡')
  expect(card.querySelector('[data-field=time]')!.textContent).toBe('1小时5分钟用时')
  expect(card.querySelector('[data-field=distance]')!.textContent).toBe('约1.2公里打卡点之间')
  const report = card.querySelector('[data-report-id=rep-7]')!
  expect(report.textContent).toBe('占道经营 · 已办结工单编号 2026112200003')
})

test('a start refused because another patrol is open restores that one from the list', async () => {
  taro.getLocation.mockResolvedValue(HERE)
  let elsewhere = false
  const fake = fakeTransport((_fn, body) => {
    if (body.action === 'startPatrol') { elsewhere = true; return { ok: false, error: appError('CONFLICT', '您已有一次巡查在进行中') } }
    return ok(elsewhere ? page(patrol()) : page())
  })
  setTransport(fake.transport)
  render(<PatrolPage />)
  await waitFor(() => expect(document.getElementById('patrol-start')).not.toBeNull())
  await tap('patrol-start')
  await waitFor(() => expect(document.getElementById('patrol-open')).not.toBeNull())
  expect(text('patrol-note')).toBe('您已有一次巡查在进行中')
})
