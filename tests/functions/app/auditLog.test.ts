import { dispatch } from '../../../cloudfunctions/app/dispatch'
import { openTestStack, RESIDENT, type TestStack } from '../harness'
import { couple, declare, expectNoPlainNumbers, threeRooms } from './declareFixtures'

// The audit log of numbers read whole: written before the value leaves, read by the district
// office only, holding no number itself.
// a seeded stack and a dozen calls a test: more than jest's 5 s on a busy machine
jest.setTimeout(60_000)
let t: TestStack
beforeEach(async () => { t = await openTestStack() })
afterEach(() => t.close())

const ADMIN = 'u_admin_1'

describe('admin.listAudit', () => {
  it('shows each reveal, newest first: who, in which role, which field of whom, in which grid, and why', async () => {
    const { a } = await threeRooms(t)
    const persons = couple(1301)
    const declared = await declare(t, RESIDENT, a.roomId, persons)
    const [him, her] = declared.data.persons.map((p: any) => p.id)
    const first = await t.call('worker', a.workerId, 'revealPersonField', { declarationId: declared.data.id, personId: him, field: 'idNumber', reason: '与身份证原件核对' })
    t.stack.clock.advance(1)
    const second = await t.call('worker', a.leaderId!, 'revealPersonField', { declarationId: declared.data.id, personId: her, field: 'phone', reason: '电话联系住户确认入住' })
    const [worker, leader] = await t.stack.deps.reference.getUsers([a.workerId, a.leaderId!])

    const log = await t.call('admin', ADMIN, 'listAudit', {})
    expect(log.data.items).toEqual([
      { id: second.data.auditId, at: expect.any(Number), actorName: leader.name, actorRoleName: '网格长', actionName: '查看完整号码', fieldName: '联系电话', personName: '李*梅', declarationId: declared.data.id, addressLabel: declared.data.addressLabel, gridName: declared.data.gridName, reason: '电话联系住户确认入住' },
      { id: first.data.auditId, at: expect.any(Number), actorName: worker.name, actorRoleName: '网格员', actionName: '查看完整号码', fieldName: '证件号码', personName: '张*明', declarationId: declared.data.id, addressLabel: declared.data.addressLabel, gridName: declared.data.gridName, reason: '与身份证原件核对' },
    ])
    expect(log.data.items[0].at).toBeGreaterThan(log.data.items[1].at)
    expectNoPlainNumbers(log.data, persons)
  })

  it('is the district office’s alone', async () => {
    const { a } = await threeRooms(t)
    for (const caller of [RESIDENT, a.workerId, a.leaderId!, 'u_cdisp_1', 'u_sdisp_1']) expect((await t.call('admin', caller, 'listAudit', {})).error.code).toBe('FORBIDDEN')
  })

  it('a reveal whose audit entry cannot be written gives no number', async () => {
    const { a } = await threeRooms(t)
    const persons = couple(1311)
    const declared = await declare(t, RESIDENT, a.roomId, persons)
    const broken = { ...t.stack.deps, audit: { ...t.stack.deps.audit, append: async () => { throw new Error('disk full') } } }
    const worker = await t.stack.deps.reference.getUser(a.workerId)
    const quiet = jest.spyOn(console, 'error').mockImplementation(() => {})
    const res = await dispatch(broken, 'worker', { action: 'revealPersonField', payload: { declarationId: declared.data.id, personId: declared.data.persons[0].id, field: 'idNumber', reason: '与身份证原件核对' } }, worker)
    quiet.mockRestore()
    expect(res).toMatchObject({ ok: false, error: { code: 'INTERNAL' } })
    expectNoPlainNumbers(res, persons)
    expect((await t.call('admin', ADMIN, 'listAudit', {})).data.items).toEqual([])
  })
})
