import type { Grid } from '../../../shared/model'
import { insidePoint, openTestStack, RESIDENT, type TestStack } from '../harness'

// Leave and substitutes (请假代班): while a worker's leave runs, the new tasks of their grid go
// to the named substitute, who finds them in their inbox and handles them; the worker on
// leave is not messaged. When the leave ends (or is ended), new tasks go back to the worker.
// One seeded stack for the file; each test starts with nobody on leave.
let t: TestStack
beforeAll(async () => { t = await openTestStack() }, 60_000)
afterAll(() => t.close())
afterEach(async () => {
  const c = await cast()
  for (const userId of [c.worker, c.leader, c.substitute]) await t.call('admin', 'u_admin_1', 'endLeave', { userId })
})

const DAY = 86_400_000
const MINUTES_A_DAY = 24 * 60

/** The grid the harness's inside point routes to, its worker and leader, a worker of another grid of its community, and its dispatcher. */
async function cast() {
  const grids = await t.stack.deps.reference.listGrids()
  const here = (await t.stack.deps.router.route(insidePoint())).gridId!
  const grid = grids.find((g) => g.id === here)!
  const neighbour = grids.find((g) => g.communityId === grid.communityId && g.id !== grid.id)!
  const community = (await t.stack.deps.reference.getCommunity(grid.communityId))!
  return { grid, worker: grid.workerIds[0], leader: grid.leaderId!, substitute: neighbour.workerIds[0], neighbour, dispatcher: community.dispatcherIds[0] }
}

async function report(description = '楼道里的灯坏了好几天') {
  const sub = await t.call('resident', RESIDENT, 'submitReport', { category: 'garbage', description, photos: [await t.upload(RESIDENT)], location: insidePoint() })
  expect(sub.ok).toBe(true)
  return (await t.stack.deps.cases.getTask((await t.stack.deps.cases.getReport(sub.data.reportId))!.taskId))!
}

const inboxIds = async (userId: string) => (await t.call('worker', userId, 'listInbox', { limit: 50 })).data.items.map((i: any) => i.taskId)
const toldOf = async (userId: string, taskId: string) => (await t.call('user', userId, 'listMessages', { limit: 50 })).data.items.some((m: any) => m.taskId === taskId && m.kind === 'task_assigned')
const leave = (as: string, body: object) => t.call('admin', as, 'setLeave', body)

describe('leave and substitutes', () => {
  it("hands the grid's new tasks to the substitute while the leave runs, who sees, accepts and resolves them; then back to the worker", async () => {
    const c = await cast()
    const now = t.stack.clock.now()
    const set = await leave(c.dispatcher, { userId: c.worker, from: now - 1000, until: now + 2 * DAY, substituteId: c.substitute, note: '年假' })
    expect(set.data).toMatchObject({ userId: c.worker, leave: { until: now + 2 * DAY, substituteId: c.substitute, substituteName: expect.any(String), note: '年假' } })

    const covered = await report()
    expect(covered.assigneeId).toBe(c.substitute)
    expect(await inboxIds(c.substitute)).toContain(covered.id)
    expect(await toldOf(c.substitute, covered.id)).toBe(true)
    expect(await toldOf(c.worker, covered.id)).toBe(false)
    expect(await toldOf(c.leader, covered.id)).toBe(true)
    const timeline = await t.stack.deps.cases.listTimeline(covered.id)
    expect(timeline.find((e) => e.action === 'assign')?.text).toMatch(/请假，由.+代班/)

    const seen = await t.call('worker', c.substitute, 'getTask', { taskId: covered.id })
    expect(seen.data).toMatchObject({ canAccept: true })
    const accepted = await t.call('worker', c.substitute, 'acceptTask', { taskId: covered.id, version: seen.data.version })
    expect(accepted.data.status).toBe('accepted')
    const resolved = await t.call('worker', c.substitute, 'resolveTask', { taskId: covered.id, version: accepted.data.version, text: '已更换灯泡，楼道恢复照明', photos: [await t.upload(c.substitute)] })
    expect(resolved.data.status).toBe('resolved')
    // their own grid's tasks are theirs as before
    expect((await t.stack.deps.reference.getGrid(c.neighbour.id))!.workerIds[0]).toBe(c.substitute)

    t.stack.clock.advance(2 * MINUTES_A_DAY)
    const back = await report('垃圾桶满了没人清理')
    expect(back.assigneeId).toBe(c.worker)
    expect(await toldOf(c.worker, back.id)).toBe(true)
    expect(await toldOf(c.substitute, back.id)).toBe(false)
    expect(await inboxIds(c.substitute)).not.toContain(back.id)
    expect(await inboxIds(c.worker)).toContain(back.id)
  })

  it('sends new tasks back to the worker as soon as the leave is ended early, and leaves a leave still to come without effect', async () => {
    const c = await cast()
    const now = t.stack.clock.now()
    await leave(c.dispatcher, { userId: c.worker, from: now, until: now + 5 * DAY, substituteId: c.substitute })
    expect((await report()).assigneeId).toBe(c.substitute)
    const ended = await t.call('admin', c.dispatcher, 'endLeave', { userId: c.worker })
    expect(ended.data).toMatchObject({ userId: c.worker, leave: null })
    expect((await report('垃圾桶满了没人清理')).assigneeId).toBe(c.worker)

    await leave(c.dispatcher, { userId: c.worker, from: now + DAY, until: now + 3 * DAY, substituteId: c.substitute })
    expect((await report('路灯不亮了，晚上很黑')).assigneeId).toBe(c.worker)
  })

  it('keeps a leader on leave out of the new task\'s messages, and the task with the worker', async () => {
    const c = await cast()
    const now = t.stack.clock.now()
    await leave(c.dispatcher, { userId: c.leader, from: now, until: now + DAY, substituteId: c.substitute })
    const task = await report()
    expect(task.assigneeId).toBe(c.worker)
    expect(await toldOf(c.worker, task.id)).toBe(true)
    expect(await toldOf(c.leader, task.id)).toBe(false)
    // the leader's substitute is not the assignee: nothing to tell them of a task they cannot open
    expect(await toldOf(c.substitute, task.id)).toBe(false)
  })

  it.each([
    ['the substitute is a dispatcher, not grid staff', (c: Cast) => ({ substituteId: c.dispatcher }), 'substituteId', /应为网格员或网格长/],
    ['the substitute does not exist', () => ({ substituteId: 'u_nobody' }), 'substituteId', /代班人员不存在/],
    ['the substitute is the person', (c: Cast) => ({ substituteId: c.worker }), 'substituteId', /不能是请假人本人/],
    ['the leave is over already', () => ({ from: Date.UTC(2024, 0, 1), until: Date.UTC(2024, 0, 3) }), 'until', /请假结束时间已过/],
    ['the leave ends before it starts', (c: Cast) => ({ from: c.now + DAY, until: c.now }), 'until', /应晚于开始时间/],
  ])('refuses a leave where %s, naming the field, and changes nothing', async (_what, change, field, message) => {
    const c = { ...(await cast()), now: t.stack.clock.now() }
    const res = await leave(c.dispatcher, { userId: c.worker, from: c.now, until: c.now + DAY, substituteId: c.substitute, ...change(c) })
    expect(res.error).toMatchObject({ code: 'VALIDATION', fields: { [field]: expect.stringMatching(message) } })
    expect((await t.stack.deps.reference.getUser(c.worker))!.leave).toBeUndefined()
  })

  it('refuses a substitute who is on leave over those dates, a leave for a dispatcher, and one outside the caller\'s area', async () => {
    const c = await cast()
    const now = t.stack.clock.now()
    expect((await leave(c.dispatcher, { userId: c.substitute, from: now + DAY, until: now + 3 * DAY, substituteId: c.worker })).ok).toBe(true)
    const busy = await leave(c.dispatcher, { userId: c.worker, from: now, until: now + 2 * DAY, substituteId: c.substitute })
    expect(busy.error).toMatchObject({ code: 'VALIDATION', fields: { substituteId: expect.stringMatching(/这段时间也在请假/) } })
    // dates that do not meet are fine
    expect((await leave(c.dispatcher, { userId: c.worker, from: now, until: now + DAY, substituteId: c.substitute })).ok).toBe(true)

    const dispatcherLeave = await leave('u_admin_1', { userId: c.dispatcher, from: now, until: now + DAY, substituteId: c.substitute })
    expect(dispatcherLeave.error).toMatchObject({ code: 'VALIDATION', fields: { userId: expect.any(String) } })
    const otherCommunity = (await t.stack.deps.reference.listCommunities()).find((x) => !x.dispatcherIds.includes(c.dispatcher))!
    const outside = await leave(otherCommunity.dispatcherIds[0], { userId: c.worker, from: now, until: now + DAY, substituteId: c.substitute })
    expect(outside.error.code).toBe('FORBIDDEN')
  })
})

type Cast = Awaited<ReturnType<typeof cast>> & { now: number; grid: Grid }
