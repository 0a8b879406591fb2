import './nutui'
import Taro from '@tarojs/taro'
import { render, waitFor } from '@testing-library/react'
import type { ReportDetail } from '../../shared/api'
import { setTransport } from '../../client/src/api/transport'
import ReportDetailPage from '../../client/src/case/detail'
import { fakeTransport, ok } from './fakeTransport'
import { el, tap, text } from './pageDom'
import { reportDetail } from './reportFixtures'
import { HOUR, NOW } from './taskFixtures'

// The case page for one who follows it ("me too"), for a duplicate merged into another case,
// and for a report filed on a resident's behalf.

const { __setRouterParams } = require('@tarojs/taro') as { __setRouterParams: (params: Record<string, string>) => void }
const taro = Taro as unknown as Record<string, jest.Mock>

async function open(r: ReportDetail) {
  setTransport(fakeTransport(() => ok(r)).transport)
  __setRouterParams({ id: r.reportId })
  render(<ReportDetailPage />)
  await waitFor(() => expect(document.getElementById('detail-stage')).not.toBeNull())
}

beforeEach(() => { taro.navigateTo.mockClear() })

test('a follower reads that they follow it and how many do, and is offered none of the reporter\'s actions', async () => {
  // what would show for its reporter: a rating to read, an urge possible later
  const rated = { stars: 4, solved: true, comment: '很快', at: NOW }
  await open(reportDetail({ relation: 'follower', followerCount: 3, status: 'resolved', rating: rated, urgeAfter: NOW + HOUR }))
  expect(text('detail-follower')).toBe('您关注了此问题，处理结果会通知您')
  expect(text('detail-followers')).toBe('3人关注此问题')
  for (const id of ['rate-form', 'follow-ups', 'follow-urge', 'follow-urge-later', 'follow-withdraw', 'follow-add-info', 'detail-rating']) {
    expect(document.getElementById(id)).toBeNull()
  }
})

test('its reporter sees the same case with their own follow-ups, and the followers counted', async () => {
  await open(reportDetail({ relation: 'reporter', followerCount: 2, urgeAfter: NOW + HOUR }))
  expect(document.getElementById('detail-follower')).toBeNull()
  expect(text('detail-followers')).toBe('2人关注此问题')
  expect(document.getElementById('follow-urge-later')).not.toBeNull()
})

test('nobody following: no count', async () => {
  await open(reportDetail())
  expect(document.getElementById('detail-followers')).toBeNull()
  expect(document.getElementById('detail-relation')).toBeNull()
})

test('a merged duplicate says which case it is one problem with, in a resident\'s words, and links to it', async () => {
  await open(reportDetail({ status: 'merged', stage: '已合并处理', expectedBy: null, mergedInto: { reportId: 'rep-9', caseNumber: '2026112300003' } }))
  expect(el('detail-merged').textContent).toContain('此反映与工单 2026112300003 是同一问题，已合并处理')
  expect(document.querySelector('.resident-status')!.textContent).toBe('已合并')
  await tap('detail-merged-link')
  expect(taro.navigateTo).toHaveBeenCalledWith({ url: '/case/detail?id=rep-9' })
})

test('a report filed on a resident\'s behalf says so, with the resident masked', async () => {
  await open(reportDetail({ onBehalf: { nameMasked: '张*明', phoneMasked: '138****5678' } }))
  expect(text('detail-on-behalf')).toBe('代居民 张*明（138****5678）反映')
})
