import { openTestStack, OTHER_RESIDENT, RESIDENT, type TestStack } from '../harness'
import { couple, declare, expectNoPlainNumbers, person, threeRooms } from './declareFixtures'

// 核查 by the grid worker: the list, the masked detail, the audited reveal, the decisions and
// what each does for the declarant, the register and the home grid.
// a seeded stack and a dozen calls a test: more than jest's 5 s on a busy machine
jest.setTimeout(60_000)
let t: TestStack
beforeEach(async () => { t = await openTestStack() })
afterEach(() => t.close())

const review = (workerId: string, declarationId: string, version: number, decision: string, reason?: string) =>
  t.call('worker', workerId, 'reviewDeclaration', { declarationId, version, decision, ...(reason ? { reason } : {}) })
const mine = async (userId: string, id: string) => (await t.call('resident', userId, 'myResidence', {})).data.declarations.find((d: any) => d.id === id)
const coverage = async (workerId: string) => (await t.call('worker', workerId, 'listRegister', {})).data.coverage

describe('verifying a household', () => {
  it('listed, read masked, one number revealed with a reason, approved: the household is registered and the resident’s home grid follows the address', async () => {
    const { a } = await threeRooms(t)
    const persons = couple(601)
    const declared = await declare(t, RESIDENT, a.roomId, persons)
    const before = await coverage(a.workerId)

    const listed = await t.call('worker', a.workerId, 'listVerifications', {})
    expect(listed.data.items).toEqual([expect.objectContaining({ id: declared.data.id, kindName: '居住登记', addressLabel: a.label, personCount: 2, statusName: '待核查', duplicateCount: 0, overdue: false })])

    const detail = await t.call('worker', a.workerId, 'getVerification', { declarationId: declared.data.id })
    expect(detail.data).toMatchObject({ canReveal: true, duplicates: [], roomResidents: [], declarant: { name: '周丽华', phoneMasked: '139****9651' } })
    expectNoPlainNumbers([listed.data, detail.data], persons)

    const revealed = await t.call('worker', a.workerId, 'revealPersonField', { declarationId: declared.data.id, personId: detail.data.persons[0].id, field: 'idNumber', reason: '与身份证原件核对' })
    expect(revealed.data).toMatchObject({ personId: detail.data.persons[0].id, field: 'idNumber', value: persons[0].document.idNumber })
    const phone = await t.call('worker', a.workerId, 'revealPersonField', { declarationId: declared.data.id, personId: detail.data.persons[1].id, field: 'phone', reason: '电话联系住户' })
    expect(phone.data.value).toBe(persons[1].phone)

    const approved = await review(a.workerId, declared.data.id, detail.data.version, 'approve')
    expect(approved.data).toMatchObject({ status: 'verified', statusName: '已核验', dueAt: null, canReveal: false, review: { decisionName: '核验通过' } })
    expect(approved.data.roomResidents.map((r: any) => r.name)).toEqual(expect.arrayContaining(['张晓明', '李红梅']))
    expectNoPlainNumbers(approved.data, persons)

    const home = await t.call('resident', RESIDENT, 'myResidence', {})
    expect(home.data.declarations[0]).toMatchObject({ id: declared.data.id, statusName: '已核验' })
    expect(home.data.households).toEqual([expect.objectContaining({ roomId: a.roomId, addressLabel: a.label, communityName: '莲花一村社区', gridId: a.gridId })])
    expect(home.data.households[0].residents.map((r: any) => [r.name, r.standingName, r.movedOut])).toEqual(expect.arrayContaining([['张晓明', '业主（房屋所有人）', null], ['李红梅', '业主（房屋所有人）', null]]))
    expectNoPlainNumbers(home.data, persons)
    const told = (await t.call('user', RESIDENT, 'listMessages', {})).data.items[0]
    expect(told).toMatchObject({ kind: 'declaration_verified', declarationId: declared.data.id, title: '您的居住登记已核验' })

    const card = await t.call('user', RESIDENT, 'myGrid', {})
    expect(card.data).toMatchObject({ found: true, card: { gridId: a.gridId, source: 'home', homeAddress: `莲花一村社区${a.label}` } })
    const after = await coverage(a.workerId)
    expect(after).toMatchObject({ verifiedRooms: before.verifiedRooms + 1, residents: before.residents + 2, knownRooms: before.knownRooms })
  })

  it('an approve sent again by the same worker answers with the verified declaration and registers nobody twice', async () => {
    const { a } = await threeRooms(t)
    const declared = await declare(t, RESIDENT, a.roomId, couple(611))
    const first = await review(a.workerId, declared.data.id, 1, 'approve')
    const again = await review(a.workerId, declared.data.id, 1, 'approve')
    expect(again.ok).toBe(true)
    expect(again.data).toMatchObject({ id: first.data.id, status: 'verified', version: first.data.version })
    expect(await t.stack.deps.declarations.roomResidents(a.roomId)).toHaveLength(2)
  })

  it('a landlord’s declaration for tenants registers them but leaves the landlord’s own home grid alone', async () => {
    const { a } = await threeRooms(t)
    const me = (await t.stack.deps.reference.getUser(RESIDENT))!
    const declared = await declare(t, RESIDENT, a.roomId, [person(621, '赵军', { relation: 'tenant' })], { standing: 'landlord' })
    await review(a.workerId, declared.data.id, 1, 'approve')
    const after = (await t.stack.deps.reference.getUser(RESIDENT))!
    expect(after.homeGridId).toBe(me.homeGridId)
    expect(after.homeAddress).toBeUndefined()
    expect(await t.stack.deps.declarations.roomResidents(a.roomId)).toHaveLength(1)
  })
})

describe('not approved', () => {
  it('rejected with a reason: the resident sees 未通过 and why', async () => {
    const { a } = await threeRooms(t)
    const declared = await declare(t, RESIDENT, a.roomId, couple(701))
    const rejected = await review(a.workerId, declared.data.id, 1, 'reject', '上门核实该户无人居住')
    expect(rejected.data).toMatchObject({ status: 'rejected', dueAt: null })
    expect(await mine(RESIDENT, declared.data.id)).toMatchObject({ statusName: '未通过', review: { decisionName: '不予通过', reason: '上门核实该户无人居住' } })
    const told = (await t.call('user', RESIDENT, 'listMessages', {})).data.items[0]
    expect(told).toMatchObject({ kind: 'declaration_rejected', declarationId: declared.data.id, body: expect.stringContaining('上门核实该户无人居住') })
    expect(await t.stack.deps.declarations.roomResidents(a.roomId)).toHaveLength(0)
  })

  it('a reject or a request for more without a reason is refused', async () => {
    const { a } = await threeRooms(t)
    const declared = await declare(t, RESIDENT, a.roomId, couple(711))
    expect((await review(a.workerId, declared.data.id, 1, 'reject')).error).toMatchObject({ code: 'VALIDATION', fields: { reason: '请写明不予通过的原因' } })
    expect((await review(a.workerId, declared.data.id, 1, 'ask_more')).error).toMatchObject({ code: 'VALIDATION', fields: { reason: '请写明需要补充的信息' } })
    expect(await mine(RESIDENT, declared.data.id)).toMatchObject({ status: 'pending', version: 1 })
  })

  it('asked for more: the resident sees 需补充信息 and what; their amendment puts it back to 待核查 and tells the worker', async () => {
    const { a } = await threeRooms(t)
    const declared = await declare(t, RESIDENT, a.roomId, couple(721))
    const asked = await review(a.workerId, declared.data.id, 1, 'ask_more', '请补充配偶的联系电话')
    expect(asked.data).toMatchObject({ status: 'more_info', dueAt: null })
    const seen = await mine(RESIDENT, declared.data.id)
    expect(seen).toMatchObject({ statusName: '需补充信息', review: { decisionName: '请补充信息', reason: '请补充配偶的联系电话' } })
    expect((await t.call('user', RESIDENT, 'listMessages', {})).data.items[0]).toMatchObject({ kind: 'declaration_more_info', declarationId: declared.data.id })

    // waiting on the resident, not on the worker
    const early = await review(a.workerId, declared.data.id, asked.data.version, 'approve')
    expect(early.error).toMatchObject({ code: 'VALIDATION', message: expect.stringContaining('正在等待居民补充信息') })

    const amended = await t.call('resident', RESIDENT, 'amendDeclaration', {
      declarationId: declared.data.id, version: seen.version, standing: 'owner', consentVersion: seen.consentVersion,
      persons: [person(721, '张晓明'), person(722, '李红梅', { relation: 'spouse', phone: '13900001111' })],
    })
    expect(amended.data).toMatchObject({ status: 'pending', statusName: '待核查', version: seen.version + 1 })
    expect(amended.data.dueAt).toBeGreaterThan(amended.data.updatedAt - 1)
    expect(amended.data.history.map((h: any) => h.actionName)).toEqual(['提交申报', '请补充信息', '补充后重新提交'])
    expect(amended.data.persons[1].phoneMasked).toBe('139****1111')
    const workerInbox = (await t.call('user', a.workerId, 'listMessages', {})).data.items[0]
    expect(workerInbox).toMatchObject({ kind: 'declaration_received', declarationId: declared.data.id, title: expect.stringContaining('已补充') })
    const listed = (await t.call('worker', a.workerId, 'listVerifications', {})).data.items
    expect(listed.map((v: any) => [v.id, v.statusName])).toEqual([[declared.data.id, '待核查']])
  })
})

describe('guards', () => {
  it('a stale version: CONFLICT, and nothing changes', async () => {
    const { a } = await threeRooms(t)
    const declared = await declare(t, RESIDENT, a.roomId, couple(801))
    await review(a.workerId, declared.data.id, 1, 'ask_more', '请补充入住日期证明')
    const amended = await t.call('resident', RESIDENT, 'amendDeclaration', { declarationId: declared.data.id, version: 2, standing: 'owner', consentVersion: declared.data.consentVersion, persons: couple(801) })
    expect(amended.ok).toBe(true)
    const stale = await review(a.workerId, declared.data.id, 2, 'approve')
    expect(stale.error.code).toBe('CONFLICT')
    const staleAmend = await t.call('resident', RESIDENT, 'amendDeclaration', { declarationId: declared.data.id, version: 2, standing: 'tenant', consentVersion: declared.data.consentVersion, persons: couple(801) })
    expect(staleAmend.error.code).toBe('CONFLICT')
    const stored = (await t.stack.deps.declarations.get(declared.data.id))!
    expect(stored).toMatchObject({ status: 'pending', version: 3, standing: 'owner' })
    expect(await t.stack.deps.declarations.roomResidents(a.roomId)).toHaveLength(0)
  })

  it('a worker of another grid may not read, decide or reveal it', async () => {
    const { a, other } = await threeRooms(t)
    const declared = await declare(t, RESIDENT, a.roomId, couple(811))
    const personId = declared.data.persons[0].id
    const calls = [
      t.call('worker', other.workerId, 'getVerification', { declarationId: declared.data.id }),
      review(other.workerId, declared.data.id, 1, 'approve'),
      t.call('worker', other.workerId, 'revealPersonField', { declarationId: declared.data.id, personId, field: 'idNumber', reason: '核对证件信息' }),
    ]
    for (const res of await Promise.all(calls)) expect(res.error.code).toBe('FORBIDDEN')
    expect((await t.call('worker', other.workerId, 'listVerifications', {})).data.items).toEqual([])
    expect((await t.call('admin', 'u_admin_1', 'listAudit', {})).data.items).toEqual([])
    expect((await t.stack.deps.declarations.get(declared.data.id))!.status).toBe('pending')
  })

  it('another resident may not amend or withdraw it', async () => {
    const { a } = await threeRooms(t)
    const declared = await declare(t, RESIDENT, a.roomId, couple(821))
    const amend = await t.call('resident', OTHER_RESIDENT, 'amendDeclaration', { declarationId: declared.data.id, version: 1, standing: 'owner', consentVersion: declared.data.consentVersion, persons: couple(821) })
    const withdraw = await t.call('resident', OTHER_RESIDENT, 'withdrawDeclaration', { declarationId: declared.data.id, version: 1 })
    expect([amend.error.code, withdraw.error.code]).toEqual(['FORBIDDEN', 'FORBIDDEN'])
    expect((await t.stack.deps.declarations.get(declared.data.id))!.version).toBe(1)
  })

  it('a number is revealed only while the declaration is open, only for its own persons, only when there is one', async () => {
    const { a } = await threeRooms(t)
    const declared = await declare(t, RESIDENT, a.roomId, [person(831, '张晓明', { phone: null })])
    const personId = declared.data.persons[0].id
    const reveal = (payload: object) => t.call('worker', a.workerId, 'revealPersonField', { declarationId: declared.data.id, personId, field: 'idNumber', reason: '核对证件信息', ...payload })
    expect((await reveal({ field: 'phone' })).error).toMatchObject({ code: 'VALIDATION', fields: { field: '该居住人未填写联系电话' } })
    expect((await reveal({ personId: 'p_someone_else' })).error).toMatchObject({ code: 'VALIDATION', fields: { personId: '该申报中没有这位居住人' } })
    expect((await reveal({ reason: '' })).error).toMatchObject({ code: 'VALIDATION', fields: { reason: expect.stringContaining('查看理由') } })
    await review(a.workerId, declared.data.id, 1, 'approve')
    const late = await reveal({})
    expect(late.error).toMatchObject({ code: 'VALIDATION', message: '只有核查中的申报可查看完整号码' })
    expect(JSON.stringify(late)).not.toContain(person(831, '张晓明').document.idNumber)
    expect((await t.call('admin', 'u_admin_1', 'listAudit', {})).data.items).toEqual([])
  })
})

describe('withdrawing', () => {
  it('an open declaration is withdrawn and leaves the worker’s list; a verified one cannot be', async () => {
    const { a, b } = await threeRooms(t)
    const open = await declare(t, RESIDENT, a.roomId, couple(901))
    const withdrawn = await t.call('resident', RESIDENT, 'withdrawDeclaration', { declarationId: open.data.id, version: 1 })
    expect(withdrawn.data).toMatchObject({ status: 'withdrawn', statusName: '已撤回', dueAt: null, version: 2 })
    expect(withdrawn.data.history.at(-1).actionName).toBe('撤回')
    expect((await t.call('worker', a.workerId, 'listVerifications', {})).data.items).toEqual([])

    const done = await declare(t, RESIDENT, b.roomId, couple(911))
    await review(b.workerId, done.data.id, 1, 'approve')
    const refused = await t.call('resident', RESIDENT, 'withdrawDeclaration', { declarationId: done.data.id, version: 2 })
    expect(refused.error).toMatchObject({ code: 'VALIDATION', message: '已核验的申报不能撤回，如已迁出请办理迁出注销' })
  })
})
