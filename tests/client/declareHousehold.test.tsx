import './nutui'
import Taro from '@tarojs/taro'
import { fireEvent, render, waitFor } from '@testing-library/react'
import type { MyResidence } from '../../shared/api'
import type { ApiResponse } from '../../shared/schemas/envelope'
import { setTransport } from '../../client/src/api/transport'
import { saveUser } from '../../client/src/api/session'
import HouseholdPage from '../../client/src/declare/household'
import { fakeTransport, ok } from './fakeTransport'
import { el, tap, text } from './pageDom'
import { declaration, moreInfo, residence } from './declareFixtures'

const taro = Taro as unknown as Record<string, jest.Mock>
const { __setRouterParams, __resetStorage } = require('@tarojs/taro') as { __setRouterParams: (p: Record<string, string>) => void; __resetStorage: () => void }


async function open(mine: MyResidence, answers: Record<string, (payload: unknown) => ApiResponse<unknown>> = {}, params: Record<string, string> = {}) {
  __setRouterParams(params)
  const fake = fakeTransport((_fn, body) => (body.action === 'myResidence' ? ok(mine) : answers[body.action]?.(body.payload) ?? { ok: false, error: { code: 'NOT_FOUND', message: '记录不存在或已删除' } }))
  setTransport(fake.transport)
  const view = render(<HouseholdPage />)
  await waitFor(() => expect(document.querySelector('.gl-loading')).toBeNull())
  return { ...fake, unmount: view.unmount }
}
const openWith = (mine: MyResidence, params: Record<string, string>) => open(mine, {}, params)

beforeEach(() => {
  __resetStorage()
  saveUser({ id: 'u_resident_1', name: '张明', role: 'resident', roleName: '居民' })
  taro.navigateTo.mockClear()
  taro.showModal.mockClear()
})

test('the household shows its residents masked, and the declarations newest first with their states in words', async () => {
  const older = declaration({ id: 'dcl_old', status: 'rejected', statusName: '未通过', createdAt: Date.UTC(2026, 9, 1),
    review: { decisionName: '不予通过', reason: '房号与实际不符', byName: '王建国', at: Date.UTC(2026, 9, 2) } })
  await open(residence({ declarations: [older, moreInfo, declaration()] }))
  const card = text('household-b-3_r301')!
  expect(card).toContain('莲花一村社区 3栋2单元301')
  expect(card).toContain('所属网格：莲花一村社区第1网格')
  expect(card).toContain('张明（本人）')
  expect(card).toContain('居民身份证 4403**********1237')
  expect(card).toContain('电话 139****5678 · 2020-05-01 入住')

  const cards = Array.from(document.querySelectorAll('.declare-item'))
  expect(cards.map((c) => c.id)).toEqual(['declaration-dcl_more', 'declaration-dcl_1', 'declaration-dcl_old'])
  expect(cards.map((c) => c.querySelector('.declare-status-tag')!.textContent)).toEqual(['状态：需补充信息', '状态：待核查', '状态：未通过'])
  expect(text('declaration-dcl_more-reason')).toContain('需要补充的信息请补充孩子的证件号码，核对后再提交')
  expect(text('declaration-dcl_old-reason')).toContain('未通过的原因房号与实际不符')
  // 补充信息 only where more is asked; 撤回 only while it is open
  expect(document.getElementById('declaration-dcl_1-amend')).toBeNull()
  expect(document.getElementById('declaration-dcl_old-withdraw')).toBeNull()
  expect(Taro.getStorageSync('gl.declared.u_resident_1')).toBe(true)

  await tap('declaration-dcl_more-amend')
  expect(taro.navigateTo).toHaveBeenCalledWith({ url: '/declare/index?amend=dcl_more' })
  await tap('household-b-3_r301-add')
  expect(taro.navigateTo).toHaveBeenLastCalledWith({ url: '/declare/index?roomId=b-3.r301' })
})

test('撤回 asks first, then sends the declaration\'s version and shows it withdrawn', async () => {
  const { calls } = await open(residence(), {
    withdrawDeclaration: () => ok(declaration({ status: 'withdrawn', statusName: '已撤回', version: 2 })),
  })
  taro.showModal.mockResolvedValueOnce({ confirm: false })
  await tap('declaration-dcl_1-withdraw')
  expect(calls.filter((c) => c.body.action === 'withdrawDeclaration')).toHaveLength(0)
  await tap('declaration-dcl_1-withdraw')
  expect(taro.showModal).toHaveBeenCalledTimes(2)
  expect(taro.showModal).toHaveBeenLastCalledWith(expect.objectContaining({ title: '撤回申报', confirmText: '撤回申报', cancelText: '不撤回', confirmColor: '#1d5fd6' }))
  expect(calls.filter((c) => c.body.action === 'withdrawDeclaration').map((c) => c.body.payload)).toEqual([{ declarationId: 'dcl_1', version: 1 }])
  expect(el('declaration-dcl_1').querySelector('.declare-status-tag')!.textContent).toBe('状态：已撤回')
  expect(document.getElementById('declaration-dcl_1-withdraw')).toBeNull()
})

test('with nothing declared yet the page offers one big 开始登记', async () => {
  await open(residence({ households: [], declarations: [] }))
  expect(text('household-empty')).toContain('您还没有登记过住址')
  await tap('household-start')
  expect(taro.navigateTo).toHaveBeenCalledWith({ url: '/declare/index' })
  expect(Taro.getStorageSync('gl.declared.u_resident_1')).toBe(false)
})

test('a declaration just sent is named on top with its state', async () => {
  await open(residence(), {}, { done: 'dcl_1' })
  expect(text('household-sent')).toBe('已提交，状态：待核查莲花一村社区 3栋2单元301的居住登记已交给网格员核查，核查后会通知您。')
})

test('opened again with ?done= after the worker acted, the banner says where the declaration stands now', async () => {
  const cases: [Partial<Parameters<typeof declaration>[0]>, string][] = [
    [{ status: 'verified', statusName: '已核验' }, '已提交，状态：已核验莲花一村社区 3栋2单元301的居住登记已由网格员核验。'],
    [{ status: 'rejected', statusName: '未通过' }, '已提交，状态：未通过莲花一村社区 3栋2单元301的居住登记未通过，原因见下面的申报记录。'],
    [{ status: 'more_info', statusName: '需补充信息' }, '已提交，状态：需补充信息网格员请您补充信息，请按下面申报记录中的说明补充后再提交。'],
    [{ status: 'withdrawn', statusName: '已撤回' }, '已提交，状态：已撤回莲花一村社区 3栋2单元301的居住登记已撤回，需要时可重新申报。'],
  ]
  for (const [over, words] of cases) {
    const { unmount } = await openWith(residence({ declarations: [declaration(over)] }), { done: 'dcl_1' })
    expect(text('household-sent')).toBe(words)
    expect(text('household-sent')).not.toContain('已交给网格员核查')
    unmount()
  }
})

test('办理迁出 checks the choice with the shared schema, then sends the residents, the date and the consent version', async () => {
  const moveOut = declaration({ id: 'dcl_out', kind: 'move_out', kindName: '迁出注销', moveOutDate: '2026-11-30', createdAt: Date.UTC(2026, 11, 1, 5) })
  const { calls } = await open(residence(), { declareMoveOut: () => ok(moveOut) })
  await tap('household-b-3_r301-moveout')
  await tap('moveout-agree')
  await tap('moveout-submit')
  expect(text('field-error-residentIds')).toBe('请选择迁出的住户')
  expect(calls.filter((c) => c.body.action === 'declareMoveOut')).toHaveLength(0)

  await tap('moveout-resident-1')
  expect(text('field-error-residentIds')).toBeNull()
  fireEvent.change(el('moveout-date').querySelector('input')!, { target: { value: '2026-11-30' } })
  await tap('moveout-submit')
  const [call] = calls.filter((c) => c.body.action === 'declareMoveOut')
  expect(call.body.payload).toEqual({ roomId: 'b-3.r301', residentIds: ['res-2'], moveOutDate: '2026-11-30', consentVersion: '2026-12-02' })
  expect(call.body.requestId).toMatch(/^[A-Za-z0-9_-]{8,64}$/)
  expect(text('household-notice')).toBe('已提交3栋2单元301的迁出注销，状态：待核查。网格员核查后会通知您。')
  expect(document.querySelectorAll('.declare-item')[0].id).toBe('declaration-dcl_out')
})
