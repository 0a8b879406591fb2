import './nutui'
import Taro from '@tarojs/taro'
import { act, fireEvent, render, waitFor } from '@testing-library/react'
import type { PersonView, ResidentView, VerificationDetail } from '../../shared/api'
import type { ApiResponse } from '../../shared/schemas/envelope'
import { setTransport } from '../../client/src/api/transport'
import VerifyPage from '../../client/src/worker/verify/index'
import WorkerTags from '../../client/src/worker/verify/DeclarationTags'
import ResidentTags from '../../client/src/declare/DeclarationTags'
import { DECLARATION_KINDS, DECLARATION_STATUSES } from '../../shared/declarations/words'
import { fakeTransport, ok } from './fakeTransport'

const { __setRouterParams } = require('@tarojs/taro') as { __setRouterParams: (params: Record<string, string>) => void }
const taro = Taro as unknown as Record<string, jest.Mock>

const NOW = Date.now()
const HOUR = 3600_000
const person = (id: string, name: string, over: Partial<PersonView> = {}): PersonView => ({
  id, name, idKindName: '居民身份证', idNumberMasked: '3101**********123X', phoneMasked: '138****5678', relation: 'self', relationName: '本人', moveInDate: '2026-10-01', ...over,
})
const resident = (id: string, name: string): ResidentView => ({
  ...person(id, name, { relation: 'spouse', relationName: '配偶', idNumberMasked: '3101**********4321' }),
  roomId: 'room-301', addressLabel: '3栋2单元301', buildingId: 'b-3', standingName: '业主（房屋所有人）', verifiedAt: NOW - 100 * 24 * HOUR, movedOut: null,
})
const ZHANG = person('p-1', '张明')
const XIAO = person('p-2', '张小明', { relation: 'child', relationName: '子女', phoneMasked: null, idNumberMasked: '3101**********0011' })
const detail = (over: Partial<VerificationDetail> = {}): VerificationDetail => ({
  id: 'd-1', kind: 'move_in', kindName: '居住登记', roomId: 'room-301', addressLabel: '3栋2单元301', communityName: '莲花一村社区', gridName: '莲花一村第1网格',
  standing: 'owner', standingName: '业主（房屋所有人）', persons: [ZHANG, XIAO], status: 'pending', statusName: '待核查', review: null,
  dueAt: NOW + 5 * HOUR, overdue: false,
  history: [{ at: NOW - HOUR, actorName: '张明', actionName: '提交申报' }],
  consentVersion: '2026-11', version: 3, createdAt: NOW - HOUR, updatedAt: NOW - HOUR,
  declarant: { name: '张明', phoneMasked: '139****0000' },
  roomResidents: [resident('r-1', '李芳')],
  duplicates: [{ personId: 'p-2', addressLabel: '莲花一村社区5栋101', gridName: '莲花一村第2网格', statusName: '已核验' }],
  canReveal: true,
  onBehalf: null,
  ...over,
})

const byId = (id: string) => document.getElementById(id)
const textOf = (id: string) => byId(id)?.textContent ?? null
const click = async (el: Element) => { await act(async () => { fireEvent.click(el) }) }
const personEl = (id: string) => document.querySelector(`[data-person-id=${id}]`) as HTMLElement
const revealButton = (personId: string, field: string) => personEl(personId).querySelector(`[data-field=${field}] [data-action=reveal]`) as HTMLElement | null
const type = (selector: string, value: string) => fireEvent.change(document.querySelector(`${selector} textarea`)!, { target: { value } })

async function setup(first: VerificationDetail, handler: (action: string, payload: any) => ApiResponse<unknown> = () => ok({})) {
  let current = first
  const fake = fakeTransport((_fn, body) => (body.action === 'getVerification' ? ok(current) : handler(body.action, body.payload)))
  setTransport(fake.transport)
  __setRouterParams({ id: first.id })
  render(<VerifyPage />)
  await waitFor(() => expect(byId('verify-status')).not.toBeNull())
  const sent = (action: string) => fake.calls.filter((c) => c.body.action === action).map((c) => c.body.payload)
  return { ...fake, sent, setCurrent: (d: VerificationDetail) => { current = d } }
}

test('the page shows the address, the declarant masked, each person masked and the duplicate at another address in words', async () => {
  const { sent } = await setup(detail({ gridName: '莲花一村社区第1网格' }))
  expect(sent('getVerification')).toEqual([{ declarationId: 'd-1' }])
  expect(textOf('verify-status')).toBe('状态：待核查')
  const page = byId('page-verify')!.textContent!
  expect(page).toContain('3栋2单元301')
  // the grid beside its community without saying the community twice
  expect(page).toContain('莲花一村社区 · 第1网格')
  expect(page).not.toContain('莲花一村社区 · 莲花一村社区')
  expect(textOf('verify-declarant')).toBe('申报人：张明，联系电话 139****0000，业主（房屋所有人）')
  expect(personEl('p-1').textContent).toContain('3101**********123X')
  expect(personEl('p-1').textContent).toContain('138****5678')
  expect(personEl('p-2').textContent).toContain('张小明（子女）')
  expect(personEl('p-2').querySelector('[data-field=phone]')!.textContent).toBe('联系电话未填写')
  expect(personEl('p-2').querySelector('[data-field=duplicate]')!.textContent).toBe('该证件号码也登记在 莲花一村社区5栋101（莲花一村第2网格，已核验）')
  expect(personEl('p-1').querySelector('[data-field=duplicate]')).toBeNull()
  expect(textOf('verify-room')).toContain('本户已登记的实有人口（1 人）')
  expect(textOf('verify-room')).toContain('李芳（配偶）')
  expect(textOf('verify-history')).toContain('提交申报')
  // no unmasked number anywhere before a reveal
  expect(document.querySelectorAll('[data-whole=yes]')).toHaveLength(0)
})

test('查看完整号码 asks for a reason first and says the reading is audited; without one nothing is sent', async () => {
  const { sent } = await setup(detail())
  await click(revealButton('p-1', 'idNumber')!)
  expect(textOf('reveal-explain')).toContain('查看将记入审计日志')
  await click(byId('reveal-submit')!)
  expect(textOf('field-error-revealReason')).toBe('请写明查看理由（至少2个字）')
  type('#reveal-revealReason', '核')
  await click(byId('reveal-submit')!)
  expect(textOf('field-error-revealReason')).toBe('请写明查看理由（至少2个字）')
  expect(sent('revealPersonField')).toHaveLength(0)
})

test('with a reason the number is asked for and shown in place of the mask, that field only', async () => {
  const { sent } = await setup(detail(), (action, p) =>
    action === 'revealPersonField' ? ok({ personId: p.personId, field: p.field, value: '31010519900307123X', auditId: 'a-1' }) : ok({}))
  await click(revealButton('p-1', 'idNumber')!)
  type('#reveal-revealReason', '  上门核对证件原件  ')
  await click(byId('reveal-submit')!)
  expect(sent('revealPersonField')).toEqual([{ declarationId: 'd-1', personId: 'p-1', field: 'idNumber', reason: '上门核对证件原件' }])
  expect(byId('reveal-dialog')).toBeNull()
  const field = personEl('p-1').querySelector('[data-field=idNumber]')!
  expect(field.querySelector('[data-whole=yes]')!.textContent).toBe('31010519900307123X')
  expect(field.textContent).toContain('已记入审计日志')
  expect(revealButton('p-1', 'idNumber')).toBeNull()
  // only that field of that person: the phone and the other person stay masked
  expect(personEl('p-1').querySelector('[data-field=phone] [data-whole=no]')!.textContent).toBe('138****5678')
  expect(revealButton('p-2', 'idNumber')).not.toBeNull()
})

test('a refused reveal shows the server message in the dialog and no number', async () => {
  await setup(detail(), () => ({ ok: false, error: { code: 'VALIDATION', message: '只有核查中的申报可查看完整号码' } }))
  await click(revealButton('p-1', 'phone')!)
  type('#reveal-revealReason', '电话联系核实')
  await click(byId('reveal-submit')!)
  expect(textOf('reveal-form-error')).toBe('只有核查中的申报可查看完整号码')
  expect(document.querySelectorAll('[data-whole=yes]')).toHaveLength(0)
})

test('a declaration that is no longer open offers no reveal', async () => {
  await setup(detail({ canReveal: false, status: 'verified', statusName: '已核验', dueAt: null,
    review: { decisionName: '核验通过', byName: '王建国', at: NOW - HOUR } }))
  expect(document.querySelectorAll('[data-action=reveal]')).toHaveLength(0)
  expect(byId('review-form')).toBeNull()
  expect(textOf('verify-review')).toContain('核查结果：核验通过')
})

test('不予通过 without a reason shows the field message and sends nothing; with one it sends the reason and the version', async () => {
  const { sent } = await setup(detail(), (action, p) =>
    action === 'reviewDeclaration' ? ok(detail({ status: 'rejected', statusName: '未通过', canReveal: false, dueAt: null, review: { decisionName: '不予通过', reason: p.reason, byName: '王建国', at: NOW }, version: 4 })) : ok({}))
  await click(byId('review-reject')!)
  await click(byId('review-submit')!)
  expect(textOf('field-error-reason')).toBe('请写明不予通过的原因')
  expect(sent('reviewDeclaration')).toHaveLength(0)
  type('#review-reason', '该房屋已出售')
  await click(byId('review-submit')!)
  expect(sent('reviewDeclaration')).toEqual([{ declarationId: 'd-1', version: 3, decision: 'reject', reason: '该房屋已出售' }])
  expect(textOf('verify-status')).toBe('状态：未通过')
  expect(textOf('verify-review')).toContain('原因：该房屋已出售')
})

test('请补充信息 also needs a reason', async () => {
  const { sent } = await setup(detail())
  await click(byId('review-ask-more')!)
  await click(byId('review-submit')!)
  expect(textOf('field-error-reason')).toBe('请写明需要补充的信息')
  expect(sent('reviewDeclaration')).toHaveLength(0)
})

test('核验通过 asks first, sends the version, and the page then says 已核验 and offers no more reveals', async () => {
  const verified = detail({ status: 'verified', statusName: '已核验', canReveal: false, dueAt: null, version: 4, review: { decisionName: '核验通过', byName: '王建国', at: NOW } })
  const { sent } = await setup(detail(), (action) => (action === 'reviewDeclaration' ? ok(verified) : ok({})))
  taro.showModal.mockResolvedValueOnce({ confirm: false })
  await click(byId('review-approve')!)
  expect(taro.showModal).toHaveBeenLastCalledWith(expect.objectContaining({
    title: '核验通过', content: expect.stringContaining('2 人将登记为 3栋2单元301 的实有人口'), confirmText: '核验通过', cancelText: '返回核对', confirmColor: '#1d5fd6',
  }))
  expect(sent('reviewDeclaration')).toHaveLength(0)
  await click(byId('review-approve')!)
  expect(sent('reviewDeclaration')).toEqual([{ declarationId: 'd-1', version: 3, decision: 'approve' }])
  expect(textOf('verify-status')).toBe('状态：已核验')
  expect(document.querySelector('[data-status=verified]')!.textContent).toBe('已核验')
  expect(textOf('verify-notice')).toBe('已核验通过，居民会收到通知')
  expect(byId('review-form')).toBeNull()
  expect(document.querySelectorAll('[data-action=reveal]')).toHaveLength(0)
})

test('a CONFLICT says what happened and shows the declaration as it is now', async () => {
  const { sent, setCurrent } = await setup(detail(), () => ({ ok: false, error: { code: 'CONFLICT', message: '该申报刚被其他工作人员处理，已为您刷新' } }))
  setCurrent(detail({ status: 'verified', statusName: '已核验', canReveal: false, dueAt: null, version: 4, review: { decisionName: '核验通过', byName: '李秀英', at: NOW } }))
  await click(byId('review-approve')!)
  await waitFor(() => expect(textOf('verify-status')).toBe('状态：已核验'))
  expect(textOf('verify-notice')).toBe('该申报刚被其他工作人员处理，已为您刷新')
  expect(sent('getVerification')).toHaveLength(2)
  expect(textOf('verify-review')).toContain('李秀英')
})

test('a move-out says 迁出注销, lists those leaving and marks them among the household', async () => {
  const leaving = resident('r-1', '李芳')
  await setup(detail({ kind: 'move_out', kindName: '迁出注销', moveOutDate: '2026-11-20', persons: [leaving], duplicates: [], roomResidents: [leaving, resident('r-2', '张明')] }))
  expect(document.querySelector('[data-kind=move_out]')!.textContent).toBe('迁出注销')
  expect(textOf('verify-persons')).toContain('迁出的住户（1 人）')
  expect(byId('page-verify')!.textContent).toContain('迁出日期 2026-11-20')
  const rows = Array.from(byId('verify-room')!.querySelectorAll('[data-resident-id]')).map((r) => r.querySelector('.resident-name')!.textContent)
  expect(rows).toEqual(['李芳（配偶）· 本次迁出', '张明（配偶）'])
})

test('an overdue verification says so in words', async () => {
  await setup(detail({ overdue: true, dueAt: NOW - 2 * HOUR }))
  expect(document.querySelector('.decl-overdue')!.textContent).toBe('已超期')
  expect(textOf('verify-due')).toMatch(/^核查期限：已超期（应于\d+月\d+日 \d\d:\d\d前核查）$/)
})

test('a state and a kind wear the same colour on the worker\'s tags as on the resident\'s, and no two states share one', () => {
  const colour = (el: ParentNode, selector: string) => (el.querySelector(selector) as HTMLElement).style.backgroundColor
  const statusColours = new Set<string>()
  for (const status of DECLARATION_STATUSES) {
    for (const kind of DECLARATION_KINDS) {
      const mine = render(<ResidentTags d={{ status, statusName: '状态', kind, kindName: '类型' }} />)
      const worker = render(<WorkerTags status={status} statusName='状态' kind={kind} kindName='类型' overdue={false} />)
      expect(colour(worker.container, '[data-status]')).toBe(colour(mine.container, '[data-status]'))
      expect(colour(worker.container, '[data-kind]')).toBe(colour(mine.container, '[data-kind]'))
      expect(colour(mine.container, '[data-status]')).not.toBe('')
      statusColours.add(colour(mine.container, '[data-status]'))
      mine.unmount()
      worker.unmount()
    }
  }
  expect(statusColours.size).toBe(DECLARATION_STATUSES.length)
  // 待核查 waits on the worker: blue on both sides, as the in-progress state
  const pending = render(<WorkerTags status='pending' statusName='待核查' kind='move_in' kindName='居住登记' overdue={false} />)
  expect(pending.container.querySelector('[data-status]')!.getAttribute('data-tone')).toBe('blue')
  expect(pending.container.querySelector('[data-kind]')!.getAttribute('data-tone')).toBe('grey')
})
