import { CONSENT } from '../../../shared/declarations/consent'
import { openTestStack, OTHER_RESIDENT, RESIDENT, type TestStack } from '../harness'
import { couple, declaredAndVerified, expectNoPlainNumbers, threeRooms } from './declareFixtures'

// 迁出注销: a household says who has left; once the worker verifies it, they leave the register
// (and are listed among those moved out), and the declarant's home grid goes with the last of them.
// a seeded stack and a dozen calls a test: more than jest's 5 s on a busy machine
jest.setTimeout(60_000)
let t: TestStack
beforeEach(async () => { t = await openTestStack() })
afterEach(() => t.close())

const moveOut = (userId: string, roomId: string, residentIds: string[], extra: object = {}, requestId?: string) =>
  t.call('resident', userId, 'declareMoveOut', { roomId, residentIds, moveOutDate: '2025-06-30', consentVersion: CONSENT.version, ...extra }, requestId)
/** The register's page for one room (the demo register has other households in the grid). */
const register = async (workerId: string, movedOut: boolean, roomId: string) =>
  (await t.call('worker', workerId, 'listRegister', { movedOut, limit: 50 })).data.items.filter((r: any) => r.roomId === roomId)

describe('moving out', () => {
  it('verified: the person leaves the current register, appears among those moved out, and the home grid goes with the last of the household', async () => {
    const { a } = await threeRooms(t)
    const persons = couple(1001)
    const verified = await declaredAndVerified(t, RESIDENT, a, persons)
    const [him, her] = verified.persons.map((p: any) => p.id)

    const first = await moveOut(RESIDENT, a.roomId, [her])
    expect(first.data).toMatchObject({ kind: 'move_out', kindName: '迁出注销', status: 'pending', moveOutDate: '2025-06-30', standing: 'owner' })
    expect(first.data.persons.map((p: any) => [p.id, p.name, p.idNumberMasked])).toEqual([[her, '李红梅', verified.persons[1].idNumberMasked]])
    expectNoPlainNumbers(first.data, persons)
    const detail = await t.call('worker', a.workerId, 'getVerification', { declarationId: first.data.id })
    expect(detail.data.roomResidents.map((r: any) => r.id).sort()).toEqual([him, her].sort())
    await t.call('worker', a.workerId, 'reviewDeclaration', { declarationId: first.data.id, version: 1, decision: 'approve' })

    expect((await register(a.workerId, false, a.roomId)).map((r: any) => r.id)).toEqual([him])
    const gone = await register(a.workerId, true, a.roomId)
    expect(gone).toEqual([expect.objectContaining({ id: her, name: '李红梅', addressLabel: a.label, movedOut: { date: '2025-06-30', at: expect.any(Number) } })])
    expectNoPlainNumbers(gone, persons)
    // one of the household still lives there: the home grid stays
    expect((await t.call('user', RESIDENT, 'myGrid', {})).data.card).toMatchObject({ source: 'home', homeAddress: `莲花一村社区${a.label}` })
    expect((await t.call('user', RESIDENT, 'listMessages', {})).data.items[0]).toMatchObject({ kind: 'declaration_verified', title: '您的迁出注销已核验', declarationId: first.data.id })

    const last = await moveOut(RESIDENT, a.roomId, [him])
    await t.call('worker', a.workerId, 'reviewDeclaration', { declarationId: last.data.id, version: 1, decision: 'approve' })
    expect(await register(a.workerId, false, a.roomId)).toEqual([])
    const user = (await t.stack.deps.reference.getUser(RESIDENT))!
    expect(user.homeAddress).toBeUndefined()
    expect(user.homeGridId).toBeUndefined()
    expect((await t.call('resident', RESIDENT, 'myResidence', {})).data.households).toEqual([])
  })

  it('sent again with the same requestId: the same move-out, one record', async () => {
    const { a } = await threeRooms(t)
    const verified = await declaredAndVerified(t, RESIDENT, a, couple(1011))
    const first = await moveOut(RESIDENT, a.roomId, [verified.persons[0].id], {}, 'move-out-once-01')
    const again = await moveOut(RESIDENT, a.roomId, [verified.persons[0].id], {}, 'move-out-once-01')
    expect(again.data.id).toBe(first.data.id)
    expect((await t.call('worker', a.workerId, 'listVerifications', {})).data.items).toHaveLength(1)
  })

  it('refused: someone who never declared the room, a person not living there, a day before they moved in, a move-out already open', async () => {
    const { a } = await threeRooms(t)
    const verified = await declaredAndVerified(t, RESIDENT, a, couple(1021))
    const [him, her] = verified.persons.map((p: any) => p.id)

    expect((await moveOut(OTHER_RESIDENT, a.roomId, [him])).error.code).toBe('FORBIDDEN')
    expect((await moveOut(RESIDENT, a.roomId, [him, 'p_not_here'])).error).toMatchObject({ code: 'VALIDATION', fields: { 'residentIds.1': expect.stringContaining('不在本户的登记中') } })
    expect((await moveOut(RESIDENT, a.roomId, [him], { moveOutDate: '2024-02-01' })).error).toMatchObject({ code: 'VALIDATION', fields: { moveOutDate: expect.stringContaining('不能早于张晓明的入住日期') } })
    expect((await moveOut(RESIDENT, a.roomId, [him], { consentVersion: 'old' })).error).toMatchObject({ code: 'VALIDATION', fields: { consentVersion: '告知书已更新，请重新阅读并同意' } })
    expect((await t.call('worker', a.workerId, 'listVerifications', {})).data.items).toEqual([])

    const open = await moveOut(RESIDENT, a.roomId, [her])
    const twice = await moveOut(RESIDENT, a.roomId, [him, her])
    expect(twice.error).toMatchObject({ code: 'CONFLICT', existing: { kind: 'declaration', id: open.data.id }, fields: { 'residentIds.1': expect.stringContaining('李红梅') } })
    expect((await t.call('worker', a.workerId, 'listVerifications', {})).data.items).toHaveLength(1)
  })
})
