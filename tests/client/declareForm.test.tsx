import './nutui'
import Taro from '@tarojs/taro'
import { fireEvent, render, waitFor } from '@testing-library/react'
import type { ApiResponse } from '../../shared/schemas/envelope'
import { setTransport } from '../../client/src/api/transport'
import { saveUser } from '../../client/src/api/session'
import DeclarePage from '../../client/src/declare/index'
import { forgetMapData } from '../../client/src/lib/mapData'
import { fakeTransport, ok } from './fakeTransport'
import { el, tap, text } from './pageDom'
import { BUILDINGS, COMMUNITIES, ID_BAD_CHECK, ID_ONE, ID_TWO, NEAR, declaration, pickRoom301, residence } from './declareFixtures'

const taro = Taro as unknown as Record<string, jest.Mock>
const { __setRouterParams, __resetStorage } = require('@tarojs/taro') as { __setRouterParams: (p: Record<string, string>) => void; __resetStorage: () => void }

type Answer = ApiResponse<unknown> | (() => ApiResponse<unknown>)
const input = (id: string) => el(id).querySelector('input') as HTMLInputElement
const type = (id: string, value: string) => fireEvent.change(input(id), { target: { value } })
const sent = (calls: ReturnType<typeof fakeTransport>['calls'], action: string) => calls.filter((c) => c.body.action === action)

/** The page with the functions answering `answers[action]`; reads of the registry always answer. */
async function open(params: Record<string, string> = {}, answers: Record<string, Answer> = {}) {
  __setRouterParams(params)
  const fake = fakeTransport((_fn, body) => {
    const a = answers[body.action] ?? { listCommunities: ok(COMMUNITIES), listBuildings: ok(BUILDINGS), myResidence: ok(residence()), nearBuildings: ok(NEAR) }[body.action]
    if (!a) return { ok: false, error: { code: 'NOT_FOUND', message: '记录不存在或已删除' } }
    return typeof a === 'function' ? a() : a
  })
  setTransport(fake.transport)
  const view = render(<DeclarePage />)
  await waitFor(() => expect(document.getElementById('declare-form') ?? document.getElementById('declare-closed')).not.toBeNull())
  return { ...fake, view }
}


function fillPerson(i: number, p: { name: string; id: string; phone?: string; relation?: string; date: string }) {
  type(`declare-p${i}-name`, p.name)
  type(`declare-p${i}-idNumber`, p.id)
  if (p.phone) type(`declare-p${i}-phone`, p.phone)
  if (p.relation) fireEvent.click(el(`declare-p${i}-rel-${p.relation}`))
  fireEvent.change(el(`declare-p${i}-moveInDate`).querySelector('input')!, { target: { value: p.date } })
}

const agree = () => tap('declare-agree')
const submit = () => tap('declare-submit')

beforeEach(() => {
  __resetStorage()
  forgetMapData()
  saveUser({ id: 'u_resident_1', name: '张明', role: 'resident', roleName: '居民' })
  taro.redirectTo.mockClear()
  taro.navigateTo.mockClear()
  taro.showModal.mockClear()
  taro.getLocation.mockReset()
})

test('an empty submit shows the shared schema\'s message under each field and sends nothing', async () => {
  const { calls } = await open()
  await agree()
  await submit()
  expect(text('field-error-roomId')).toBe('请选择房号')
  expect(text('field-error-standing')).toBe('请选择您与该房屋的关系')
  expect(text('field-error-persons-0-name')).toBe('请填写姓名')
  expect(text('field-error-persons-0-idNumber')).toBe('请填写证件号码')
  expect(text('field-error-persons-0-relation')).toBe('请选择与户主关系')
  expect(text('field-error-persons-0-moveInDate')).toBe('请选择入住日期')
  expect(text('field-error-persons-0-phone')).toBeNull() // a phone may be left out
  expect(text('declare-form-error')).toBe('请按红字提示修改后再提交')
  expect(sent(calls, 'declareResidence')).toHaveLength(0)
  // a field's message goes once it is changed
  type('declare-p0-name', '张明')
  expect(text('field-error-persons-0-name')).toBeNull()
  expect(text('field-error-persons-0-idNumber')).not.toBeNull()
})

test('the form\'s 请按红字提示修改 stays while a red message is left and goes with the last one', async () => {
  await open()
  await agree()
  await submit()
  expect(text('declare-form-error')).toBe('请按红字提示修改后再提交')
  await pickRoom301()
  fireEvent.click(el('declare-standing-owner'))
  type('declare-p0-name', '张明')
  type('declare-p0-idNumber', ID_ONE)
  expect(text('field-error-persons-0-moveInDate')).toBe('请选择入住日期')
  expect(text('declare-form-error')).toBe('请按红字提示修改后再提交')
  fireEvent.change(el('declare-p0-moveInDate').querySelector('input')!, { target: { value: '2020-05-01' } })
  expect(document.querySelectorAll('.field-error')).toHaveLength(0)
  expect(text('declare-form-error')).toBeNull()
})

test('the picked move-in day is also said in words, whatever the browser shows in the box', async () => {
  await open()
  expect(text('declare-p0-moveInDate-words')).toBeNull()
  fireEvent.change(el('declare-p0-moveInDate').querySelector('input')!, { target: { value: '2019-09-01' } })
  expect(text('declare-p0-moveInDate-words')).toBe('已选：2019年9月1日')
})

test('第2步 asks its question once: the choices keep it for screen readers only', async () => {
  await open()
  const step = Array.from(document.querySelectorAll('.declare-step')).find((e) => e.textContent!.startsWith('第2步'))!
  expect(step.textContent).toBe('第2步 · 您与该房屋的关系')
  expect(el('declare-standing').querySelector('.gl-label')).toBeNull()
  expect(el('declare-standing').getAttribute('aria-label')).toBe('您与该房屋的关系')
  expect(el('declare-standing').textContent).not.toContain('您与该房屋的关系')
})

test('without the consent ticked the submit is disabled, says why, and sends nothing', async () => {
  const { calls } = await open()
  await pickRoom301()
  fireEvent.click(el('declare-standing-owner'))
  fillPerson(0, { name: '张明', id: ID_ONE, date: '2020-05-01' })
  expect(text('declare-submit-hint')).toBe('请先阅读告知书，并勾选“我已阅读并同意”，再提交。')
  await submit()
  expect(sent(calls, 'declareResidence')).toHaveLength(0)
  expect(text('declare-consent-version')).toBe('版本：2026-12-02')
  await agree()
  expect(text('declare-submit-hint')).toBeNull()
  expect(el('declare-agree').getAttribute('aria-checked')).toBe('true')
})

test('a wrong ID check digit gets the shared schema\'s message under that person\'s number', async () => {
  const { calls } = await open()
  await agree()
  type('declare-p0-idNumber', ID_BAD_CHECK)
  await submit()
  expect(text('field-error-persons-0-idNumber')).toBe('证件号码校验位（最后一位）与前17位不符，可能有数字输错，请逐位核对')
  expect(sent(calls, 'declareResidence')).toHaveLength(0)
})

test('an owner\'s first person is 本人 by default, and a complete form is sent once with the room, people and consent version', async () => {
  const done = declaration({ id: 'dcl_new' })
  const { calls } = await open({}, { declareResidence: ok(done) })
  await pickRoom301()
  expect(text('declare-address')).toContain('莲花一村社区 3栋2单元301')
  fireEvent.click(el('declare-standing-owner'))
  expect(text('declare-p0-rel-self')).toBe('✓ 本人')
  fillPerson(0, { name: '张明', id: ID_ONE.toLowerCase(), phone: '139 1234 5678', date: '2020-05-01' })
  await tap('declare-add-person')
  fillPerson(1, { name: '张小雨', id: ID_TWO, relation: 'child', date: '2021-09-01' })
  await agree()
  await submit()
  const [call] = sent(calls, 'declareResidence')
  expect(call.body.requestId).toMatch(/^[A-Za-z0-9_-]{8,64}$/)
  expect(call.body.payload).toEqual({
    roomId: 'b-3.r301', standing: 'owner', consentVersion: '2026-12-02',
    persons: [
      { name: '张明', document: { idKind: 'resident', idNumber: ID_ONE }, phone: '13912345678', relation: 'self', moveInDate: '2020-05-01' },
      { name: '张小雨', document: { idKind: 'resident', idNumber: ID_TWO }, relation: 'child', moveInDate: '2021-09-01' },
    ],
  })
  expect(taro.redirectTo).toHaveBeenCalledWith({ url: '/declare/household?done=dcl_new' })
  expect(Taro.getStorageSync('gl.declare.draft.u_resident_1.new')).toBe('')
  expect(Taro.getStorageSync('gl.declared.u_resident_1')).toBe(true)
})

async function fillTwoPeople() {
  await pickRoom301()
  fireEvent.click(el('declare-standing-owner'))
  fillPerson(0, { name: '张明', id: ID_ONE, date: '2020-05-01' })
  await tap('declare-add-person')
  fillPerson(1, { name: '张小雨', id: ID_TWO, relation: 'child', date: '2021-09-01' })
  await agree()
}

test('a server VALIDATION on persons.1.document.idNumber lands under the second person\'s number', async () => {
  const message = '证件号码与第1位居住人重复，请核对'
  await open({}, { declareResidence: { ok: false, error: { code: 'VALIDATION', message, fields: { 'persons.1.document.idNumber': message } } } })
  await fillTwoPeople()
  await submit()
  expect(text('field-error-persons-1-idNumber')).toBe(message)
  expect(text('field-error-persons-0-idNumber')).toBeNull()
  expect(document.getElementById('declare-person-1')!.contains(el('field-error-persons-1-idNumber'))).toBe(true)
})

test('a CONFLICT shows the server\'s message prominently, and its field under the person', async () => {
  const message = '该证件号码已登记在本户（张*明，已核验）'
  await open({}, { declareResidence: { ok: false, error: { code: 'CONFLICT', message, fields: { 'persons.0.document.idNumber': message } } } })
  await fillTwoPeople()
  await submit()
  expect(text('declare-conflict')).toContain(message)
  expect(el('declare-conflict').getAttribute('role')).toBe('alert')
  expect(text('field-error-persons-0-idNumber')).toBe(message)
  expect(taro.redirectTo).not.toHaveBeenCalled()
})

test('a retry after a lost answer, even after the page was closed and opened again, sends the same requestId', async () => {
  let attempt = 0
  const answers = { declareResidence: () => { attempt += 1; if (attempt < 3) throw new Error('request:fail timeout'); return ok(declaration()) } }
  const first = await open({}, answers)
  await fillTwoPeople()
  await submit()
  expect(text('declare-form-error')).toContain('不会重复提交')
  await submit()
  first.view.unmount()
  const second = await open({}, answers)
  await agree()
  await submit()
  const ids = [...sent(first.calls, 'declareResidence'), ...sent(second.calls, 'declareResidence')].map((c) => c.body.requestId)
  expect(ids).toHaveLength(3)
  expect(new Set(ids).size).toBe(1)
  expect(taro.redirectTo).toHaveBeenCalledTimes(1)
})

test('content changed after a send that got no answer goes as a new request, so the change is not lost to the first copy', async () => {
  let attempt = 0
  const { calls } = await open({}, { declareResidence: () => { attempt += 1; if (attempt === 1) throw new Error('request:fail timeout'); return ok(declaration()) } })
  await fillTwoPeople()
  await submit()
  type('declare-p1-phone', '13800001111')
  await submit()
  const [first, second] = sent(calls, 'declareResidence')
  expect(second.body.requestId).not.toBe(first.body.requestId)
  expect((second.body.payload as { persons: { phone?: string }[] }).persons[1].phone).toBe('13800001111')
})

test('the draft is restored when the page opens again, and 清空 removes it', async () => {
  const first = await open()
  await pickRoom301()
  fireEvent.click(el('declare-standing-tenant'))
  fillPerson(0, { name: '张明', id: ID_ONE, date: '2020-05-01' })
  expect(text('declare-draft-note')).toContain('草稿仅保存在本机')
  expect(text('declare-draft')).toBeNull()
  first.view.unmount()

  await open()
  expect(text('declare-draft')).toContain('继续上次未提交的申报')
  expect(text('declare-address')).toContain('3栋2单元301')
  expect(text('declare-standing-tenant')).toBe('✓ 租户')
  expect(input('declare-p0-name').value).toBe('张明')
  expect(input('declare-p0-idNumber').value).toBe(ID_ONE)
  expect(text('declare-p0-rel-self')).toBe('✓ 本人')
  // consent is given when sending, never kept
  expect(el('declare-agree').getAttribute('aria-checked')).toBe('false')

  await tap('declare-draft-clear')
  expect(taro.showModal).toHaveBeenCalledWith(expect.objectContaining({ title: '清空重填', confirmText: '全部清空', cancelText: '保留内容', confirmColor: '#1d5fd6' }))
  expect(input('declare-p0-name').value).toBe('')
  expect(text('declare-draft')).toBeNull()
  expect(Taro.getStorageSync('gl.declare.draft.u_resident_1.new')).toBe('')
})

test('?amend answers a request for more: the reason on top, numbers typed again, amendDeclaration sent with the version', async () => {
  const { calls } = await open({ amend: 'dcl_more' }, { amendDeclaration: ok(declaration({ id: 'dcl_more', version: 4 })) })
  expect(text('declare-reason')).toContain('请补充孩子的证件号码，核对后再提交')
  expect(text('declare-retype')).toContain('请为每位居住人重新填写完整的证件号码')
  expect(text('declare-address')).toContain('3栋2单元301')
  expect(document.getElementById('declare-address-change')).toBeNull() // the room of an answer stays
  expect(input('declare-p1-name').value).toBe('张小雨')
  expect(input('declare-p1-idNumber').value).toBe('')
  expect(text('declare-person-1')).toContain('原填写：4403**********0021')
  type('declare-p0-idNumber', ID_ONE)
  type('declare-p1-idNumber', ID_TWO)
  await agree()
  await submit()
  const [call] = sent(calls, 'amendDeclaration')
  expect(call.body.requestId).toBeUndefined()
  expect(call.body.payload).toEqual({
    declarationId: 'dcl_more', version: 3, standing: 'owner', consentVersion: '2026-12-02',
    persons: [
      { name: '张明', document: { idKind: 'resident', idNumber: ID_ONE }, relation: 'self', moveInDate: '2020-05-01' },
      { name: '张小雨', document: { idKind: 'resident', idNumber: ID_TWO }, relation: 'child', moveInDate: '2021-09-01' },
    ],
  })
  expect(sent(calls, 'declareResidence')).toHaveLength(0)
  expect(taro.redirectTo).toHaveBeenCalledWith({ url: '/declare/household?done=dcl_more' })
})

test('?amend of a declaration already checked says so and shows no form', async () => {
  await open({ amend: 'dcl_1' }, { myResidence: ok(residence({ declarations: [declaration({ status: 'verified', statusName: '已核验' })] })) })
  expect(text('declare-closed')).toBe('这份申报已核验，不能再补充或修改。')
  expect(document.getElementById('declare-form')).toBeNull()
})

test('?roomId prefills the household\'s address for adding a person', async () => {
  await open({ roomId: 'b-3.r301' })
  expect(text('declare-address')).toContain('莲花一村社区 3栋2单元301')
  expect(document.getElementById('declare-address-change')).not.toBeNull()
})

test('a refused location says so and the lists stay; a located phone offers the nearest buildings', async () => {
  taro.getLocation.mockRejectedValueOnce({ errMsg: 'getLocation:fail auth deny' })
  const { calls } = await open()
  await tap('declare-near')
  expect(text('declare-near-denied')).toContain('没有取得您的位置')
  await waitFor(() => el('declare-community-c-lianhua1'))
  expect(sent(calls, 'nearBuildings')).toHaveLength(0)

  taro.getLocation.mockResolvedValueOnce({ longitude: 114.0575, latitude: 22.5411, accuracy: 20 })
  await tap('declare-near')
  await waitFor(() => el('declare-near-0'))
  expect(sent(calls, 'nearBuildings')[0].body.payload).toEqual({ location: { lng: 114.0575, lat: 22.5411 } })
  expect(text('declare-near-0')).toBe('莲花一村社区 5栋（约42米）')
  await tap('declare-near-0')
  // a building without units goes straight to its rooms
  await tap('declare-room-1')
  expect(text('declare-address')).toContain('莲花一村社区 5栋1')
})
