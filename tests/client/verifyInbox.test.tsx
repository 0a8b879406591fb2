import './nutui'
import Taro from '@tarojs/taro'
import { act, fireEvent, render, waitFor } from '@testing-library/react'
import type { TaskSummary, VerificationSummary } from '../../shared/api'
import { setTransport } from '../../client/src/api/transport'
import InboxPage from '../../client/src/worker/inbox/index'
import { fakeTransport, ok } from './fakeTransport'
import { taskSummary } from './taskFixtures'

const { __setRouterParams } = require('@tarojs/taro') as { __setRouterParams: (params: Record<string, string>) => void }
const taro = Taro as unknown as Record<string, jest.Mock>

const NOW = Date.now()
const HOUR = 3600_000
const TASK: TaskSummary = taskSummary({ gridName: '莲花一村第1网格', dueAt: NOW + 2 * HOUR, createdAt: NOW - HOUR })
const check = (id: string, over: Partial<VerificationSummary> = {}): VerificationSummary => ({
  id, kind: 'move_in', kindName: '居住登记', addressLabel: '3栋2单元301', gridName: '莲花一村第1网格', personCount: 3, status: 'pending', statusName: '待核查',
  dueAt: NOW + 20 * HOUR, overdue: false, createdAt: NOW - HOUR, duplicateCount: 0, ...over,
})
const LATE = check('d-late', { addressLabel: '5栋101', overdue: true, dueAt: NOW - 26 * HOUR, duplicateCount: 2 })
const OUT = check('d-out', { kind: 'move_out', kindName: '迁出注销', addressLabel: '7栋2单元502', personCount: 1, status: 'more_info', statusName: '需补充信息', dueAt: null })

const byId = (id: string) => document.getElementById(id)
const click = async (el: Element) => { await act(async () => { fireEvent.click(el) }) }
const item = (id: string) => document.querySelector(`[data-declaration-id=${id}]`) as HTMLElement

async function setup(params: Record<string, string> = {}, verifications = [check('d-1'), LATE, OUT]) {
  const fake = fakeTransport((_fn, body) => {
    if (body.action === 'listInbox') return ok({ items: [TASK], nextCursor: null })
    if (body.action === 'listVerifications') return ok({ items: verifications, nextCursor: 'next' })
    return ok({})
  })
  setTransport(fake.transport)
  __setRouterParams(params)
  render(<InboxPage />)
  await waitFor(() => expect(byId('inbox-tab-verify')!.textContent).toBe('居住登记核查（3+）'))
  return fake
}

test('the inbox loads both lists, shows the events first and counts each on its tab', async () => {
  const { calls } = await setup()
  expect(calls.map((c) => c.body.action).sort()).toEqual(['listInbox', 'listVerifications'])
  expect(byId('inbox-tab-tasks')!.textContent).toBe('事件（1）')
  expect(byId('inbox-tasks')!.querySelector('.inbox-item')!.textContent).toContain('小区东门垃圾三天没人清运')
  expect(byId('inbox-verifications')).toBeNull()
})

test('居住登记核查 lists each declaration with address, kind, people, state and deadline in words, the overdue first', async () => {
  await setup()
  await click(byId('inbox-tab-verify')!)
  expect(byId('inbox-tasks')).toBeNull()
  const order = Array.from(document.querySelectorAll('[data-declaration-id]')).map((e) => e.getAttribute('data-declaration-id'))
  expect(order).toEqual(['d-late', 'd-1', 'd-out'])
  expect(byId('verify-count')!.textContent).toBe('待核查的居住登记共3份，其中1份已超期')

  const late = item('d-late')
  expect(late.querySelector('.decl-overdue')!.textContent).toBe('已超期')
  expect(late.querySelector('.decl-due')!.textContent).toMatch(/^核查期限：已超期（应于\d+月\d+日 \d\d:\d\d前核查）$/)
  expect(late.querySelector('.decl-duplicate')!.textContent).toBe('重复登记 2 人')
  expect(late.textContent).toContain('5栋101')
  expect(late.textContent).toContain('居住登记 · 3 人')
  expect(late.querySelector('[data-status]')!.textContent).toBe('待核查')

  const onTime = item('d-1')
  expect(onTime.querySelector('.decl-overdue')).toBeNull()
  expect(onTime.querySelector('.decl-duplicate')).toBeNull()
  expect(onTime.querySelector('.decl-due')!.textContent).toMatch(/^核查期限：还剩 \d+小时\d+分（/)

  const out = item('d-out')
  expect(out.querySelector('[data-kind]')!.textContent).toBe('迁出注销')
  expect(out.querySelector('[data-status]')!.textContent).toBe('需补充信息')
  expect(out.querySelector('.decl-due')).toBeNull()
  expect(out.textContent).toContain('等居民重新提交')
})

test('tapping a declaration opens its verification; the register is one tap away', async () => {
  await setup({ tab: 'verify' })
  await click(item('d-late'))
  expect(taro.navigateTo).toHaveBeenLastCalledWith({ url: '/worker/verify/index?id=d-late' })
  await click(byId('inbox-go-register')!)
  expect(byId('inbox-go-register')!.textContent).toBe('本网格实有人口')
  expect(taro.navigateTo).toHaveBeenLastCalledWith({ url: '/worker/register/index' })
})

test('with nothing to verify the list says so in words', async () => {
  const fake = fakeTransport(() => ok({ items: [], nextCursor: null }))
  setTransport(fake.transport)
  __setRouterParams({ tab: 'verify' })
  render(<InboxPage />)
  await waitFor(() => expect(byId('inbox-verifications')!.textContent).toContain('暂无待核查的居住登记'))
  expect(byId('inbox-tab-verify')!.textContent).toBe('居住登记核查（0）')
})
