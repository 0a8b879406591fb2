import './nutui'
import Taro from '@tarojs/taro'
import { act, fireEvent, render, waitFor } from '@testing-library/react'
import { DEFAULT_CATALOGUE } from '../../shared/catalogue'
import type { Role } from '../../shared/roles'
import { ROLE_NAMES } from '../../shared/roles'
import { setTransport } from '../../client/src/api/transport'
import { saveUser } from '../../client/src/api/session'
import ReportForm from '../../client/src/pages/report/ReportForm'
import DeclarePage from '../../client/src/declare/index'
import InboxPage from '../../client/src/worker/inbox/index'
import { forgetMapData } from '../../client/src/lib/mapData'
import { fakeTransport, ok } from './fakeTransport'
import { demoMapAnswer } from './map/fixtures'
import { el, tap, text } from './pageDom'
import { BUILDINGS, COMMUNITIES, ID_ONE, NEAR, declaration, pickRoom301, residence } from './declareFixtures'

// 代报 / 代申报: a volunteer or a grid's staff files for a resident who phoned or walked in,
// with the resident's name and phone; residents never see the switch.

const taro = Taro as unknown as Record<string, jest.Mock>
const { __resetStorage, __setRouterParams } = require('@tarojs/taro') as { __resetStorage: () => void; __setRouterParams: (p: Record<string, string>) => void }
const HERE = { lng: 114.057, lat: 22.543, accuracyM: 15 }
const routed = { reportId: 'rep-1', caseNumber: '2026112300007', expectedBy: null, gridId: 'g1', gridName: '第2网格', status: 'assigned',
  routing: { outcome: 'inside', gridId: 'g1', gridVersion: 1, mapGeneration: 1, neighbourGridIds: [], distanceM: 0, communityId: 'c1', streetId: 's1' } }
const PHONE_WRONG = '居民联系电话格式不正确：应为11位手机号（如 13912345678）、带区号的座机（如 0755-12345678）或港澳手机号（如 +852 51234567）'

const as = (role: Role, id = `u_${role}_1`) => saveUser({ id, name: '李志愿', role, roleName: ROLE_NAMES[role] })
const typeInto = (id: string, value: string) => fireEvent.change(el(id).tagName === 'INPUT' ? el(id) : el(id).querySelector('input')!, { target: { value } })

beforeEach(() => {
  __resetStorage()
  forgetMapData()
  __setRouterParams({})
  taro.getLocation.mockReset()
  taro.getLocation.mockResolvedValue({ longitude: HERE.lng, latitude: HERE.lat, accuracy: HERE.accuracyM })
  taro.chooseMedia.mockResolvedValue({ tempFiles: [{ tempFilePath: 'blob:photo-1' }] })
  taro.navigateTo.mockClear()
  taro.redirectTo.mockClear()
  taro.navigateBack.mockClear()
  taro.showModal.mockClear()
})

describe('代居民反映 on the report page', () => {
  async function renderForm(answers: Record<string, (p: any) => any>, startOnBehalf?: boolean) {
    const fake = fakeTransport((_fn, body) => {
      const map = demoMapAnswer(body.action, body.payload)
      if (map) return map
      if (body.action === 'nearbyReports') return ok([])
      const a = answers[body.action]
      return a ? a(body.payload) : { ok: false, error: { code: 'FORBIDDEN', message: '无权操作' } }
    })
    setTransport(fake.transport)
    const onSubmitted = jest.fn()
    render(<ReportForm catalogue={DEFAULT_CATALOGUE} onSubmitted={onSubmitted} startOnBehalf={startOnBehalf} />)
    await waitFor(() => expect(text('location-place')).toBe('该位置属于 莲花一村社区 · 第2网格'))
    const sent = (action: string) => fake.calls.filter((c) => c.body.action === action).map((c) => c.body.payload as any)
    return { ...fake, sent, onSubmitted }
  }
  async function fillReport(fake: { uploads: { resolve: (id: string) => void }[] }) {
    await act(async () => { fireEvent.click(el('report-add-photo')) })
    await act(async () => { fake.uploads[0].resolve('file-1') })
    fireEvent.click(el('category-garbage'))
    fireEvent.change(document.querySelector('#report-description textarea')!, { target: { value: '东门垃圾三天没人清运' } })
  }

  test('a resident sees no switch and sends submitReport', async () => {
    as('resident')
    const fake = await renderForm({ submitReport: () => ok(routed) })
    expect(document.getElementById('report-on-behalf')).toBeNull()
    expect(document.getElementById('report-on-behalf-name')).toBeNull()
    await fillReport(fake)
    await tap('report-submit')
    expect(fake.sent('submitReport')).toHaveLength(1)
    expect(fake.sent('reportOnBehalf')).toHaveLength(0)
  })

  test('a volunteer switches it on and the report goes to reportOnBehalf with the resident\'s name and phone', async () => {
    as('volunteer')
    const fake = await renderForm({ reportOnBehalf: () => ok(routed), submitReport: () => ok(routed) })
    expect(text('report-on-behalf')).toBe('代居民反映：已关闭（点此打开）')
    expect(el('report-on-behalf').getAttribute('aria-checked')).toBe('false')
    expect(document.getElementById('report-on-behalf-name')).toBeNull()
    await tap('report-on-behalf')
    expect(text('report-on-behalf')).toBe('代居民反映：已打开（点此关闭）')
    await fillReport(fake)
    typeInto('report-on-behalf-name', ' 张明 ')
    typeInto('report-on-behalf-phone', '138 1234 5678')
    await tap('report-submit')
    expect(fake.sent('submitReport')).toHaveLength(0)
    const [payload] = fake.sent('reportOnBehalf')
    expect(payload).toMatchObject({ category: 'garbage', description: '东门垃圾三天没人清运', photos: ['file-1'], location: HERE, onBehalf: { name: '张明', phone: '138 1234 5678' } })
    expect(fake.calls.find((c) => c.body.action === 'reportOnBehalf')!.body.requestId).toMatch(/^[A-Za-z0-9_-]{8,64}$/)
    expect(fake.onSubmitted).toHaveBeenCalledWith(routed)
  })

  test('the phone checks the two fields first, in the server\'s words, and sends nothing', async () => {
    as('volunteer')
    const fake = await renderForm({ reportOnBehalf: () => ok(routed) }, true)
    await fillReport(fake)
    await tap('report-submit')
    expect(text('field-error-onBehalfName')).toBe('请填写代报居民的姓名')
    expect(text('field-error-onBehalfPhone')).toBe('请填写居民联系电话')
    typeInto('report-on-behalf-phone', '12345')
    expect(text('field-error-onBehalfPhone')).toBeNull()
    await tap('report-submit')
    expect(text('field-error-onBehalfPhone')).toBe(PHONE_WRONG)
    expect(fake.sent('reportOnBehalf')).toHaveLength(0)
  })

  test('the server\'s message on onBehalf.phone lands under 居民联系电话', async () => {
    as('volunteer')
    const message = '居民联系电话不能是您本人的电话'
    const fake = await renderForm({ reportOnBehalf: () => ({ ok: false, error: { code: 'VALIDATION', message, fields: { 'onBehalf.phone': message } } }) }, true)
    await fillReport(fake)
    typeInto('report-on-behalf-name', '张明')
    typeInto('report-on-behalf-phone', '13812345678')
    await tap('report-submit')
    expect(text('field-error-onBehalfPhone')).toBe(message)
    expect(text('field-error-onBehalfName')).toBeNull()
    expect(el('report-on-behalf-phone').className).toContain('gl-invalid')
    expect(fake.onSubmitted).not.toHaveBeenCalled()
  })

  test('a grid worker files only for residents: the fields are there at once, with no switch to turn off', async () => {
    as('grid_worker')
    const fake = await renderForm({ reportOnBehalf: () => ok(routed) })
    expect(el('report-on-behalf').getAttribute('role')).toBeNull()
    expect(text('report-on-behalf')).toContain('代居民反映')
    await fillReport(fake)
    typeInto('report-on-behalf-name', '王阿姨')
    typeInto('report-on-behalf-phone', '0755-12345678')
    await tap('report-submit')
    expect(fake.sent('reportOnBehalf')[0].onBehalf).toEqual({ name: '王阿姨', phone: '0755-12345678' })
  })

  test('the draft keeps the resident\'s name and phone with the rest', async () => {
    as('volunteer', 'u_volunteer_1')
    await renderForm({}, true)
    typeInto('report-on-behalf-name', '张明')
    await act(async () => { await new Promise((r) => setTimeout(r, 600)) })
    expect((Taro.getStorageSync('gl.report.draft.u_volunteer_1') as any).fill.onBehalf).toEqual({ name: '张明', phone: '' })
  })
})

test('the worker inbox offers 代居民反映问题, opening the report page with the switch on', async () => {
  as('grid_worker')
  setTransport(fakeTransport(() => ok({ items: [], nextCursor: null })).transport)
  render(<InboxPage />)
  await tap('inbox-go-report-on-behalf')
  expect(taro.navigateTo).toHaveBeenCalledWith({ url: '/pages/report/index?onBehalf=1' })
})

describe('代居民申报 in the declaration form', () => {
  async function open(answers: Record<string, any> = {}) {
    const fake = fakeTransport((_fn, body) => {
      const a = answers[body.action] ?? { listCommunities: ok(COMMUNITIES), listBuildings: ok(BUILDINGS), myResidence: ok(residence()), nearBuildings: ok(NEAR) }[body.action]
      return a ?? { ok: false, error: { code: 'NOT_FOUND', message: '记录不存在或已删除' } }
    })
    setTransport(fake.transport)
    render(<DeclarePage />)
    await waitFor(() => expect(document.getElementById('declare-form') ?? document.getElementById('declare-staff')).not.toBeNull())
    const sent = (action: string) => fake.calls.filter((c) => c.body.action === action).map((c) => c.body.payload as any)
    return { ...fake, sent }
  }
  async function fillDeclaration() {
    await pickRoom301()
    fireEvent.click(el('declare-standing-owner'))
    typeInto('declare-p0-name', '王阿姨')
    typeInto('declare-p0-idNumber', ID_ONE)
    fireEvent.change(el('declare-p0-moveInDate').querySelector('input')!, { target: { value: '2020-05-01' } })
    await tap('declare-agree')
  }

  test('a resident sees no switch', async () => {
    as('resident')
    await open()
    expect(document.getElementById('declare-on-behalf')).toBeNull()
  })

  test('a volunteer switches it on: declareOnBehalf with the declaration and the resident, then back to where they came from', async () => {
    as('volunteer')
    const fake = await open({ declareOnBehalf: ok(declaration({ id: 'dcl_ob' })) })
    expect(text('declare-on-behalf')).toBe('代居民申报：已关闭（点此打开）')
    await tap('declare-on-behalf')
    await fillDeclaration()
    typeInto('declare-on-behalf-name', '王阿姨')
    typeInto('declare-on-behalf-phone', '13812345678')
    await tap('declare-submit')
    expect(fake.sent('declareResidence')).toHaveLength(0)
    const [payload] = fake.sent('declareOnBehalf')
    expect(payload).toMatchObject({ roomId: 'b-3.r301', standing: 'owner', onBehalf: { name: '王阿姨', phone: '13812345678' } })
    expect(payload.persons[0]).toMatchObject({ name: '王阿姨', document: { idNumber: ID_ONE } })
    await waitFor(() => expect(taro.navigateBack).toHaveBeenCalled())
    expect(taro.showModal).toHaveBeenCalledWith(expect.objectContaining({ title: '已代居民提交' }))
    // not the volunteer's own household
    expect(taro.redirectTo).not.toHaveBeenCalled()
    expect(Taro.getStorageSync('gl.declared.u_volunteer_1')).toBe('')
  })

  test('the server\'s message on onBehalf.phone lands under 居民联系电话', async () => {
    as('volunteer')
    const message = '居民联系电话格式不正确，请核对'
    await open({ declareOnBehalf: { ok: false, error: { code: 'VALIDATION', message, fields: { 'onBehalf.phone': message } } } })
    await tap('declare-on-behalf')
    await fillDeclaration()
    typeInto('declare-on-behalf-name', '王阿姨')
    typeInto('declare-on-behalf-phone', '13812345678')
    await tap('declare-submit')
    expect(text('field-error-onBehalfPhone')).toBe(message)
  })

  test('a grid worker gets the form, always on behalf; an office account still gets the notice', async () => {
    as('grid_worker')
    await open()
    expect(document.getElementById('declare-staff')).toBeNull()
    expect(document.getElementById('declare-on-behalf-name')).not.toBeNull()
    expect(document.getElementById('declare-go-household')).toBeNull()
    document.body.innerHTML = ''
    as('community_dispatcher')
    await open()
    expect(document.getElementById('declare-staff')).not.toBeNull()
    expect(document.getElementById('declare-form')).toBeNull()
  })
})
