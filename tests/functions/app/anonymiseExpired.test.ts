import { anonymiseExpired } from '../../../cloudfunctions/app/jobs/anonymiseExpired'
import { ERASED } from '../../../cloudfunctions/app/declarations/seal'
import { CONSENT } from '../../../shared/declarations/consent'
import { openTestStack, OTHER_RESIDENT, RESIDENT, type TestStack } from '../harness'
import { couple, declare, declaredAndVerified, person, threeRooms } from './declareFixtures'

// Retention: a verified move-out, a rejected and a withdrawn declaration are anonymised once
// `retentionDays` have passed; what is current or open is not; the audit log stays.
// a seeded stack and a dozen calls a test: more than jest's 5 s on a busy machine
jest.setTimeout(60_000)
let t: TestStack
beforeEach(async () => { t = await openTestStack() })
afterEach(() => t.close())

const DAY_MINUTES = 24 * 60

/** A couple verified in room a, of whom one has moved out (verified); a rejected, a withdrawn and an open declaration beside. */
async function settledRecords() {
  const { a, b, other } = await threeRooms(t)
  const household = await declaredAndVerified(t, RESIDENT, a, couple(1401))
  const [stays, leaves] = household.persons.map((p: any) => p.id)
  const reveal = await t.call('worker', a.workerId, 'revealPersonField', { declarationId: household.id, personId: leaves, field: 'idNumber', reason: '与身份证原件核对' })
  expect(reveal.ok).toBe(false) // verified: refused, and so not in the log
  const out = await t.call('resident', RESIDENT, 'declareMoveOut', { roomId: a.roomId, residentIds: [leaves], moveOutDate: '2025-06-30', consentVersion: CONSENT.version })
  const revealed = await t.call('worker', a.workerId, 'revealPersonField', { declarationId: out.data.id, personId: leaves, field: 'phone', reason: '电话确认已迁出' })
  expect(revealed.ok).toBe(true)
  await t.call('worker', a.workerId, 'reviewDeclaration', { declarationId: out.data.id, version: 1, decision: 'approve' })
  const rejected = await declare(t, OTHER_RESIDENT, b.roomId, [person(1411, '王建国')])
  await t.call('worker', b.workerId, 'reviewDeclaration', { declarationId: rejected.data.id, version: 1, decision: 'reject', reason: '上门核实无此人居住' })
  const withdrawn = await declare(t, OTHER_RESIDENT, other.roomId, [person(1421, '刘芳')])
  await t.call('resident', OTHER_RESIDENT, 'withdrawDeclaration', { declarationId: withdrawn.data.id, version: 1 })
  const open = await declare(t, OTHER_RESIDENT, b.roomId, [person(1431, '陈海燕')])
  return { moveIn: household.id, moveOut: out.data.id, stays, leaves, rejected: rejected.data.id, withdrawn: withdrawn.data.id, open: open.data.id }
}

const declaration = async (id: string) => (await t.stack.deps.declarations.get(id))!
const resident = async (id: string) => (await t.stack.deps.declarations.getResidents([id]))[0]
const anonymous = { name: '已匿名', idNumber: ERASED, phone: null }

describe('anonymiseExpired', () => {
  it('keeps everything within the retention period, then anonymises what has ended, once, and leaves the audit log whole', async () => {
    const r = await settledRecords()
    const retention = t.stack.deps.config.declarations.retentionDays
    const audit = (await t.call('admin', 'u_admin_1', 'listAudit', {})).data.items
    expect(audit).toHaveLength(1)

    t.stack.clock.advance((retention - 1) * DAY_MINUTES)
    expect(await anonymiseExpired(t.stack.deps, t.stack.clock.now())).toEqual({ changed: 0, more: false })
    expect((await resident(r.leaves)).name).toBe('李红梅')

    t.stack.clock.advance(2 * DAY_MINUTES)
    const now = t.stack.clock.now()
    const run = await anonymiseExpired(t.stack.deps, now)
    expect(run).toEqual({ changed: 3, more: false })

    expect(await resident(r.leaves)).toMatchObject({ ...anonymous, anonymisedAt: now, movedOut: expect.objectContaining({ declarationId: r.moveOut }), roomId: expect.any(String), moveInDate: '2024-03-01' })
    expect(await resident(r.stays)).toMatchObject({ name: '张晓明', anonymisedAt: null })
    const moveIn = await declaration(r.moveIn)
    expect(moveIn.persons.find((p) => p.id === r.leaves)).toMatchObject(anonymous)
    expect(moveIn.persons.find((p) => p.id === r.stays)).toMatchObject({ name: '张晓明', idNumber: expect.objectContaining({ token: expect.stringMatching(/.+/) }) })
    expect((await declaration(r.moveOut)).persons).toEqual([expect.objectContaining(anonymous)])
    for (const id of [r.rejected, r.withdrawn]) expect(await declaration(id)).toMatchObject({ anonymisedAt: now, persons: [expect.objectContaining(anonymous)] })
    expect(await declaration(r.open)).toMatchObject({ anonymisedAt: null, persons: [expect.objectContaining({ name: '陈海燕' })] })

    const seen = (await t.call('resident', OTHER_RESIDENT, 'myResidence', {})).data.declarations.find((d: any) => d.id === r.rejected)
    expect(seen.persons[0]).toMatchObject({ name: '已匿名', idNumberMasked: '', phoneMasked: null })

    expect(await anonymiseExpired(t.stack.deps, now)).toEqual({ changed: 0, more: false })
    expect((await t.call('admin', 'u_admin_1', 'listAudit', {})).data.items).toEqual(audit)
  })

  it('works in bounded batches and says when more is waiting', async () => {
    await settledRecords()
    t.stack.clock.advance((t.stack.deps.config.declarations.retentionDays + 1) * DAY_MINUTES)
    const first = await anonymiseExpired(t.stack.deps, t.stack.clock.now(), 1)
    expect(first.more).toBe(true)
    let total = first.changed
    for (let more = first.more; more;) {
      const next = await anonymiseExpired(t.stack.deps, t.stack.clock.now(), 1)
      total += next.changed
      more = next.more
    }
    expect(total).toBe(3)
  })

  it('runs from the local scheduler when the dev clock moves past the retention period', async () => {
    const r = await settledRecords()
    t.stack.clock.advance((t.stack.deps.config.declarations.retentionDays + 1) * DAY_MINUTES)
    const changed = await t.stack.jobs.runNow()
    expect(changed.anonymiseExpired).toBe(3)
    expect((await resident(r.leaves)).name).toBe('已匿名')
  })
})
