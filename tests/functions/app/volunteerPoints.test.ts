import { resolveTask } from '../../../cloudfunctions/app/tasks/handleTask'
import { grantReportPoints } from '../../../cloudfunctions/app/volunteers/points'
import { maskName } from '../../../shared/declarations/words'
import { insidePoint, openTestStack, RESIDENT, type TestStack } from '../harness'

// Volunteers' points (志愿积分) through the real use cases on the local stack: 10 for each
// report staff accepted and resolved, once per case whatever happens to it after, none for a
// withdrawn, merged or resident's report, at most 50 a day; the volunteer's points on 我的 and
// a community's leaderboard with masked names. The seed already gave volunteers points, so
// tests compare before and after.

jest.setTimeout(60_000)
let t: TestStack
beforeEach(async () => { t = await openTestStack() })
afterEach(() => t.close())

const VOLUNTEER = 'u_volunteer_1'
const OTHER_VOLUNTEER = 'u_volunteer_2'
const W1 = 'u_worker_1' // 莲花一村社区第1网格, which holds reports from the clear inside point
const COMMUNITY = 'c-lianhua1'
const DAY_MINUTES = 24 * 60

async function report(userId: string) {
  const sub = await t.call('resident', userId, 'submitReport', { category: 'garbage', description: '小区东门垃圾两天没人清', photos: [await t.upload(userId)], location: insidePoint() })
  expect(sub.ok).toBe(true)
  const stored = (await t.stack.deps.cases.getReport(sub.data.reportId))!
  return { reportId: stored.id, taskId: stored.taskId, caseNumber: stored.caseNumber }
}
const version = async (taskId: string) => (await t.stack.deps.cases.getTask(taskId))!.version
async function accept(taskId: string) {
  expect((await t.call('worker', W1, 'acceptTask', { taskId, version: await version(taskId) })).ok).toBe(true)
}
async function resolve(taskId: string) {
  const res = await t.call('worker', W1, 'resolveTask', { taskId, version: await version(taskId), text: '已通知保洁清运完毕', photos: [await t.upload(W1)] })
  expect(res.ok).toBe(true)
}
async function resolvedReport(userId: string) {
  const c = await report(userId)
  await accept(c.taskId)
  await resolve(c.taskId)
  return c
}
const mine = async (userId = VOLUNTEER, page: object = {}) => {
  const res = await t.call('resident', userId, 'myPoints', page)
  expect(res.ok).toBe(true)
  return res.data
}
const pointsMessages = async (userId: string, reportId?: string) =>
  ((await t.call('user', userId, 'listMessages', { limit: 50 })).data.items as { kind: string; reportId?: string; title: string; body: string }[])
    .filter((m) => m.kind === 'points_granted' && (!reportId || m.reportId === reportId))

describe("a volunteer's points", () => {
  it('come when staff resolve their report: ten, in the history, with a message naming the case', async () => {
    const before = await mine()
    const c = await report(VOLUNTEER)
    await accept(c.taskId)
    expect((await mine()).total).toBe(before.total)
    await resolve(c.taskId)

    const after = await mine()
    expect(after).toMatchObject({ total: before.total + 10, today: before.today + 10, dailyCap: 50, perReport: 10 })
    expect(after.history.items[0]).toEqual({ reportId: c.reportId, caseNumber: c.caseNumber, categoryName: '垃圾堆放', points: 10, capped: false, at: expect.any(Number) })
    const told = await pointsMessages(VOLUNTEER, c.reportId)
    expect(told).toHaveLength(1)
    expect(told[0].title).toBe('获得10志愿积分')
    expect(told[0].body).toContain(`工单编号${c.caseNumber}`)
  })

  it('are granted once per case: a reopen and a second resolution, then a closing rating, add nothing', async () => {
    const c = await resolvedReport(VOLUNTEER)
    const once = (await mine()).total
    expect((await t.call('resident', VOLUNTEER, 'rateReport', { reportId: c.reportId, stars: 2, solved: false, comment: '还是有垃圾' })).ok).toBe(true)
    expect((await t.stack.deps.cases.getTask(c.taskId))!.status).toBe('reopened')
    await accept(c.taskId)
    await resolve(c.taskId)
    expect((await t.call('resident', VOLUNTEER, 'rateReport', { reportId: c.reportId, stars: 5, solved: true })).ok).toBe(true)
    expect((await t.stack.deps.cases.getTask(c.taskId))!.status).toBe('closed')

    expect((await mine()).total).toBe(once)
    expect(await pointsMessages(VOLUNTEER, c.reportId)).toHaveLength(1)
    expect((await mine(VOLUNTEER, { limit: 50 })).history.items.filter((e: { reportId: string }) => e.reportId === c.reportId)).toHaveLength(1)
  })

  it('are never granted for a withdrawn report, nor for a duplicate merged into another case', async () => {
    const before = (await mine()).total
    const c = await report(VOLUNTEER)
    expect((await t.call('resident', VOLUNTEER, 'withdrawReport', { reportId: c.reportId })).ok).toBe(true)
    const stored = (await t.stack.deps.cases.getReport(c.reportId))!
    const withdrawn = (await t.stack.deps.cases.getTask(c.taskId))!
    expect(withdrawn.status).toBe('withdrawn')
    expect(await grantReportPoints(t.stack.deps, stored, withdrawn)).toBeNull()

    // a merged case is never resolved; even one that somehow was earns nothing
    const other = await report(VOLUNTEER)
    const mergedInto = { taskId: other.taskId, reportId: other.reportId, caseNumber: other.caseNumber }
    const now = t.stack.clock.now()
    expect(await grantReportPoints(t.stack.deps, stored, { ...withdrawn, status: 'merged', mergedInto })).toBeNull()
    expect(await grantReportPoints(t.stack.deps, stored, { ...withdrawn, status: 'resolved', acceptedAt: now, resolvedAt: now, mergedInto })).toBeNull()
    expect(await grantReportPoints(t.stack.deps, stored, { ...withdrawn, status: 'rejected' })).toBeNull()

    expect((await mine()).total).toBe(before)
    expect(await pointsMessages(VOLUNTEER, c.reportId)).toEqual([])
  })

  it("are never granted for a resident's report, and a resident has no points page", async () => {
    const c = await resolvedReport(RESIDENT)
    expect(await t.stack.deps.points.total(RESIDENT)).toBe(0)
    expect(await pointsMessages(RESIDENT, c.reportId)).toEqual([])
    const res = await t.call('resident', RESIDENT, 'myPoints', {})
    expect(res.error).toMatchObject({ code: 'FORBIDDEN' })
  })

  it('stop at fifty a day: the sixth resolved report of the day is kept, capped, with no points and no message', async () => {
    t.stack.clock.advance(2 * DAY_MINUTES) // clear of the seed's reports
    const before = await mine()
    expect(before.today).toBe(0)
    const cases: Awaited<ReturnType<typeof resolvedReport>>[] = []
    for (let i = 0; i < 6; i++) cases.push(await resolvedReport(VOLUNTEER))

    const after = await mine(VOLUNTEER, { limit: 6 })
    expect(after.today).toBe(50)
    expect(after.total).toBe(before.total + 50)
    expect(after.history.items.map((e: { reportId: string }) => e.reportId)).toEqual(cases.map((c) => c.reportId).reverse())
    expect(after.history.items[0]).toMatchObject({ reportId: cases[5].reportId, points: 0, capped: true })
    expect(after.history.items.slice(1).every((e: { points: number; capped: boolean }) => e.points === 10 && !e.capped)).toBe(true)
    expect(await pointsMessages(VOLUNTEER, cases[5].reportId)).toEqual([])
    expect((await pointsMessages(VOLUNTEER)).filter((m) => cases.some((c) => c.reportId === m.reportId))).toHaveLength(5)

    // the next day starts again from nothing
    t.stack.clock.advance(DAY_MINUTES)
    await resolvedReport(VOLUNTEER)
    expect(await mine()).toMatchObject({ today: 10, total: before.total + 60 })
  })

  it('page their history newest first', async () => {
    const cases = [await resolvedReport(VOLUNTEER), await resolvedReport(VOLUNTEER), await resolvedReport(VOLUNTEER)]
    const first = await mine(VOLUNTEER, { limit: 2 })
    expect(first.history.items.map((e: { reportId: string }) => e.reportId)).toEqual([cases[2].reportId, cases[1].reportId])
    expect(first.history.nextCursor).toEqual(expect.any(String))
    const next = await mine(VOLUNTEER, { limit: 2, cursor: first.history.nextCursor })
    expect(next.history.items[0].reportId).toBe(cases[0].reportId)
    const all = (await mine(VOLUNTEER, { limit: 50 })).history.items as { at: number }[]
    expect(all.map((e) => e.at)).toEqual([...all.map((e) => e.at)].sort((a, b) => b - a))
  })

  it('survive a grant that failed at the resolve: the rating that closes the case grants them', async () => {
    const c = await report(VOLUNTEER)
    await accept(c.taskId)
    const before = (await mine()).total
    // the store's points as they are, but a grant that dies
    const broken = Object.assign(Object.create(t.stack.deps.points), { grant: async () => { throw new Error('store went away') } })
    const worker = (await t.stack.deps.reference.getUser(W1))!
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined)
    const resolved = await resolveTask({ ...t.stack.deps, points: broken }, worker, { taskId: c.taskId, version: await version(c.taskId), text: '已通知保洁清运完毕', photos: [await t.upload(W1)] })
    warn.mockRestore()
    expect(resolved.ok).toBe(true)
    expect((await mine()).total).toBe(before)

    expect((await t.call('resident', VOLUNTEER, 'rateReport', { reportId: c.reportId, stars: 5, solved: true })).ok).toBe(true)
    expect((await mine()).total).toBe(before + 10)
    expect(await pointsMessages(VOLUNTEER, c.reportId)).toHaveLength(1)
  })
})

describe("a community's leaderboard", () => {
  it("ranks the community's volunteers by points, names masked, the caller's own row and place marked", async () => {
    await resolvedReport(OTHER_VOLUNTEER)
    await resolvedReport(OTHER_VOLUNTEER)
    await resolvedReport(VOLUNTEER)
    const res = await t.call('user', VOLUNTEER, 'leaderboard', { communityId: COMMUNITY })
    expect(res.ok).toBe(true)
    const board = res.data
    const stored = await t.stack.deps.points.leaderboard(COMMUNITY, 20)
    const users = new Map((await t.stack.deps.reference.getUsers(stored.map((r) => r.userId))).map((u) => [u.id, u]))
    expect(board).toMatchObject({ communityId: COMMUNITY, communityName: expect.any(String) })
    expect(board.rows).toEqual(stored.map((r, i) => ({ rank: i + 1, name: maskName(users.get(r.userId)!.name), points: r.points, isMe: r.userId === VOLUNTEER })))
    expect(board.rows.map((r: { points: number }) => r.points)).toEqual([...board.rows.map((r: { points: number }) => r.points)].sort((a: number, b: number) => b - a))
    for (const row of board.rows) expect([...users.values()].map((u) => u.name)).not.toContain(row.name)
    const mineRow = board.rows.find((r: { isMe: boolean }) => r.isMe)
    expect(board.rows.filter((r: { isMe: boolean }) => r.isMe)).toHaveLength(1)
    expect(board.me).toEqual({ rank: mineRow.rank, points: mineRow.points })
    // both volunteers are on it, the one with more points there above
    const ids = stored.map((r) => r.userId)
    expect(ids).toEqual(expect.arrayContaining([VOLUNTEER, OTHER_VOLUNTEER]))

    // a resident sees the board and no place of their own
    const seen = await t.call('user', RESIDENT, 'leaderboard', { communityId: COMMUNITY })
    expect(seen.data.me).toBeNull()
    expect(seen.data.rows.some((r: { isMe: boolean }) => r.isMe)).toBe(false)
  })

  it("moves a volunteer's points and place as they earn", async () => {
    const board = async () => (await t.call('user', VOLUNTEER, 'leaderboard', { communityId: COMMUNITY })).data
    const before = (await board()).me
    await resolvedReport(VOLUNTEER)
    const after = (await board()).me
    expect(after.points).toBe(before.points + 10)
    expect(after.rank).toEqual(expect.any(Number))
    expect((await mine()).communityName).toEqual(expect.any(String))
  })

  it("is the caller's home community without one named, and refuses an unknown community or none at all", async () => {
    const volunteer = (await t.stack.deps.reference.getUser(VOLUNTEER))!
    const home = (await t.stack.deps.reference.getGrid(volunteer.homeGridId!))!
    expect((await t.call('user', VOLUNTEER, 'leaderboard', {})).data.communityId).toBe(home.communityId)
    expect((await t.call('user', VOLUNTEER, 'leaderboard', { communityId: 'c-nowhere' })).error).toMatchObject({ code: 'NOT_FOUND' })
    const none = await t.call('user', 'u_admin_1', 'leaderboard', {})
    expect(none.error).toMatchObject({ code: 'VALIDATION', fields: { communityId: '请选择社区' } })
  })
})
