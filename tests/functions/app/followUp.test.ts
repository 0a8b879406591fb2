import { insidePoint, openTestStack, OTHER_RESIDENT, photoIdOf, RESIDENT, type TestStack } from '../harness'

// What a reporter does after submitting, through the real use cases on the local stack:
// 撤回 before anyone accepted it, 补充说明 while it is open, 催办 past the expected time and
// once a day; each reaches the holder's messages and the case's timeline, and a refusal
// changes nothing.

// a seeded stack per test: its opening alone can pass jest's 5 s on two busy cores
jest.setTimeout(60_000)
let t: TestStack
beforeEach(async () => { t = await openTestStack() })
afterEach(() => t.close())

const W1 = 'u_worker_1' // 莲花一村社区第1网格, which holds reports from the clear inside point
const DAY_MINUTES = 24 * 60

async function report() {
  const photo = await t.upload(RESIDENT)
  const sub = await t.call('resident', RESIDENT, 'submitReport', { category: 'garbage', description: '小区东门垃圾两天没人清', photos: [photo], location: insidePoint() })
  expect(sub.ok).toBe(true)
  const task = (await t.stack.deps.cases.getReport(sub.data.reportId).then((r) => t.stack.deps.cases.getTask(r!.taskId)))!
  expect(task).toMatchObject({ status: 'assigned', assigneeId: W1 })
  return { reportId: sub.data.reportId as string, task }
}
const taskOf = async (id: string) => (await t.stack.deps.cases.getTask(id))!
const lines = async (id: string) => t.stack.deps.cases.listTimeline(id)
const messagesOf = async (userId: string) => (await t.call('user', userId, 'listMessages', { limit: 50 })).data.items as { kind: string; taskId?: string; title: string; body: string }[]
const inbox = async (userId: string) => (await t.call('worker', userId, 'listInbox', {})).data.items.map((i: { taskId: string }) => i.taskId) as string[]
const detail = async (reportId: string) => (await t.call('resident', RESIDENT, 'getMyReport', { reportId })).data

describe('withdrawing a report (撤回)', () => {
  it('works before anyone accepted it: the case ends, leaves the worker\'s inbox, and the worker and the timeline hear of it', async () => {
    const { reportId, task } = await report()
    expect(await inbox(W1)).toContain(task.id)
    expect(await detail(reportId)).toMatchObject({ canWithdraw: true, canAddInfo: true, canUrge: false })

    const res = await t.call('resident', RESIDENT, 'withdrawReport', { reportId, reason: '邻居已经清理了' })
    expect(res.ok).toBe(true)
    expect(res.data).toMatchObject({ status: 'withdrawn', stage: '已撤回', expectedBy: null, canWithdraw: false, canAddInfo: false, canUrge: false, urgeAfter: null })
    expect(await taskOf(task.id)).toMatchObject({ status: 'withdrawn', dueAt: null, checkAt: null, version: task.version + 1 })
    expect(await inbox(W1)).not.toContain(task.id)
    expect((await lines(task.id)).at(-1)).toMatchObject({ action: 'withdraw', actorId: RESIDENT, text: '居民撤回了反映', note: '邻居已经清理了' })
    const told = (await messagesOf(W1)).filter((m) => m.kind === 'report_withdrawn' && m.taskId === task.id)
    expect(told).toHaveLength(1)
    expect(told[0].body).toMatch(/邻居已经清理了.*无需再处理/)

    // retried: refused, naming the state, and nothing more is written
    const again = await t.call('resident', RESIDENT, 'withdrawReport', { reportId })
    expect(again.error).toMatchObject({ code: 'CONFLICT', message: '当前状态「已撤回」，无需再次撤回' })
    expect((await lines(task.id)).map((e) => e.action)).toEqual(['submit', 'assign', 'withdraw'])
  })

  it('is refused with CONFLICT once the worker accepted it, and nothing changes', async () => {
    const { reportId, task } = await report()
    expect((await t.call('worker', W1, 'acceptTask', { taskId: task.id, version: task.version })).ok).toBe(true)
    const accepted = await taskOf(task.id)
    const before = { lines: await lines(task.id), messages: await messagesOf(W1) }
    expect(await detail(reportId)).toMatchObject({ canWithdraw: false, canAddInfo: true })

    const res = await t.call('resident', RESIDENT, 'withdrawReport', { reportId, reason: '不用处理了' })
    expect(res.error).toMatchObject({ code: 'CONFLICT', message: '当前状态「网格员处理中」，已签收，不能撤回，可以补充说明或催办' })
    expect(await taskOf(task.id)).toEqual(accepted)
    expect(await lines(task.id)).toEqual(before.lines)
    expect(await messagesOf(W1)).toEqual(before.messages)
  })

  it('racing the worker\'s 签收: exactly one of the two lands, and the timeline has its one line', async () => {
    const { reportId, task } = await report()
    const [withdrawn, accepted] = await Promise.all([
      t.call('resident', RESIDENT, 'withdrawReport', { reportId }),
      t.call('worker', W1, 'acceptTask', { taskId: task.id, version: task.version }),
    ])
    expect([withdrawn.ok, accepted.ok].filter(Boolean)).toHaveLength(1)
    const outcomes = (await lines(task.id)).filter((e) => e.action === 'withdraw' || e.action === 'accept').map((e) => e.action)
    expect(outcomes).toEqual([withdrawn.ok ? 'withdraw' : 'accept'])
    expect((await taskOf(task.id)).status).toBe(withdrawn.ok ? 'withdrawn' : 'accepted')
    expect((withdrawn.ok ? accepted : withdrawn).error.code).toBe('CONFLICT')
  })
})

describe('a report is its reporter\'s alone', () => {
  it.each([
    ['withdrawReport', {}],
    ['addReportInfo', { text: '垃圾越来越多了' }],
    ['urgeReport', {}],
  ])('another resident calling %s gets FORBIDDEN and the case is untouched', async (action, extra) => {
    const { reportId, task } = await report()
    t.stack.clock.advance(30 * DAY_MINUTES) // past every expected time, so only the owner rule refuses the urge
    const res = await t.call('resident', OTHER_RESIDENT, action, { reportId, ...extra })
    expect(res.error?.code).toBe('FORBIDDEN')
    expect(await taskOf(task.id)).toEqual(task)
    expect((await lines(task.id)).map((e) => e.action)).toEqual(['submit', 'assign'])
  })
})

describe('adding information (补充说明)', () => {
  it('puts the words and photos on the timeline and in the holder\'s messages; a second note is a second line', async () => {
    const { reportId, task } = await report()
    const photos = [await t.upload(RESIDENT), await t.upload(RESIDENT)]
    const res = await t.call('resident', RESIDENT, 'addReportInfo', { reportId, text: '垃圾堆到了楼道口，有异味', photos })
    expect(res.ok).toBe(true)
    const line = res.data.timeline.at(-1)
    expect(line).toMatchObject({ action: 'add_info', text: '居民补充说明', note: '垃圾堆到了楼道口，有异味' })
    expect(line.photos.map(photoIdOf)).toEqual(photos)
    expect(res.data).toMatchObject({ status: 'assigned', canWithdraw: true })
    expect(await taskOf(task.id)).toMatchObject({ status: 'assigned', version: task.version + 1, dueAt: task.dueAt })

    const told = (await messagesOf(W1)).filter((m) => m.kind === 'report_info_added' && m.taskId === task.id)
    expect(told).toHaveLength(1)
    expect(told[0].body).toMatch(/垃圾堆到了楼道口，有异味（附照片2张）$/)
    // the worker reads it on the task page, photos included (the local review passes them at once)
    const seen = (await t.call('worker', W1, 'getTask', { taskId: task.id })).data.timeline.find((e: { action: string }) => e.action === 'add_info')
    expect(seen.photos.map(photoIdOf)).toEqual(photos)

    expect((await t.call('resident', RESIDENT, 'addReportInfo', { reportId, text: '今天早上又多了两袋' })).ok).toBe(true)
    expect((await lines(task.id)).filter((e) => e.action === 'add_info').map((e) => e.note)).toEqual(['垃圾堆到了楼道口，有异味', '今天早上又多了两袋'])
  })

  it('refuses photos someone else uploaded and words the content check refuses, writing nothing', async () => {
    const { reportId, task } = await report()
    const theirs = await t.upload(OTHER_RESIDENT)
    const photo = await t.call('resident', RESIDENT, 'addReportInfo', { reportId, text: '补充一张照片', photos: [theirs] })
    expect(photo.error).toMatchObject({ code: 'VALIDATION', fields: { 'photos.0': expect.stringMatching(/不存在或已失效/) } })
    const words = await t.call('resident', RESIDENT, 'addReportInfo', { reportId, text: '楼下有人办假证' })
    expect(words.error).toMatchObject({ code: 'CONTENT_REJECTED', fields: { text: expect.stringMatching(/补充说明/) } })
    expect(await taskOf(task.id)).toEqual(task)
  })

  it('is refused once the case is no longer open', async () => {
    const { reportId } = await report()
    await t.call('resident', RESIDENT, 'withdrawReport', { reportId })
    const res = await t.call('resident', RESIDENT, 'addReportInfo', { reportId, text: '还想补充一句' })
    expect(res.error).toMatchObject({ code: 'CONFLICT', message: '当前状态「已撤回」，不能补充说明' })
  })
})

describe('urging (催办)', () => {
  it('waits for the expected time, then tells the holder once, and not again within 24 hours', async () => {
    const { reportId, task } = await report()
    const first = await detail(reportId)
    expect(first).toMatchObject({ canUrge: false, urgeAfter: expect.any(Number) })
    const early = await t.call('resident', RESIDENT, 'urgeReport', { reportId })
    expect(early.error).toMatchObject({ code: 'CONFLICT', message: expect.stringMatching(/^还未到预计处理时间/) })
    expect(await taskOf(task.id)).toEqual(task)

    t.stack.clock.advance((first.urgeAfter - t.stack.clock.now()) / 60_000 + 1)
    expect(await detail(reportId)).toMatchObject({ canUrge: true })
    const urged = await t.call('resident', RESIDENT, 'urgeReport', { reportId })
    expect(urged.ok).toBe(true)
    expect(urged.data).toMatchObject({ canUrge: false, urgeAfter: (await taskOf(task.id)).urgedAt! + DAY_MINUTES * 60_000 })
    expect(urged.data.timeline.at(-1)).toMatchObject({ action: 'urge', actorId: RESIDENT, text: '居民催办：已超过预计处理时间' })
    expect((await messagesOf(W1)).filter((m) => m.kind === 'report_urged' && m.taskId === task.id)).toHaveLength(1)

    t.stack.clock.advance(DAY_MINUTES - 10)
    const twice = await t.call('resident', RESIDENT, 'urgeReport', { reportId })
    expect(twice.error).toMatchObject({ code: 'CONFLICT', message: expect.stringMatching(/^您已催办过，.*后可以再次催办$/) })
    expect((await lines(task.id)).filter((e) => e.action === 'urge')).toHaveLength(1)

    t.stack.clock.advance(11)
    expect((await t.call('resident', RESIDENT, 'urgeReport', { reportId })).ok).toBe(true)
    expect((await messagesOf(W1)).filter((m) => m.kind === 'report_urged' && m.taskId === task.id)).toHaveLength(2)
  })

  it('reaches the dispatchers while the case waits in their queue', async () => {
    const { reportId, task } = await report()
    expect((await t.call('worker', W1, 'returnTask', { taskId: task.id, version: task.version, reason: '不属于网格职责范围' })).ok).toBe(true)
    const returned = await taskOf(task.id)
    expect(returned.queue.scope).toBe('community')
    t.stack.clock.advance(30 * DAY_MINUTES)
    expect((await t.call('resident', RESIDENT, 'urgeReport', { reportId })).ok).toBe(true)
    expect((await messagesOf('u_cdisp_1')).filter((m) => m.kind === 'report_urged' && m.taskId === task.id)).toHaveLength(1)
    expect((await messagesOf(W1)).filter((m) => m.kind === 'report_urged')).toHaveLength(0)
  })
})
