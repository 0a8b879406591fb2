import './nutui'
import Taro from '@tarojs/taro'
import { act, fireEvent, render, waitFor } from '@testing-library/react'
import dayjs from 'dayjs'
import type { Me, StaffRecord } from '../../shared/api'
import { setTransport } from '../../client/src/api/transport'
import AdminStaffPage from '../../client/src/admin/staff/index'
import { bindingWords, leaveWords } from '../../client/src/admin/staff/staffWords'
import { fakeTransport, ok } from './fakeTransport'

const taro = Taro as unknown as Record<string, jest.Mock>
const DISPATCHER: Me = { id: 'u_cdisp_1', name: '赵德华', role: 'community_dispatcher', roleName: '社区分拨员', gridIds: [], communityId: 'c-lianhua1', streetId: 's-huafu' }
const DAY = 86_400_000
const staff = (id: string, name: string, extra: Partial<StaffRecord> = {}): StaffRecord => ({
  userId: id, name, role: 'grid_worker', roleName: '网格员', phone: '13920000000', placeName: '莲花一村社区第1网格', gridIds: ['g-lianhua1-1'],
  communityId: 'c-lianhua1', streetId: 's-huafu', bound: false, boundAt: null, codeExpiresAt: null, leave: null, photo: null, photoShown: false, ...extra,
})
const WANG = staff('u_worker_1', '王建国')
const LI = staff('u_leader_1', '李秀英', { role: 'grid_leader', roleName: '网格长', bound: true, boundAt: Date.now() - DAY })
const ZHAO = staff('u_cdisp_1', '赵德华', { role: 'community_dispatcher', roleName: '社区分拨员', gridIds: [], placeName: '莲花一村社区' })

const row = (id: string) => document.getElementById(`staff-${id}`)!
const inRow = (id: string, action: string) => row(id).querySelector(`[data-action=${action}]`) as HTMLElement
const click = async (el: Element) => { await act(async () => { fireEvent.click(el) }) }

async function setup(handler: (action: string, payload: any) => unknown = () => ok({}), items: StaffRecord[] = [WANG, LI, ZHAO]) {
  const fake = fakeTransport((_fn, body) => {
    if (body.action === 'me') return ok(DISPATCHER)
    if (body.action === 'listStaff') return ok({ items, nextCursor: null })
    return handler(body.action, body.payload) as any
  })
  setTransport(fake.transport)
  render(<AdminStaffPage />)
  await waitFor(() => expect(document.getElementById('staff-u_worker_1')).not.toBeNull())
  return fake
}

test('a community dispatcher lists the staff of their own community, each with their binding state in words', async () => {
  const { calls } = await setup()
  expect(calls.find((c) => c.body.action === 'listStaff')?.body.payload).toEqual({ communityId: 'c-lianhua1', limit: 20 })
  expect(row('u_worker_1').querySelector('[data-field=binding]')!.textContent).toBe('未绑定')
  expect(row('u_leader_1').querySelector('[data-field=binding]')!.textContent).toMatch(/^已绑定微信（\d+月\d+日）$/)
  expect(inRow('u_leader_1', 'unbind').textContent).toBe('解除绑定')
  expect(inRow('u_worker_1', 'issue').textContent).toBe('生成绑定码')
  // a dispatcher's queue is covered by the other dispatchers: no leave for them here
  expect(inRow('u_cdisp_1', 'leave')).toBeNull()
  expect(inRow('u_worker_1', 'leave').textContent).toBe('设置请假')
  // only the district admin chooses a community
  expect(document.getElementById('staff-filter')).toBeNull()
})

test('生成绑定码 shows the code in two groups with its expiry and says to hand it over in person', async () => {
  const expiresAt = dayjs('2026-12-08T18:00:00').valueOf()
  const { calls } = await setup((action) => (action === 'issueBindingCode' ? ok({ userId: 'u_worker_1', code: 'ABCD2345', expiresAt }) : ok({})))
  await click(inRow('u_worker_1', 'issue'))
  expect(calls.find((c) => c.body.action === 'issueBindingCode')?.body.payload).toEqual({ userId: 'u_worker_1' })
  const panel = row('u_worker_1').querySelector('.admin-code')!.textContent!
  expect(panel).toContain('ABCD 2345')
  expect(panel).toContain('有效期至 12月8日 18:00')
  expect(panel).toContain('请当面交给 王建国 本人')
  expect(inRow('u_worker_1', 'issue').textContent).toBe('重新生成绑定码')
})

test('解除绑定 asks first; cancelling sends nothing, confirming unbinds and the row says so', async () => {
  const { calls } = await setup((action, p) => (action === 'unbindStaff' ? ok({ ...LI, userId: p.userId, bound: false, boundAt: null }) : ok({})))
  taro.showModal.mockResolvedValueOnce({ confirm: false })
  await click(inRow('u_leader_1', 'unbind'))
  expect(taro.showModal).toHaveBeenLastCalledWith(expect.objectContaining({ title: '解除绑定' }))
  expect(calls.filter((c) => c.body.action === 'unbindStaff')).toHaveLength(0)
  await click(inRow('u_leader_1', 'unbind'))
  expect(calls.filter((c) => c.body.action === 'unbindStaff')).toHaveLength(1)
  expect(row('u_leader_1').querySelector('[data-field=binding]')!.textContent).toBe('未绑定')
})

test('设置请假 sends whole days and the chosen substitute, and the row then shows who covers until when', async () => {
  const until = dayjs().add(5, 'day')
  const { calls } = await setup((action, p) =>
    action === 'setLeave' ? ok({ ...WANG, leave: { from: p.from, until: p.until, substituteId: p.substituteId, substituteName: '李秀英' } }) : ok({}))
  await click(inRow('u_worker_1', 'leave'))
  await waitFor(() => expect(document.getElementById('leave-sub-u_leader_1')).not.toBeNull())
  // the person on leave cannot cover themself, and only grid staff cover a grid
  expect(document.getElementById('leave-sub-u_worker_1')).toBeNull()
  expect(document.getElementById('leave-sub-u_cdisp_1')).toBeNull()
  await click(document.getElementById('leave-submit')!)
  expect(document.getElementById('field-error-until')!.textContent).toBe('请填写请假结束时间')
  expect(document.getElementById('field-error-substituteId')!.textContent).toBe('请选择代班人员')
  fireEvent.change(document.querySelector('#leave-until input')!, { target: { value: until.format('YYYY-MM-DD') } })
  await click(document.getElementById('leave-sub-u_leader_1')!)
  await click(document.getElementById('leave-submit')!)
  const sent = calls.find((c) => c.body.action === 'setLeave')!.body.payload as { from: number; until: number; substituteId: string }
  expect(sent.substituteId).toBe('u_leader_1')
  expect(sent.until).toBe(until.endOf('day').valueOf())
  expect(sent.from).toBeLessThanOrEqual(Date.now())
  expect(sent.from).toBeGreaterThanOrEqual(dayjs().startOf('day').valueOf())
  expect(row('u_worker_1').querySelector('[data-field=leave]')!.textContent).toBe(`请假中（至${until.format('M月D日')}，由 李秀英 代班）`)
  expect(inRow('u_worker_1', 'end-leave').textContent).toBe('结束请假')
})

test('上传照片 takes one photo, uploads it, sets it on the record, and the row shows it small and says residents see it only once reviewed', async () => {
  taro.chooseMedia.mockResolvedValueOnce({ tempFiles: [{ tempFilePath: 'blob:face-1' }] })
  const link = '/api/_files/f_face_1?e=1&s=x'
  const { calls, uploads } = await setup((action) => (action === 'setStaffPhoto' ? ok({ ...WANG, photo: link, photoShown: false }) : ok({})))
  const state = () => row('u_worker_1').querySelector('[data-field=photo-state]')!.textContent
  expect(state()).toBe('未上传照片 · 联系卡上显示默认头像')
  expect(row('u_worker_1').querySelector('img')).toBeNull()
  // a dispatcher is on no contact card: no photo for them
  expect(row('u_cdisp_1').querySelector('[data-field=photo]')).toBeNull()

  await click(inRow('u_worker_1', 'photo-upload'))
  expect(taro.chooseMedia).toHaveBeenLastCalledWith(expect.objectContaining({ count: 1, mediaType: ['image'] }))
  expect(uploads.map((u) => u.path)).toEqual(['blob:face-1'])
  act(() => { uploads[0].progress(40) })
  expect(inRow('u_worker_1', 'photo-upload').textContent).toBe('正在上传… 40%')
  // a second tap while it runs starts nothing
  await click(inRow('u_worker_1', 'photo-upload'))
  expect(uploads).toHaveLength(1)
  await act(async () => { uploads[0].resolve('f_face_1') })

  expect(calls.filter((c) => c.body.action === 'setStaffPhoto').map((c) => c.body.payload)).toEqual([{ userId: 'u_worker_1', photo: 'f_face_1' }])
  expect(row('u_worker_1').querySelector('img')!.getAttribute('src')).toBe(`/api/_files/${link}`)
  expect(state()).toBe('照片已上传 · 审核通过后居民才能看到')
  expect(inRow('u_worker_1', 'photo-change').textContent).toBe('更换照片')
  expect(inRow('u_worker_1', 'photo-remove').textContent).toBe('删除照片')
})

test('an upload that fails says so in words and sets nothing', async () => {
  taro.chooseMedia.mockResolvedValueOnce({ tempFiles: [{ tempFilePath: 'blob:face-2' }] })
  const { calls, uploads } = await setup()
  await click(inRow('u_worker_1', 'photo-upload'))
  await act(async () => { uploads[0].reject(new Error('network down')) })
  expect(row('u_worker_1').querySelector('[role=alert]')!.textContent).toMatch(/^照片没有保存：/)
  expect(calls.filter((c) => c.body.action === 'setStaffPhoto')).toHaveLength(0)
  expect(inRow('u_worker_1', 'photo-upload').textContent).toBe('上传照片')
})

test('删除照片 asks first; confirming sends null and the row goes back to the default face', async () => {
  const { calls } = await setup((action) => (action === 'setStaffPhoto' ? ok({ ...LI, photo: null, photoShown: false }) : ok({})), [WANG, { ...LI, photo: '/api/_files/f_li?e=1&s=x', photoShown: true }, ZHAO])
  const state = () => row('u_leader_1').querySelector('[data-field=photo-state]')!.textContent
  expect(state()).toBe('照片已上传 · 居民在联系卡上可以看到')
  taro.showModal.mockResolvedValueOnce({ confirm: false })
  await click(inRow('u_leader_1', 'photo-remove'))
  expect(taro.showModal).toHaveBeenLastCalledWith(expect.objectContaining({ title: '删除照片' }))
  expect(calls.filter((c) => c.body.action === 'setStaffPhoto')).toHaveLength(0)
  await click(inRow('u_leader_1', 'photo-remove'))
  expect(calls.filter((c) => c.body.action === 'setStaffPhoto').map((c) => c.body.payload)).toEqual([{ userId: 'u_leader_1', photo: null }])
  expect(row('u_leader_1').querySelector('img')).toBeNull()
  expect(state()).toBe('未上传照片 · 联系卡上显示默认头像')
  expect(inRow('u_leader_1', 'photo-upload').textContent).toBe('上传照片')
})

test('the leave words say a leave that has not begun yet, and nothing once it has ended', () => {
  const now = dayjs('2026-12-01T10:00:00').valueOf()
  const leave = (from: string, until: string) => staff('u', '王建国', { leave: { from: dayjs(from).valueOf(), until: dayjs(until).valueOf(), substituteId: 'x', substituteName: '张三' } })
  expect(leaveWords(leave('2026-11-30', '2026-12-08T23:59'), now)).toBe('请假中（至12月8日，由 张三 代班）')
  expect(leaveWords(leave('2026-12-05', '2026-12-08T23:59'), now)).toBe('已登记请假（12月5日至12月8日，由 张三 代班）')
  expect(leaveWords(leave('2026-11-20', '2026-11-30'), now)).toBeNull()
  expect(bindingWords(staff('u', 'a', { codeExpiresAt: now + DAY }), now)).toBe('未绑定 · 绑定码已生成，12月2日 10:00前有效')
  expect(bindingWords(staff('u', 'a', { codeExpiresAt: now - 1 }), now)).toBe('未绑定 · 绑定码已过期，请重新生成')
})
