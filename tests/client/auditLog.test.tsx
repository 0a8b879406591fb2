import './nutui'
import Taro from '@tarojs/taro'
import { act, fireEvent, render, waitFor } from '@testing-library/react'
import dayjs from 'dayjs'
import type { AuditView } from '../../shared/api'
import { setTransport } from '../../client/src/api/transport'
import { saveUser } from '../../client/src/api/session'
import AdminHomePage from '../../client/src/admin/index'
import AdminAuditPage from '../../client/src/admin/audit/index'
import { fakeTransport, ok } from './fakeTransport'

const taro = Taro as unknown as Record<string, jest.Mock>
const AT = dayjs('2026-11-23T10:05:00').valueOf()
const entry = (id: string, over: Partial<AuditView> = {}): AuditView => ({
  id, at: AT, actorName: '王建国', actorRoleName: '网格员', actionName: '查看完整号码', fieldName: '证件号码', personName: '张*明',
  declarationId: 'd-1', addressLabel: '3栋2单元301', gridName: '莲花一村第1网格', reason: '上门核对证件原件', ...over,
})

const byId = (id: string) => document.getElementById(id)
const click = async (el: Element) => { await act(async () => { fireEvent.click(el) }) }

test('the audit log lists each reading: when, who, what of whose, which declaration and grid, and why; and says it cannot be changed', async () => {
  const pages = [
    { items: [entry('a-2', { fieldName: '联系电话', actorName: '李秀英', actorRoleName: '网格长', reason: '电话联系核实' }), entry('a-1')], nextCursor: 'c1' },
    { items: [entry('a-0', { at: AT - 86_400_000 })], nextCursor: null },
  ]
  const fake = fakeTransport(() => ok(pages.shift()))
  setTransport(fake.transport)
  render(<AdminAuditPage />)
  await waitFor(() => expect(document.querySelector('[data-audit-id=a-2]')).not.toBeNull())
  expect(byId('audit-readonly')!.textContent).toBe('审计日志不可修改或删除。')

  const row = (id: string, field: string) => document.querySelector(`[data-audit-id=${id}] [data-field=${field}]`)!.textContent
  expect(row('a-2', 'when')).toBe('2026年11月23日 10:05')
  expect(row('a-2', 'who')).toBe('李秀英（网格长）')
  expect(row('a-2', 'what')).toBe('查看完整号码：张*明 的联系电话')
  expect(row('a-2', 'where')).toBe('3栋2单元301 · 莲花一村第1网格 · 申报编号 d-1')
  expect(row('a-2', 'reason')).toBe('理由：电话联系核实')
  expect(row('a-1', 'what')).toBe('查看完整号码：张*明 的证件号码')

  // nothing on the page changes an entry: the only actions are reading and loading more
  expect(document.querySelectorAll('[data-action]')).toHaveLength(0)
  await click(byId('audit-more')!)
  expect(fake.calls.map((c) => [c.fn, c.body.action, c.body.payload])).toEqual([['admin', 'listAudit', { limit: 20 }], ['admin', 'listAudit', { cursor: 'c1', limit: 20 }]])
  expect(Array.from(document.querySelectorAll('[data-audit-id]')).map((e) => e.getAttribute('data-audit-id'))).toEqual(['a-2', 'a-1', 'a-0'])
  expect(byId('audit-more')).toBeNull()
})

test('an empty log says so in words', async () => {
  setTransport(fakeTransport(() => ok({ items: [], nextCursor: null })).transport)
  render(<AdminAuditPage />)
  await waitFor(() => expect(byId('page-admin-audit')!.textContent).toContain('还没有查看完整号码的记录'))
})

test('the console offers the audit log to the district admin only', async () => {
  saveUser({ id: 'u_district', name: '陈主任', role: 'district_admin', roleName: '区网格办管理员' })
  const { unmount } = render(<AdminHomePage />)
  await click(byId('admin-tool-audit')!)
  expect(taro.navigateTo).toHaveBeenLastCalledWith({ url: '/admin/audit/index' })
  unmount()
  saveUser({ id: 'u_cdisp_1', name: '赵德华', role: 'community_dispatcher', roleName: '社区分拨员' })
  render(<AdminHomePage />)
  expect(byId('admin-tool-audit')).toBeNull()
  expect(byId('admin-tool-staff')).not.toBeNull()
})
