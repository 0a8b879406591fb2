import './nutui'
import Taro from '@tarojs/taro'
import { act, fireEvent, render } from '@testing-library/react'
import type { CommunityListItem, Me } from '../../shared/api'
import { setTransport } from '../../client/src/api/transport'
import { getUser, saveUser } from '../../client/src/api/session'
import BindStaffPage from '../../client/src/account/bind/index'
import { fakeTransport, ok } from './fakeTransport'

const taro = Taro as unknown as Record<string, jest.Mock>
const ME: Me = { id: 'u_worker_1', name: '王建国', role: 'grid_worker', roleName: '网格员', gridIds: ['g-lianhua1-1'], communityId: 'c-lianhua1', streetId: 's-huafu' }
const COMMUNITIES: CommunityListItem[] = [
  { id: 'c-lianhua1', name: '莲花一村社区', streetName: '华富街道', grids: [{ id: 'g-lianhua1-1', name: '第一网格' }, { id: 'g-lianhua1-2', name: '第二网格' }] },
]

const text = (id: string) => document.getElementById(id)?.textContent ?? null
const codeInput = () => document.querySelector('#bind-code input') as HTMLInputElement
const submit = async () => { await act(async () => { fireEvent.click(document.getElementById('bind-submit')!) }) }

function setup(bind: (code: string) => ReturnType<Parameters<typeof fakeTransport>[0]>) {
  const fake = fakeTransport((_fn, body) => (body.action === 'bindStaff' ? bind((body.payload as { code: string }).code) : ok(COMMUNITIES)))
  setTransport(fake.transport)
  render(<BindStaffPage />)
  return fake
}

beforeEach(() => { saveUser({ id: 'u_resident_9', name: '王建国', role: 'resident', roleName: '居民' }) })

test('a code typed in lower case with spaces and dashes is sent as the eight characters it stands for', async () => {
  const { calls } = setup(() => ok(ME))
  fireEvent.change(codeInput(), { target: { value: ' abcd-23 45 ' } })
  await submit()
  expect(calls.find((c) => c.body.action === 'bindStaff')?.body.payload).toEqual({ code: 'ABCD2345' })
})

test('on success the new identity is saved and the page says who the person now is', async () => {
  setup(() => ok(ME))
  fireEvent.change(codeInput(), { target: { value: 'abcd2345' } })
  await submit()
  expect(text('bind-done-words')).toBe('已绑定为 莲花一村社区 第一网格 网格员 王建国')
  expect(getUser()).toEqual({ id: 'u_worker_1', name: '王建国', role: 'grid_worker', roleName: '网格员' })
  await act(async () => { fireEvent.click(document.getElementById('bind-go-home')!) })
  expect(taro.reLaunch).toHaveBeenCalledWith({ url: '/pages/home/index' })
})

test('a code of the wrong shape gets the schema message and is not sent', async () => {
  const { calls } = setup(() => ok(ME))
  fireEvent.change(codeInput(), { target: { value: 'ABC0' } })
  await submit()
  expect(text('field-error-code')).toBe('绑定码应为8位字母和数字（不含 0、O、1、I）')
  expect(calls).toHaveLength(0)
  fireEvent.change(codeInput(), { target: { value: 'ABCD2' } })
  expect(text('field-error-code')).toBeNull()
})

test('a code the server refuses shows the server\'s own message on the field and keeps the person a resident', async () => {
  const fields = { code: '绑定码不正确或已失效，请核对后重试，或联系管理员重新生成' }
  setup(() => ({ ok: false, error: { code: 'NOT_FOUND', message: '绑定码不正确或已失效', fields } }))
  fireEvent.change(codeInput(), { target: { value: 'ABCD2345' } })
  await submit()
  expect(text('field-error-code')).toBe(fields.code)
  expect(text('bind-done')).toBeNull()
  expect(getUser()?.role).toBe('resident')
})

test('a refusal about no field (too many tries) is shown above the button', async () => {
  setup(() => ({ ok: false, error: { code: 'RATE_LIMITED', message: '尝试绑定过于频繁，请10分钟后再试', fields: {} } }))
  fireEvent.change(codeInput(), { target: { value: 'ABCD2345' } })
  await submit()
  expect(text('bind-error')).toBe('尝试绑定过于频繁，请10分钟后再试')
  expect(text('field-error-code')).toBeNull()
})

test('someone already on the staff is told so instead of being shown the form', () => {
  saveUser({ id: 'u_leader_1', name: '李秀英', role: 'grid_leader', roleName: '网格长' })
  setup(() => ok(ME))
  expect(text('bind-already')).toContain('您已是网格长（李秀英）')
  expect(codeInput()).toBeNull()
})
