import { declareResidence } from '../../../cloudfunctions/app/declarations/declareResidence'
import { addWorkingMinutes } from '../../../shared/calendar/workingTime'
import { CONSENT } from '../../../shared/declarations/consent'
import { maskIdNumber, maskPhone } from '../../../shared/identity/masking'
import { openTestStack, OTHER_RESIDENT, RESIDENT, type TestStack } from '../harness'
import { couple, declare, declaredAndVerified, expectNoPlainNumbers, person, threeRooms } from './declareFixtures'

// 居住登记自主申报 through the real local stack: what a declaration stores, whom it tells, and
// every refusal with nothing stored.
// a seeded stack and a dozen calls a test: more than jest's 5 s on a busy machine
jest.setTimeout(60_000)
let t: TestStack
beforeEach(async () => { t = await openTestStack() })
afterEach(() => t.close())

const openCount = async (workerId: string) => (await t.call('worker', workerId, 'listVerifications', { limit: 50 })).data.items.length
const myDeclarations = async (userId: string) => (await t.call('resident', userId, 'myResidence', {})).data.declarations

describe('declaring a household', () => {
  it('stores it pending for the room’s grid, masked, with a deadline in working time, and tells the grid’s staff', async () => {
    const { a } = await threeRooms(t)
    const persons = couple(101)
    const res = await declare(t, RESIDENT, a.roomId, persons)
    expect(res.ok).toBe(true)
    const d = res.data
    expect(d).toMatchObject({
      kind: 'move_in', kindName: '居住登记', roomId: a.roomId, addressLabel: a.label, communityName: '莲花一村社区', standing: 'owner', standingName: '业主（房屋所有人）',
      status: 'pending', statusName: '待核查', review: null, overdue: false, consentVersion: CONSENT.version, version: 1,
    })
    expect(d.gridName).toMatch(/网格/)
    expect(d.dueAt).toBe(addWorkingMinutes(d.createdAt, t.stack.deps.config.declarations.verifyMinutes, t.stack.deps.calendar))
    expect(d.history).toEqual([expect.objectContaining({ actionName: '提交申报' })])
    expect(d.persons.map((p: any) => [p.name, p.idKindName, p.idNumberMasked, p.phoneMasked, p.relationName])).toEqual([
      ['张晓明', '居民身份证', maskIdNumber(persons[0].document.idNumber), maskPhone(persons[0].phone!), '本人'],
      ['李红梅', '居民身份证', maskIdNumber(persons[1].document.idNumber), maskPhone(persons[1].phone!), '配偶'],
    ])
    expectNoPlainNumbers(d, persons)

    for (const staff of [a.workerId, a.leaderId!]) {
      const inbox = await t.call('user', staff, 'listMessages', {})
      expect(inbox.data.items[0]).toMatchObject({ kind: 'declaration_received', declarationId: d.id, body: expect.stringContaining(a.label) })
    }
    const stored = (await t.stack.deps.declarations.get(d.id))!
    expect(stored).toMatchObject({ gridId: a.gridId, declarantId: RESIDENT, assigneeId: a.workerId, status: 'pending' })
    expectNoPlainNumbers(stored, persons)
  })

  it('sent again with the same requestId, answers with the first declaration and stores one', async () => {
    const { a } = await threeRooms(t)
    const first = await declare(t, RESIDENT, a.roomId, couple(111), { requestId: 'declare-once-0001' })
    const again = await declare(t, RESIDENT, a.roomId, couple(111), { requestId: 'declare-once-0001' })
    expect(again.ok).toBe(true)
    expect(again.data.id).toBe(first.data.id)
    expect(await myDeclarations(RESIDENT)).toHaveLength(1)
    expect(await openCount(a.workerId)).toBe(1)
  })

  it('the same household sent twice with different requestIds: the second is refused as a conflict pointing at the first', async () => {
    const { a } = await threeRooms(t)
    const first = await declare(t, RESIDENT, a.roomId, couple(121), { requestId: 'declare-twice-001' })
    const second = await declare(t, RESIDENT, a.roomId, couple(121), { requestId: 'declare-twice-002' })
    expect(second.error).toMatchObject({ code: 'CONFLICT', existing: { kind: 'declaration', id: first.data.id } })
    expect(second.error.fields['persons.0.document.idNumber']).toBe('该证件号码已在本户的另一份申报中（张*明，待核查）')
    expect(await myDeclarations(RESIDENT)).toHaveLength(1)
  })
})

describe('refusals: VALIDATION naming the field, nothing stored', () => {
  it('every field wrong: each is named', async () => {
    const { a } = await threeRooms(t)
    const res = await t.call('resident', RESIDENT, 'declareResidence', {
      roomId: '', standing: 'emperor', consentVersion: '',
      persons: [{ name: '', document: { idKind: 'passport', idNumber: '123' }, phone: '12', relation: 'cousin', moveInDate: '2099-13-01' }],
    })
    expect(res.error.code).toBe('VALIDATION')
    expect(Object.keys(res.error.fields)).toEqual(expect.arrayContaining([
      'roomId', 'standing', 'consentVersion', 'persons.0.name', 'persons.0.document.idKind', 'persons.0.phone', 'persons.0.relation', 'persons.0.moveInDate',
    ]))
    expect(await openCount(a.workerId)).toBe(0)
    expect(await myDeclarations(RESIDENT)).toHaveLength(0)
  })

  it('a room the registry does not have', async () => {
    const res = await declare(t, RESIDENT, 'b_nowhere.0000000000', couple(131))
    expect(res.error).toMatchObject({ code: 'VALIDATION', fields: { roomId: '该房号不存在，请重新选择' } })
    expect(await myDeclarations(RESIDENT)).toHaveLength(0)
  })

  it('a consent text accepted in an older version', async () => {
    const { a } = await threeRooms(t)
    const res = await declare(t, RESIDENT, a.roomId, couple(141), { consentVersion: '2020-01-01' })
    expect(res.error).toMatchObject({ code: 'VALIDATION', fields: { consentVersion: '告知书已更新，请重新阅读并同意' } })
    expect(await openCount(a.workerId)).toBe(0)
  })

  it('one person listed twice: the second is named', async () => {
    const { a } = await threeRooms(t)
    const res = await declare(t, RESIDENT, a.roomId, [person(151, '张晓明'), person(151, '张小明', { relation: 'sibling' })])
    expect(res.error.code).toBe('VALIDATION')
    expect(res.error.fields['persons.1.document.idNumber']).toMatch(/与第1位居住人相同/)
    expect(res.error.fields['persons.0.document.idNumber']).toBeUndefined()
    expect(await openCount(a.workerId)).toBe(0)
  })

  it('checks the move-in date against the server’s clock, not the dispatch’s day', async () => {
    const { a } = await threeRooms(t)
    const caller = (await t.stack.deps.reference.getUser(RESIDENT))!
    const today = new Date(t.stack.clock.now() + 8 * 3_600_000).toISOString().slice(0, 10)
    const yearAgo = { now: () => t.stack.clock.now() - 366 * 86_400_000 }
    const res = await declareResidence({ ...t.stack.deps, clock: yearAgo }, caller, { roomId: a.roomId, standing: 'owner', persons: [person(161, '张晓明', { moveInDate: today })] as any, consentVersion: CONSENT.version }, undefined)
    expect(res.ok).toBe(false)
    if (!res.ok) expect(res.error.fields?.['persons.0.moveInDate']).toBe('入住日期不能晚于今天')
    expect(await openCount(a.workerId)).toBe(0)
  })
})

describe('the same person twice', () => {
  it('already verified in the room: CONFLICT naming the resident', async () => {
    const { a } = await threeRooms(t)
    const verified = await declaredAndVerified(t, RESIDENT, a, couple(201))
    const res = await declare(t, OTHER_RESIDENT, a.roomId, [person(301, '王建国'), person(202, '李红梅', { relation: 'spouse' })])
    expect(res.error.code).toBe('CONFLICT')
    expect(res.error.fields).toEqual({ 'persons.1.document.idNumber': '该证件号码已登记在本户（李*梅，已核验）' })
    expect(res.error.existing).toEqual({ kind: 'resident', id: verified.persons[1].id })
    expect(await myDeclarations(OTHER_RESIDENT)).toHaveLength(0)
  })

  it('at another room: allowed, flagged on both verifications, and the other grid’s staff are told', async () => {
    const { a, other } = await threeRooms(t)
    const there = await declare(t, RESIDENT, other.roomId, [person(401, '陈志强')])
    const here = await declare(t, OTHER_RESIDENT, a.roomId, [person(501, '刘芳'), person(401, '陈志强', { relation: 'flatmate' })])
    expect(here.ok).toBe(true)

    const mine = await t.call('worker', a.workerId, 'getVerification', { declarationId: here.data.id })
    expect(mine.data.duplicates).toEqual([{ personId: here.data.persons[1].id, addressLabel: `莲花一村社区${other.label}`, gridName: there.data.gridName, statusName: '待核查' }])
    const theirs = await t.call('worker', other.workerId, 'getVerification', { declarationId: there.data.id })
    expect(theirs.data.duplicates).toEqual([{ personId: there.data.persons[0].id, addressLabel: `莲花一村社区${a.label}`, gridName: here.data.gridName, statusName: '待核查' }])
    expectNoPlainNumbers([mine.data, theirs.data], [person(401, '陈志强'), person(501, '刘芳')])

    const listed = (await t.call('worker', other.workerId, 'listVerifications', {})).data.items
    expect(listed.find((v: any) => v.id === there.data.id)).toMatchObject({ duplicateCount: 1, personCount: 1 })
    for (const staff of [other.workerId, other.leaderId!]) {
      const told = (await t.call('user', staff, 'listMessages', { limit: 50 })).data.items.filter((m: any) => m.kind === 'declaration_duplicate')
      expect(told).toEqual([expect.objectContaining({ declarationId: there.data.id, body: expect.stringContaining(a.label) })])
      expect(told[0].body).toContain('陈*强')
    }
    const toldHere = (await t.call('user', a.workerId, 'listMessages', { limit: 50 })).data.items.filter((m: any) => m.kind === 'declaration_duplicate')
    expect(toldHere).toEqual([])
  })
})
