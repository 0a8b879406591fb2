import './nutui'
import Taro from '@tarojs/taro'
import { act, fireEvent, render, waitFor } from '@testing-library/react'
import type { ReportDetail } from '../../shared/api'
import type { ApiResponse } from '../../shared/schemas/envelope'
import { setTransport } from '../../client/src/api/transport'
import ReportDetailPage from '../../client/src/case/detail'
import { fakeTransport, ok } from './fakeTransport'
import { el, tap, text } from './pageDom'
import { reportDetail } from './reportFixtures'
import { NOW } from './taskFixtures'

// What a reporter can still do on their report's page: 撤回 before anyone took it, 补充说明
// while it is open, 催办 once the expected time has passed; each offered only when the server
// says so, and a CONFLICT (someone acted in between) said and the page reloaded.

const { __setRouterParams } = require('@tarojs/taro') as { __setRouterParams: (params: Record<string, string>) => void }
const taro = Taro as unknown as Record<string, jest.Mock>
type Handler = Parameters<typeof fakeTransport>[0]

beforeEach(() => {
  __setRouterParams({ id: 'rep-1' })
  taro.showModal.mockClear()
  taro.showModal.mockResolvedValue({ confirm: true })
  taro.chooseMedia.mockResolvedValue({ tempFiles: [{ tempFilePath: 'blob:more-1' }] })
})

/** The page over a fake server: getMyReport answers `loaded` (then `reloaded`, when given), the rest `answer`. */
async function openPage(loaded: ReportDetail, answer: Handler = () => ok(loaded), reloaded?: ReportDetail) {
  let loads = 0
  const fake = fakeTransport((fn, body) => {
    if (body.action !== 'getMyReport') return answer(fn, body)
    loads += 1
    return ok(loads > 1 && reloaded ? reloaded : loaded)
  })
  setTransport(fake.transport)
  render(<ReportDetailPage />)
  await waitFor(() => expect(document.getElementById('detail-stage')).not.toBeNull())
  const sent = () => fake.calls.filter((c) => c.body.action !== 'getMyReport')
  return { ...fake, sent, loads: () => loads }
}

const typeInto = (selector: string, value: string) => fireEvent.change(document.querySelector(selector)!, { target: { value } })

test('each follow-up is offered only when its flag says so', async () => {
  await openPage(reportDetail({ canWithdraw: true, canAddInfo: false, canUrge: false, urgeAfter: null }))
  expect(document.getElementById('follow-withdraw')).not.toBeNull()
  expect(document.getElementById('follow-add-info')).toBeNull()
  expect(document.getElementById('follow-urge')).toBeNull()
  expect(document.getElementById('follow-urge-later')).toBeNull()
})

test('with nothing possible the page offers no follow-up at all', async () => {
  await openPage(reportDetail({ status: 'closed', stage: '已结案', expectedBy: null }))
  expect(document.getElementById('follow-ups')).toBeNull()
})

test('before the expected time the page says when urging becomes possible, with no button', async () => {
  await openPage(reportDetail({ status: 'accepted', canAddInfo: true, canUrge: false, urgeAfter: NOW + 3600_000 }))
  expect(document.getElementById('follow-urge')).toBeNull()
  expect(text('follow-urge-later')).toMatch(/^预计时间过后可以催办（.+后）$/)
})

test('after an urge the page says when the next one is possible', async () => {
  const urged = { id: 'e1', taskId: 't1', at: NOW, actorId: 'u_r', actorName: '王阿姨', action: 'urge' as const, text: '居民催办：已超过预计处理时间' }
  await openPage(reportDetail({ status: 'accepted', canUrge: false, urgeAfter: NOW + 24 * 3600_000, timeline: [urged] }))
  expect(text('follow-urge-later')).toMatch(/^已催办过，.+后可以再次催办$/)
})

test('撤回 takes an optional reason, asks for confirmation, and shows the withdrawn case', async () => {
  const withdrawn = reportDetail({ status: 'withdrawn', stage: '已撤回', expectedBy: null })
  const page = await openPage(reportDetail({ status: 'assigned', canWithdraw: true, canAddInfo: true }), () => ok(withdrawn))
  await tap('follow-withdraw')
  typeInto('#withdraw-reason textarea', '  已经自己清理了  ')
  await tap('withdraw-submit')
  expect(taro.showModal).toHaveBeenCalledWith(expect.objectContaining({ title: '确定撤回吗？', confirmText: '确定撤回' }))
  expect(page.sent()).toEqual([{ fn: 'resident', body: { action: 'withdrawReport', payload: { reportId: 'rep-1', reason: '已经自己清理了' } } }])
  expect(document.querySelector('.resident-status')!.textContent).toBe('已撤回')
  expect(document.getElementById('follow-ups')).toBeNull()
})

test('撤回 without a reason sends none; declining the confirmation sends nothing', async () => {
  const page = await openPage(reportDetail({ status: 'assigned', canWithdraw: true }), () => ok(reportDetail({ status: 'withdrawn' })))
  await tap('follow-withdraw')
  taro.showModal.mockResolvedValueOnce({ confirm: false })
  await tap('withdraw-submit')
  expect(page.sent()).toEqual([])
  expect(document.getElementById('withdraw-form')).not.toBeNull()
  await tap('withdraw-submit')
  expect(page.sent()[0].body.payload).toEqual({ reportId: 'rep-1' })
})

test('a withdraw the server refuses with CONFLICT says why and reloads the page', async () => {
  const conflict: ApiResponse<unknown> = { ok: false, error: { code: 'CONFLICT', message: '工作人员已签收，正在处理，不能撤回；可以补充说明' } }
  const accepted = reportDetail({ status: 'accepted', stage: '网格员处理中', canWithdraw: false, canAddInfo: true })
  const page = await openPage(reportDetail({ status: 'assigned', canWithdraw: true }), () => conflict, accepted)
  await tap('follow-withdraw')
  await tap('withdraw-submit')
  await waitFor(() => expect(page.loads()).toBe(2))
  await waitFor(() => expect(document.querySelector('.resident-status')!.textContent).toBe('处理中'))
  expect(text('detail-conflict')).toContain('工作人员已签收，正在处理，不能撤回；可以补充说明')
  expect(document.getElementById('follow-withdraw')).toBeNull()
  expect(document.getElementById('follow-add-info')).not.toBeNull()
})

test('补充说明 checks the words with the shared schema, then sends them with the uploaded photos', async () => {
  const added = reportDetail({ status: 'accepted', canAddInfo: true, timeline: [{ id: 'e2', taskId: 't1', at: NOW, actorId: 'u_r', actorName: '王阿姨', action: 'add_info', text: '居民补充说明', note: '又多了两袋' }] })
  const page = await openPage(reportDetail({ status: 'accepted', canAddInfo: true }), () => ok(added))
  await tap('follow-add-info')
  await tap('add-info-submit')
  expect(text('field-error-text')).toBe('补充说明至少2个字')
  expect(page.sent()).toEqual([])
  await tap('add-info-add-photo')
  await act(async () => { page.uploads[0].resolve('file-9') })
  typeInto('#add-info-text textarea', '又多了两袋')
  await tap('add-info-submit')
  expect(page.sent()).toEqual([{ fn: 'resident', body: { action: 'addReportInfo', payload: { reportId: 'rep-1', text: '又多了两袋', photos: ['file-9'] } } }])
  expect(document.getElementById('add-info-form')).toBeNull()
  expect(text('timeline')).toContain('又多了两袋')
})

test('a 补充说明 refused by the content check shows the message under the words', async () => {
  const refusal = '“补充说明”中有不宜发布的内容，请删去辱骂、广告、联系方式或违法信息等内容后再提交'
  await openPage(reportDetail({ status: 'accepted', canAddInfo: true }), () => ({ ok: false, error: { code: 'CONTENT_REJECTED', message: refusal, fields: { text: refusal } } }))
  await tap('follow-add-info')
  typeInto('#add-info-text textarea', '加我微信详聊')
  await tap('add-info-submit')
  expect(text('field-error-text')).toBe(refusal)
  expect(el('add-info-form')).toBeTruthy()
})

test('催办 is one tap once possible, and the page shows the answer', async () => {
  const urged = reportDetail({ status: 'accepted', canUrge: false, urgeAfter: NOW + 24 * 3600_000, timeline: [{ id: 'e3', taskId: 't1', at: NOW, actorId: 'u_r', actorName: '王阿姨', action: 'urge', text: '居民催办：已超过预计处理时间' }] })
  const page = await openPage(reportDetail({ status: 'accepted', canUrge: true, urgeAfter: NOW - 3600_000 }), () => ok(urged))
  await tap('follow-urge')
  expect(page.sent()).toEqual([{ fn: 'resident', body: { action: 'urgeReport', payload: { reportId: 'rep-1' } } }])
  expect(document.getElementById('follow-urge')).toBeNull()
  expect(text('follow-urge-later')).toMatch(/^已催办过/)
})
