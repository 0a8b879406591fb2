import { offsetByMetres } from '../../../shared/routing/geo'
import { insidePoint, openTestStack, RESIDENT, type TestStack } from '../harness'

// The patrol log (巡查打卡) through the real use cases on the local stack: a volunteer starts
// a walk, checks in on the way and ends it; the walk holds the reports they made between its
// start and end and no others; one walk at a time, a retried start is one walk, and nobody
// checks in on someone else's.

jest.setTimeout(60_000)
let t: TestStack
beforeEach(async () => { t = await openTestStack() })
afterEach(() => t.close())

const VOLUNTEER = 'u_volunteer_1'
const OTHER_VOLUNTEER = 'u_volunteer_2'
const start = insidePoint()
const east = (m: number) => offsetByMetres(start, m, 0)

async function report(userId = VOLUNTEER) {
  const sub = await t.call('resident', userId, 'submitReport', { category: 'garbage', description: '小区东门垃圾两天没人清', photos: [await t.upload(userId)], location: insidePoint() })
  expect(sub.ok).toBe(true)
  return sub.data.reportId as string
}
/** Reports and walks a minute apart, so "during the walk" never hangs on one millisecond. */
const aMinute = () => t.stack.clock.advance(1)
const begin = async (userId = VOLUNTEER, requestId = `patrol-${userId}-${t.stack.clock.now()}`) => t.call('resident', userId, 'startPatrol', { location: start }, requestId)

describe('a patrol (巡查打卡)', () => {
  it('holds the reports made between its start and its end, its check-ins and the way walked', async () => {
    const before = await report()
    aMinute()
    const started = await begin()
    expect(started.ok).toBe(true)
    const volunteer = (await t.stack.deps.reference.getUser(VOLUNTEER))!
    const home = (await t.stack.deps.reference.getGrid(volunteer.homeGridId!))!
    expect(started.data).toMatchObject({ gridId: home.id, gridName: home.name, endedAt: null, distanceM: 0, reports: [], version: 1 })
    expect(started.data.checkIns).toEqual([{ lng: start.lng, lat: start.lat, at: started.data.startedAt }])
    const patrolId = started.data.id as string

    aMinute()
    const during = [await report()]
    const checked = await t.call('resident', VOLUNTEER, 'checkInPatrol', { patrolId, location: east(100) })
    expect(checked.ok).toBe(true)
    expect(checked.data.checkIns).toHaveLength(2)
    expect(checked.data.distanceM).toBeGreaterThanOrEqual(99)
    expect(checked.data.distanceM).toBeLessThanOrEqual(101)
    during.push(await report())

    // while it goes on, its reports are those made so far
    const open = (await t.call('resident', VOLUNTEER, 'listPatrols', {})).data.items[0]
    expect(open.reports.map((r: { reportId: string }) => r.reportId)).toEqual([...during].reverse())

    aMinute()
    const ended = await t.call('resident', VOLUNTEER, 'endPatrol', { patrolId, location: east(250) })
    expect(ended.ok).toBe(true)
    expect(ended.data).toMatchObject({ id: patrolId, endedAt: expect.any(Number), version: 3 })
    expect(ended.data.checkIns).toHaveLength(3)
    expect(Math.abs(ended.data.distanceM - 250)).toBeLessThanOrEqual(2)
    const ids = ended.data.reports.map((r: { reportId: string }) => r.reportId)
    expect(ids).toEqual([...during].reverse())
    expect(ids).not.toContain(before)
    expect(ended.data.reports[0]).toEqual({ reportId: during[1], caseNumber: expect.stringMatching(/^\d{13}$/), categoryName: '垃圾堆放', statusWords: expect.any(String), createdAt: expect.any(Number) })
    expect((await t.stack.deps.patrols.get(patrolId))!.reportIds).toEqual([...during].reverse())

    // a report after the end is not the walk's
    aMinute()
    await report()
    const logged = (await t.call('resident', VOLUNTEER, 'listPatrols', {})).data
    expect(logged.items).toHaveLength(1)
    expect(logged.items[0]).toEqual(ended.data)
  })

  it('is one at a time: a second start while one is open is refused, and allowed once it ended', async () => {
    const first = await begin()
    aMinute()
    const second = await begin()
    expect(second.error).toMatchObject({ code: 'CONFLICT' })
    expect(second.error.message).toMatch(/^您有一次巡查尚未结束/)
    expect((await t.call('resident', VOLUNTEER, 'listPatrols', {})).data.items).toHaveLength(1)

    expect((await t.call('resident', VOLUNTEER, 'endPatrol', { patrolId: first.data.id, location: east(10) })).ok).toBe(true)
    aMinute()
    const third = await begin()
    expect(third.ok).toBe(true)
    expect(third.data.id).not.toBe(first.data.id)
    expect((await t.call('resident', VOLUNTEER, 'listPatrols', {})).data.items.map((p: { id: string }) => p.id)).toEqual([third.data.id, first.data.id])
  })

  it('retried with the same requestId is the one patrol, before and after it ended', async () => {
    const first = await begin(VOLUNTEER, 'start-once')
    const retry = await begin(VOLUNTEER, 'start-once')
    expect(retry.ok).toBe(true)
    expect(retry.data.id).toBe(first.data.id)
    const [a, b] = await Promise.all([begin(OTHER_VOLUNTEER, 'start-race'), begin(OTHER_VOLUNTEER, 'start-race')])
    expect([a.ok, b.ok]).toEqual([true, true])
    expect(a.data.id).toBe(b.data.id)
    expect((await t.call('resident', OTHER_VOLUNTEER, 'listPatrols', {})).data.items).toHaveLength(1)

    await t.call('resident', VOLUNTEER, 'endPatrol', { patrolId: first.data.id, location: east(10) })
    const late = await begin(VOLUNTEER, 'start-once')
    expect(late.data).toMatchObject({ id: first.data.id, endedAt: expect.any(Number) })
    expect((await t.call('resident', VOLUNTEER, 'listPatrols', {})).data.items).toHaveLength(1)
  })

  it("refuses another volunteer's check-in or end, and changes nothing", async () => {
    const mine = await begin()
    const patrolId = mine.data.id
    const checkIn = await t.call('resident', OTHER_VOLUNTEER, 'checkInPatrol', { patrolId, location: east(50) })
    expect(checkIn.error).toMatchObject({ code: 'FORBIDDEN' })
    const end = await t.call('resident', OTHER_VOLUNTEER, 'endPatrol', { patrolId, location: east(50) })
    expect(end.error).toMatchObject({ code: 'FORBIDDEN' })
    expect(await t.stack.deps.patrols.get(patrolId)).toMatchObject({ version: 1, endedAt: null, checkIns: [expect.any(Object)] })
    expect((await t.call('resident', VOLUNTEER, 'checkInPatrol', { patrolId: 'pt_missing', location: east(5) })).error).toMatchObject({ code: 'NOT_FOUND' })
  })

  it('takes no check-in once ended', async () => {
    const { data } = await begin()
    await t.call('resident', VOLUNTEER, 'endPatrol', { patrolId: data.id, location: east(10) })
    const late = await t.call('resident', VOLUNTEER, 'checkInPatrol', { patrolId: data.id, location: east(20) })
    expect(late.error).toMatchObject({ code: 'CONFLICT' })
    const again = await t.call('resident', VOLUNTEER, 'endPatrol', { patrolId: data.id, location: east(20) })
    expect(again.error).toMatchObject({ code: 'CONFLICT' })
    expect((await t.stack.deps.patrols.get(data.id))!.version).toBe(2)
  })

  it('is for volunteers: a resident may not start one', async () => {
    const res = await t.call('resident', RESIDENT, 'startPatrol', { location: start }, 'resident-walk')
    expect(res.error).toMatchObject({ code: 'FORBIDDEN' })
    expect((await t.call('resident', RESIDENT, 'listPatrols', {})).error).toMatchObject({ code: 'FORBIDDEN' })
  })
})
