import './nutui'
import { render, waitFor } from '@testing-library/react'
import type { ReportDetail, ReportSummary, SubmitReportResult } from '../../shared/api'
import type { Routing } from '../../shared/model'
import { setTransport } from '../../client/src/api/transport'
import MyReportsPage from '../../client/src/pages/mine/index'
import ReportDetailPage from '../../client/src/pages/mine/detail'
import RoutedPanel from '../../client/src/pages/report/RoutedPanel'
import { fakeTransport, ok } from './fakeTransport'
import { text } from './pageDom'
import { NOW } from './taskFixtures'

// The resident's side of a case: the number to quote on the phone, when to expect an answer
// and who has it now, in plain words.

const { __setRouterParams } = require('@tarojs/taro') as { __setRouterParams: (params: Record<string, string>) => void }
const routing: Routing = { outcome: 'inside', gridId: 'g1', gridVersion: 1, mapGeneration: 1, neighbourGridIds: [], distanceM: 0, communityId: 'c1', streetId: 's1' }

const summary = (over: Partial<ReportSummary> = {}): ReportSummary => ({
  reportId: 'rep-1', caseNumber: '2026112300007', category: 'garbage', categoryName: '垃圾堆放', description: '小区东门垃圾三天没人清运', thumbnail: null,
  status: 'escalated', level: 'community', gridName: '幸福里第一网格', createdAt: NOW, updatedAt: NOW, canRate: false, dueNote: null,
  expectedBy: '预计11月25日17:00前处理', stage: '已上报社区处理', ...over,
})
const detail = (over: Partial<ReportDetail> = {}): ReportDetail => ({
  ...summary(), photos: [], location: { lng: 114.057, lat: 22.543 }, routing, result: null, rating: null, timeline: [], handler: null, ...over,
})

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
