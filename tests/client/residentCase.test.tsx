import './nutui'
import Taro from '@tarojs/taro'
import { act, render, waitFor } from '@testing-library/react'
import type { SubmitReportResult } from '../../shared/api'
import { LEVEL_INFO, LEVELS } from '../../shared/levels'
import { STATUS_NAMES, TASK_STATUSES } from '../../shared/workflow/status'
import { residentStatus } from '../../shared/workflow/residentStatus'
import { setTransport } from '../../client/src/api/transport'
import MyReportsPage from '../../client/src/pages/mine/index'
import ReportDetailPage from '../../client/src/case/detail'
import RoutedPanel from '../../client/src/pages/report/RoutedPanel'
import { fakeTransport, ok } from './fakeTransport'
import { text } from './pageDom'
import { reportDetail as detail, reportSummary as summary, routing } from './reportFixtures'

// The resident's side of a case: the number to quote on the phone, when to expect an answer
// and who has it now, in plain words.

const { __setRouterParams } = require('@tarojs/taro') as { __setRouterParams: (params: Record<string, string>) => void }
const taro = Taro as unknown as Record<string, jest.Mock>

// the staff's words no resident page may show: their states (other than those a resident
// also says, 处理中 and 不予受理 and 已撤回) and every level, in words or colour names
// (已结案 too: the server's stage for a closed case, a word residents use as well)
const RESIDENT_WORDS = new Set([...TASK_STATUSES.map(residentStatus), '已结案'])
const STAFF_WORDS = [
  ...Object.values(STATUS_NAMES).filter((w) => !RESIDENT_WORDS.has(w)),
  ...LEVELS.flatMap((l) => [LEVEL_INFO[l].name, LEVEL_INFO[l].colourName]),
]
const staffWordsIn = (page: string) => STAFF_WORDS.filter((w) => page.includes(w))

test('the success view gives the case number and when to expect an answer', () => {
  const result: SubmitReportResult = { reportId: 'rep-1', caseNumber: '2026112300007', expectedBy: '预计11月24日12:00前处理', gridId: 'g1', gridName: '幸福里第一网格', routing, status: 'assigned' }
  render(<RoutedPanel result={result} onAnother={jest.fn()} />)
  expect(text('report-case-number')).toBe('工单编号：2026112300007')
  expect(text('report-expected-by')).toBe('预计11月24日12:00前处理')
})

test('without an expected time the success view leaves that line out', () => {
  const result: SubmitReportResult = { reportId: 'rep-1', caseNumber: '2026112300008', expectedBy: null, gridId: null, gridName: null, routing: { ...routing, outcome: 'dispatcher_queue', gridId: null }, status: 'submitted' }
  render(<RoutedPanel result={result} onAnother={jest.fn()} />)
  expect(text('report-case-number')).toBe('工单编号：2026112300008')
  expect(document.getElementById('report-expected-by')).toBeNull()
})

test('my reports list each case by its number and where it stands', async () => {
  setTransport(fakeTransport(() => ok({ items: [summary(), summary({ reportId: 'rep-2', caseNumber: '2026112300011', stage: '网格员处理中', status: 'accepted' })], nextCursor: null })).transport)
  render(<MyReportsPage />)
  await waitFor(() => expect(document.querySelector('[data-report-id=rep-2]')).not.toBeNull())
  const first = document.querySelector('[data-report-id=rep-1]')!
  expect(first.querySelector('[data-field=case]')!.textContent).toBe('工单编号 2026112300007')
  expect(first.querySelector('[data-field=stage]')!.textContent).toBe('已上报社区处理')
  expect(document.querySelector('[data-report-id=rep-2] [data-field=stage]')!.textContent).toBe('网格员处理中')
})

test('the detail page says the case number, who has it and by when', async () => {
  setTransport(fakeTransport(() => ok(detail())).transport)
  __setRouterParams({ id: 'rep-1' })
  render(<ReportDetailPage />)
  await waitFor(() => expect(document.getElementById('detail-stage')).not.toBeNull())
  expect(text('detail-stage')).toBe('已上报社区处理，预计11月25日17:00前处理')
  expect(text('detail-case-number')).toBe('工单编号：2026112300007（咨询时请报此编号）')
})

test('once resolved the detail page gives the stage alone', async () => {
  setTransport(fakeTransport(() => ok(detail({ status: 'resolved', expectedBy: null, stage: '已办结，请您评价' }))).transport)
  __setRouterParams({ id: 'rep-1' })
  render(<ReportDetailPage />)
  await waitFor(() => expect(text('detail-stage')).toBe('已办结，请您评价'))
})

describe('the success view stays until the person taps on', () => {
  const result: SubmitReportResult = { reportId: 'rep-1', caseNumber: '2026112300007', expectedBy: '预计11月24日12:00前处理', gridId: 'g1', gridName: '幸福里第一网格', routing, status: 'assigned' }
  afterEach(() => jest.useRealTimers())

  test('no countdown and no move, however long the person reads', () => {
    jest.useFakeTimers()
    taro.redirectTo.mockClear()
    render(<RoutedPanel result={result} onAnother={jest.fn()} />)
    act(() => { jest.advanceTimersByTime(10 * 60_000) })
    expect(taro.redirectTo).not.toHaveBeenCalled()
    expect(text('report-routed')).not.toMatch(/秒|自动/)
    act(() => { document.getElementById('report-view-detail')!.click() })
    expect(taro.redirectTo).toHaveBeenCalledWith({ url: '/case/detail?id=rep-1' })
  })

  test('it says 已受理 and where the report went in a resident\'s words', () => {
    for (const outcome of ['inside', 'near_border', 'nearest_grid', 'dispatcher_queue'] as const) {
      const { container, unmount } = render(<RoutedPanel result={{ ...result, routing: { ...routing, outcome } }} onAnother={jest.fn()} />)
      expect(container.querySelector('.resident-status')!.textContent).toBe('已受理')
      expect(staffWordsIn(container.textContent!)).toEqual([])
      unmount()
    }
  })
})

test('my reports speak a resident\'s words: 已受理, 处理中, 已办结, never a staff state or a level', async () => {
  const rows = [
    summary({ reportId: 'r-assigned', status: 'assigned', level: 'grid', stage: '等待网格员处理' }),
    summary({ reportId: 'r-escalated', status: 'escalated', level: 'street', stage: '已上报街道处理' }),
    summary({ reportId: 'r-accepted', status: 'accepted', level: 'community', stage: '社区督办处理中' }),
    summary({ reportId: 'r-resolved', status: 'resolved', level: 'district', stage: '已办结，请您评价', expectedBy: null, canRate: true }),
    summary({ reportId: 'r-withdrawn', status: 'withdrawn', level: 'grid', stage: '已撤回', expectedBy: null }),
  ]
  setTransport(fakeTransport(() => ok({ items: rows, nextCursor: null })).transport)
  const { container } = render(<MyReportsPage />)
  await waitFor(() => expect(document.querySelector('[data-report-id=r-withdrawn]')).not.toBeNull())
  const tagOf = (id: string) => document.querySelector(`[data-report-id=${id}] .resident-status`)!.textContent
  expect(rows.map((r) => tagOf(r.reportId))).toEqual(['已受理', '已受理', '处理中', '已办结', '已撤回'])
  expect(container.querySelector('.level-tag, .status-tag')).toBeNull()
  expect(staffWordsIn(container.textContent!)).toEqual([])
})

test.each(TASK_STATUSES.map((s) => [s, residentStatus(s)]))('the detail page of a %s case says %s and no staff words', async (status, words) => {
  setTransport(fakeTransport(() => ok(detail({ status, level: 'street', stage: '有人处理' }))).transport)
  __setRouterParams({ id: 'rep-1' })
  const { container } = render(<ReportDetailPage />)
  await waitFor(() => expect(container.querySelector('.resident-status')).not.toBeNull())
  expect(container.querySelector('.resident-status')!.textContent).toBe(words)
  expect(container.querySelector('.level-tag, .status-tag')).toBeNull()
  expect(staffWordsIn(container.textContent!)).toEqual([])
})
