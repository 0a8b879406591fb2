import './nutui'
import Taro from '@tarojs/taro'
import { act, fireEvent, render, waitFor } from '@testing-library/react'
import type { NearbyReport } from '../../shared/api'
import { DEFAULT_CATALOGUE } from '../../shared/catalogue'
import { setTransport } from '../../client/src/api/transport'
import { saveUser } from '../../client/src/api/session'
import ReportForm from '../../client/src/pages/report/ReportForm'
import { distanceWords } from '../../client/src/pages/report/useNearbyReports'
import { fakeTransport, ok } from './fakeTransport'
import { demoMapAnswer } from './map/fixtures'
import { el, tap, text } from './pageDom'
import { reportDetail } from './reportFixtures'

// "Me too" on the report page: the same category's open reports near the chosen point, shown
// once both are known; following one instead of reporting again.

const taro = Taro as unknown as Record<string, jest.Mock>
const { __resetStorage } = require('@tarojs/taro') as { __resetStorage: () => void }
const DRAFT_KEY = 'gl.report.draft.u_resident_1'
const HERE = { lng: 114.057, lat: 22.543, accuracyM: 15 }

const nearby = (over: Partial<NearbyReport> = {}): NearbyReport => ({
  reportId: 'rep-near-1', caseNumber: '2026112300003', category: 'garbage', categoryName: '垃圾堆放', thumbnail: 'file-near', createdAt: 0,
  ago: '3天前', distanceM: 58, followerCount: 2, statusWords: '处理中', joined: false, ...over,
})

beforeEach(() => {
  __resetStorage()
  saveUser({ id: 'u_resident_1', name: '张明', role: 'resident', roleName: '居民' })
  taro.getLocation.mockReset()
  taro.getLocation.mockResolvedValue({ longitude: HERE.lng, latitude: HERE.lat, accuracy: HERE.accuracyM })
  taro.chooseMedia.mockResolvedValue({ tempFiles: [{ tempFilePath: 'blob:photo-1' }] })
  taro.redirectTo.mockClear()
  taro.showToast.mockClear()
})

type Answers = Record<string, (payload: any) => any>
async function renderForm(answers: Answers, waitForPlace = true) {
  const fake = fakeTransport((_fn, body) => {
    const map = demoMapAnswer(body.action, body.payload)
    if (map) return map
    const answer = answers[body.action]
    return answer ? answer(body.payload) : { ok: false, error: { code: 'NOT_FOUND', message: '没有这个操作' } }
  })
  setTransport(fake.transport)
  render(<ReportForm catalogue={DEFAULT_CATALOGUE} onSubmitted={jest.fn()} />)
  if (waitForPlace) await waitFor(() => expect(text('location-place')).toBe('该位置属于 莲花一村社区 · 第2网格'))
  const sent = (action: string) => fake.calls.filter((c) => c.body.action === action).map((c) => c.body.payload as any)
  return { ...fake, sent }
}
const pickGarbage = async () => { await act(async () => { fireEvent.click(el('category-garbage')) }) }

test('no category: no section and no call; once one is picked the nearby reports of it are asked for at the point and shown', async () => {
  const { sent } = await renderForm({ nearbyReports: () => ok([nearby(), nearby({ reportId: 'rep-near-2', thumbnail: null, distanceM: 3, followerCount: 0, statusWords: '已受理' })]) })
  expect(sent('nearbyReports')).toHaveLength(0)
  expect(document.getElementById('report-nearby')).toBeNull()
  await pickGarbage()
  await waitFor(() => expect(document.getElementById('report-nearby')).not.toBeNull())
  expect(sent('nearbyReports')).toEqual([{ category: 'garbage', location: HERE }])
  expect(text('report-nearby')).toContain('附近已有人反映了同类问题')
  const first = el('nearby-rep-near-1')
  expect(first.querySelector('[data-field=category]')!.textContent).toBe('垃圾堆放')
  expect(first.querySelector('[data-field=facts]')!.textContent).toBe('3天前 · 约60米 · 2人关注 · 处理中')
  expect(first.querySelector('img')!.getAttribute('src')).toBe('/api/_files/file-near')
  expect(el('nearby-rep-near-2').querySelector('img')).toBeNull()
  expect(el('nearby-rep-near-2').querySelector('[data-field=facts]')!.textContent).toBe('3天前 · 10米以内 · 0人关注 · 已受理')
  expect(text('nearby-join-rep-near-1')).toBe('我也遇到，关注它')
  // the section sits above the submit button
  const order = Array.from(document.querySelectorAll('#report-nearby, #report-submit')).map((n) => n.id)
  expect(order).toEqual(['report-nearby', 'report-submit'])
})

test('another category asks again, for that category', async () => {
  const { sent } = await renderForm({ nearbyReports: (p) => ok(p.category === 'garbage' ? [nearby()] : []) })
  await pickGarbage()
  await waitFor(() => expect(document.getElementById('report-nearby')).not.toBeNull())
  await act(async () => { fireEvent.click(el('category-aged_wiring')) })
  await waitFor(() => expect(document.getElementById('report-nearby')).toBeNull())
  expect(sent('nearbyReports').map((p) => p.category)).toEqual(['garbage', 'aged_wiring'])
})

test('joining sends the report and the point, clears the draft and opens the case with a toast', async () => {
  const { sent } = await renderForm({ nearbyReports: () => ok([nearby()]), joinReport: () => ok(reportDetail({ reportId: 'rep-near-1', relation: 'follower' })) })
  await pickGarbage()
  fireEvent.change(document.querySelector('#report-description textarea')!, { target: { value: '东门垃圾没人清运' } })
  // the draft is written a moment after typing
  await act(async () => { await new Promise((r) => setTimeout(r, 600)) })
  expect(Taro.getStorageSync(DRAFT_KEY)).not.toBe('')
  await waitFor(() => el('nearby-join-rep-near-1'))
  await tap('nearby-join-rep-near-1')
  expect(sent('joinReport')).toEqual([{ reportId: 'rep-near-1', location: HERE }])
  expect(taro.redirectTo).toHaveBeenCalledWith({ url: '/case/detail?id=rep-near-1' })
  expect(taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '已关注，处理结果会通知您' }))
  expect(Taro.getStorageSync(DRAFT_KEY)).toBe('')
  expect(sent('submitReport')).toHaveLength(0)
})

test('a report already followed says 已关注 and cannot be joined again', async () => {
  const { sent } = await renderForm({ nearbyReports: () => ok([nearby({ joined: true })]), joinReport: () => ok(reportDetail()) })
  await pickGarbage()
  await waitFor(() => el('nearby-join-rep-near-1'))
  expect(text('nearby-join-rep-near-1')).toBe('已关注')
  expect(el('nearby-join-rep-near-1').getAttribute('aria-disabled')).toBe('true')
  await tap('nearby-join-rep-near-1')
  expect(sent('joinReport')).toHaveLength(0)
  expect(taro.redirectTo).not.toHaveBeenCalled()
})

test('a refused join shows the message in place and keeps the form; the person can still submit their own', async () => {
  const refusal = '您不在该问题附近100米内，不能关注'
  const { sent } = await renderForm({
    nearbyReports: () => ok([nearby()]),
    joinReport: () => ({ ok: false, error: { code: 'CONFLICT', message: refusal } }),
  })
  await pickGarbage()
  await waitFor(() => el('nearby-join-rep-near-1'))
  await tap('nearby-join-rep-near-1')
  expect(text('nearby-error-rep-near-1')).toBe(refusal)
  expect(taro.redirectTo).not.toHaveBeenCalled()
  expect(el('category-garbage').className).toContain('chip-on')
  expect(document.getElementById('report-submit')).not.toBeNull()
  expect(sent('joinReport')).toHaveLength(1)
})

test('no location (denied): no section and no call, whatever the category', async () => {
  taro.getLocation.mockReset()
  taro.getLocation.mockRejectedValue({ errMsg: 'getLocation:fail auth deny' })
  const { sent } = await renderForm({ nearbyReports: () => ok([nearby()]) }, false)
  await pickGarbage()
  await act(async () => { await new Promise((r) => setTimeout(r, 50)) })
  expect(sent('nearbyReports')).toHaveLength(0)
  expect(document.getElementById('report-nearby')).toBeNull()
})

test('a failed nearby call is no section, and the report still goes through', async () => {
  const routed = { reportId: 'rep-1', caseNumber: '2026112300007', expectedBy: null, gridId: 'g1', gridName: '第2网格', status: 'assigned',
    routing: { outcome: 'inside', gridId: 'g1', gridVersion: 1, mapGeneration: 1, neighbourGridIds: [], distanceM: 0, communityId: 'c1', streetId: 's1' } }
  const fake = await renderForm({ nearbyReports: () => { throw new Error('request:fail timeout') }, submitReport: () => ok(routed) })
  await act(async () => { fireEvent.click(el('report-add-photo')) })
  await act(async () => { fake.uploads[0].resolve('file-1') })
  await pickGarbage()
  fireEvent.change(document.querySelector('#report-description textarea')!, { target: { value: '东门垃圾没人清运' } })
  await waitFor(() => expect(fake.sent('nearbyReports')).toHaveLength(1))
  expect(document.getElementById('report-nearby')).toBeNull()
  await tap('report-submit')
  expect(fake.sent('submitReport')).toHaveLength(1)
  expect(document.getElementById('report-form-error')).toBeNull()
})

test('distances are said rounded to ten metres', () => {
  expect(distanceWords(4)).toBe('10米以内')
  expect(distanceWords(58)).toBe('约60米')
  expect(distanceWords(99.9)).toBe('约100米')
})
