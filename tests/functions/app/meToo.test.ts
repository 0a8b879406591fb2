import { offsetByMetres } from '../../../shared/routing/geo'
import type { LngLat } from '../../../shared/model'
import { LocalContentCheck } from '../../../cloudfunctions/adapters/local/localContentCheck'
import { insidePoint, openTestStack, OTHER_RESIDENT, photoIdOf, RESIDENT, type TestStack } from '../harness'

// "Me too" (我也遇到) and merging duplicates through the real use cases on the local stack:
// the list never crosses the category, the radius or the window and shows nothing personal;
// joining follows a case once, and its results reach the follower as they reach the
// reporter; staff merge a duplicate into the case it repeats, and its reporter follows that.

// a seeded stack per test: its opening alone can pass jest's 5 s on two busy cores
jest.setTimeout(60_000)
let t: TestStack
const DAY_MINUTES = 24 * 60
beforeEach(async () => {
  t = await openTestStack()
  // past the window of every seeded report, so the lists hold only what a test made
  t.stack.clock.advance(31 * DAY_MINUTES)
})
afterEach(() => t.close())

const W1 = 'u_worker_1' // 莲花一村社区第1网格, which holds reports from the clear inside point
const OTHER_GRID_WORKER = 'u_worker_2'
const THIRD_RESIDENT = 'u_resident_3'
const VOLUNTEER = 'u_volunteer_1'
const CATEGORY = 'manhole_cover'
const DESCRIPTION = '路边井盖缺了一块，晚上看不见很危险'
const ADDRESS = '莲花一村北门外人行道'

const here = (eastM = 0, northM = 0): LngLat => offsetByMetres(insidePoint(), eastM, northM)

async function report(userId: string, o: { category?: string; at?: LngLat; photo?: string } = {}) {
  const photo = o.photo ?? (await t.upload(userId))
  const sub = await t.call('resident', userId, 'submitReport', { category: o.category ?? CATEGORY, description: DESCRIPTION, address: ADDRESS, photos: [photo], location: o.at ?? here() })
  expect(sub.ok).toBe(true)
  const stored = (await t.stack.deps.cases.getReport(sub.data.reportId))!
  return { reportId: stored.id, taskId: stored.taskId, caseNumber: stored.caseNumber, photo }
}
const taskOf = async (id: string) => (await t.stack.deps.cases.getTask(id))!
const lines = async (id: string) => t.stack.deps.cases.listTimeline(id)
const nearby = async (userId: string, at: LngLat, category = CATEGORY) => t.call('resident', userId, 'nearbyReports', { category, location: at })
const nearbyIds = async (userId: string, at: LngLat, category = CATEGORY) => ((await nearby(userId, at, category)).data as { reportId: string }[]).map((r) => r.reportId)
const join = (userId: string, reportId: string, at: LngLat = here()) => t.call('resident', userId, 'joinReport', { reportId, location: at })
const messagesOf = async (userId: string) => (await t.call('user', userId, 'listMessages', { limit: 50 })).data.items as { kind: string; reportId?: string; taskId?: string; body: string }[]

async function resolve(taskId: string) {
  const accepted = await t.call('worker', W1, 'acceptTask', { taskId, version: (await taskOf(taskId)).version })
  expect(accepted.ok).toBe(true)
  const resolved = await t.call('worker', W1, 'resolveTask', { taskId, version: accepted.data.version, text: '已更换新井盖并设置警示', photos: [await t.upload(W1)] })
  expect(resolved.ok).toBe(true)
  return resolved
}

describe('"me too": the open reports near the reporter', () => {
  it('never crosses the category or the radius, nearest first', async () => {
    const at99 = await report(RESIDENT, { at: here(99, 0) })
    const at101 = await report(RESIDENT, { at: here(0, 101) })
    const at40 = await report(OTHER_RESIDENT, { at: here(-40, 0) })
    const road = await report(OTHER_RESIDENT, { category: 'street_light', at: here(10, 0) })

    expect(await nearbyIds(VOLUNTEER, here())).toEqual([at40.reportId, at99.reportId])
    expect(await nearbyIds(VOLUNTEER, here(), 'street_light')).toEqual([road.reportId])
    // from 101 m north the 101 m one is at the point, and the 99 m one is ~142 m away
    expect(await nearbyIds(VOLUNTEER, here(0, 101))).toEqual([at101.reportId])
    const items = (await nearby(VOLUNTEER, here())).data
    expect(items[0]).toMatchObject({ category: CATEGORY, categoryName: '井盖缺失破损', distanceM: 40, followerCount: 0, statusWords: '已受理', joined: false, ago: '刚刚' })
    expect(items[1].distanceM).toBe(99)
  })

  it('never crosses the window: 29 days in, 31 days out, on the dev clock', async () => {
    const old = await report(RESIDENT)
    t.stack.clock.advance(29 * DAY_MINUTES)
    const list = (await nearby(VOLUNTEER, here())).data
    expect(list.map((r: { reportId: string }) => r.reportId)).toEqual([old.reportId])
    expect(list[0].ago).toBe('29天前')
    t.stack.clock.advance(2 * DAY_MINUTES)
    expect(await nearbyIds(VOLUNTEER, here())).toEqual([])
    // nor can one join it from there
    expect((await join(VOLUNTEER, old.reportId)).error).toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('已超过30天') })
  })

  it('never shows closed, withdrawn or merged reports', async () => {
    const open = await report(RESIDENT, { at: here(5, 0) })
    const withdrawn = await report(RESIDENT, { at: here(6, 0) })
    const closed = await report(OTHER_RESIDENT, { at: here(7, 0) })
    const merged = await report(THIRD_RESIDENT, { at: here(8, 0) })
    expect((await nearbyIds(VOLUNTEER, here())).sort()).toEqual([open, withdrawn, closed, merged].map((r) => r.reportId).sort())

    expect((await t.call('resident', RESIDENT, 'withdrawReport', { reportId: withdrawn.reportId })).ok).toBe(true)
    await resolve(closed.taskId)
    expect((await t.call('resident', OTHER_RESIDENT, 'rateReport', { reportId: closed.reportId, stars: 5, solved: true })).ok).toBe(true)
    const dup = await taskOf(merged.taskId)
    expect((await t.call('worker', W1, 'mergeReports', { taskId: dup.id, version: dup.version, intoCaseNumber: open.caseNumber, reason: '同一个井盖，重复反映' })).ok).toBe(true)

    expect(await nearbyIds(VOLUNTEER, here())).toEqual([open.reportId])
  })

  it('shows nothing personal: no description, address, reporter or unreviewed photo, not even the caller\'s own', async () => {
    const reviewed = await report(RESIDENT, { at: here(10, 0) })
    const unreviewed = await report(RESIDENT, { at: here(20, 0) })
    const local = new LocalContentCheck()
    t.stack.deps.content = { checkText: (texts) => local.checkText(texts), submitPhotos: async () => undefined, visiblePhotos: async (ids) => new Set(ids.filter((id) => id !== unreviewed.photo)) }
    const reporter = (await t.stack.deps.reference.getUser(RESIDENT))!

    for (const caller of [VOLUNTEER, RESIDENT]) {
      const items = (await nearby(caller, here())).data as { reportId: string; thumbnail: string | null; joined: boolean }[]
      expect(items.map((i) => i.reportId)).toEqual([reviewed.reportId, unreviewed.reportId])
      expect(photoIdOf(items[0].thumbnail!)).toBe(reviewed.photo)
      expect(items[1].thumbnail).toBeNull()
      expect(items.map((i) => i.joined)).toEqual(caller === RESIDENT ? [true, true] : [false, false])
      const json = JSON.stringify(items)
      for (const secret of [DESCRIPTION, ADDRESS, reporter.name, reporter.phone, RESIDENT, unreviewed.photo]) expect(json).not.toContain(secret)
      expect(Object.keys(items[0]).sort()).toEqual(['ago', 'caseNumber', 'category', 'categoryName', 'createdAt', 'distanceM', 'followerCount', 'joined', 'reportId', 'statusWords', 'thumbnail'])
    }
  })

  it('refuses an unknown category on the category field', async () => {
    expect((await nearby(VOLUNTEER, here(), 'no_such_thing')).error).toMatchObject({ code: 'VALIDATION', fields: { category: expect.stringContaining('不存在') } })
  })
})

describe('joining a report ("me too")', () => {
  it('adds the follower once: a second join answers the same view and writes nothing', async () => {
    const r = await report(RESIDENT)
    const before = await taskOf(r.taskId)
    const first = await join(OTHER_RESIDENT, r.reportId, here(30, 0))
    expect(first.ok).toBe(true)
    expect(first.data).toMatchObject({ reportId: r.reportId, relation: 'follower', followerCount: 1, description: '', canRate: false, canWithdraw: false, canAddInfo: false, canUrge: false })
    expect((await t.stack.deps.cases.getReport(r.reportId))!.followerIds).toEqual([OTHER_RESIDENT])
    expect(await taskOf(r.taskId)).toMatchObject({ status: before.status, version: before.version + 1, dueAt: before.dueAt })
    const follow = (await lines(r.taskId)).filter((e) => e.action === 'follow')
    expect(follow).toEqual([expect.objectContaining({ actorId: OTHER_RESIDENT, actorName: '居民', text: '又有1位居民反映了同一问题（共2人关注）' })])
    // the holder hears of it, without the joiner's name
    const joiner = (await t.stack.deps.reference.getUser(OTHER_RESIDENT))!
    const told = (await messagesOf(W1)).filter((m) => m.kind === 'report_followed' && m.taskId === r.taskId)
    expect(told).toHaveLength(1)
    expect(told[0].body).not.toContain(joiner.name)

    const again = await join(OTHER_RESIDENT, r.reportId, here(30, 0))
    expect(again.data).toEqual(first.data)
    expect((await lines(r.taskId)).filter((e) => e.action === 'follow')).toHaveLength(1)
    expect((await taskOf(r.taskId)).version).toBe(before.version + 1)
    expect((await nearby(OTHER_RESIDENT, here())).data[0]).toMatchObject({ reportId: r.reportId, followerCount: 1, joined: true })
  })

  it('refuses the reporter\'s own, one from beyond the radius, and an unknown report, changing nothing', async () => {
    const r = await report(RESIDENT)
    const before = await taskOf(r.taskId)
    expect((await join(RESIDENT, r.reportId)).error).toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('这是您自己反映的问题') })
    expect((await join(OTHER_RESIDENT, r.reportId, here(0, 101))).error).toMatchObject({ code: 'VALIDATION', fields: { location: expect.stringContaining('超过100米') } })
    expect((await join(OTHER_RESIDENT, 'r_nope')).error).toMatchObject({ code: 'NOT_FOUND' })
    expect(await taskOf(r.taskId)).toEqual(before)
    expect((await t.stack.deps.cases.getReport(r.reportId))!.followerIds).toBeUndefined()
  })

  it('lets the follower open the report with the follower\'s view, and no other resident', async () => {
    const r = await report(RESIDENT)
    expect((await join(OTHER_RESIDENT, r.reportId)).ok).toBe(true)
    const reporter = (await t.stack.deps.reference.getUser(RESIDENT))!

    const seen = await t.call('resident', OTHER_RESIDENT, 'getMyReport', { reportId: r.reportId })
    expect(seen.ok).toBe(true)
    expect(seen.data).toMatchObject({ relation: 'follower', description: '', rating: null, onBehalf: null, canRate: false, canWithdraw: false, canAddInfo: false, canUrge: false, urgeAfter: null })
    expect(seen.data.address).toBeUndefined()
    expect(seen.data.location).not.toEqual((await t.stack.deps.cases.getReport(r.reportId))!.location)
    const json = JSON.stringify(seen.data)
    for (const secret of [DESCRIPTION, ADDRESS, reporter.name, reporter.phone]) expect(json).not.toContain(secret)

    // the reporter sees the same case whole, the joiner unnamed
    const own = await t.call('resident', RESIDENT, 'getMyReport', { reportId: r.reportId })
    expect(own.data).toMatchObject({ relation: 'reporter', description: DESCRIPTION, address: ADDRESS, followerCount: 1, canWithdraw: true })
    expect(JSON.stringify(own.data)).not.toContain((await t.stack.deps.reference.getUser(OTHER_RESIDENT))!.name)

    expect((await t.call('resident', THIRD_RESIDENT, 'getMyReport', { reportId: r.reportId })).error).toMatchObject({ code: 'FORBIDDEN' })
  })

  it('tells the reporter and the follower alike when the worker resolves it', async () => {
    const r = await report(RESIDENT)
    expect((await join(OTHER_RESIDENT, r.reportId)).ok).toBe(true)
    await resolve(r.taskId)
    for (const userId of [RESIDENT, OTHER_RESIDENT]) {
      expect((await messagesOf(userId)).filter((m) => m.kind === 'report_resolved' && m.reportId === r.reportId)).toHaveLength(1)
    }
    expect((await messagesOf(THIRD_RESIDENT)).filter((m) => m.reportId === r.reportId)).toEqual([])
    // a follower reads the result, and may not rate it
    const seen = await t.call('resident', OTHER_RESIDENT, 'getMyReport', { reportId: r.reportId })
    expect(seen.data).toMatchObject({ status: 'resolved', canRate: false, result: { text: '已更换新井盖并设置警示' } })
    expect((await t.call('resident', OTHER_RESIDENT, 'rateReport', { reportId: r.reportId, stars: 1, solved: false })).error).toMatchObject({ code: 'FORBIDDEN' })
  })
})

describe('merging a duplicate into the case it repeats (合并)', () => {
  it('ends the duplicate as merged, and its reporter follows the case and hears of its resolution', async () => {
    const target = await report(RESIDENT, { at: here(0, 0) })
    const dup = await report(OTHER_RESIDENT, { at: here(15, 0) })
    const dupTask = await taskOf(dup.taskId)
    const res = await t.call('worker', W1, 'mergeReports', { taskId: dup.taskId, version: dupTask.version, intoCaseNumber: target.caseNumber, reason: '同一个井盖，重复反映' })
    expect(res.ok).toBe(true)
    expect(res.data).toMatchObject({ taskId: target.taskId, followerCount: 1, mergedInto: null })

    expect(await taskOf(dup.taskId)).toMatchObject({ status: 'merged', mergedInto: { taskId: target.taskId, caseNumber: target.caseNumber }, dueAt: null, checkAt: null })
    expect((await t.stack.deps.cases.getReport(target.reportId))!.followerIds).toEqual([OTHER_RESIDENT])
    expect((await lines(dup.taskId)).at(-1)).toMatchObject({ action: 'merge', text: `已合并到工单 ${target.caseNumber}，处理结果将一并告知` })
    expect((await lines(target.taskId)).at(-1)).toMatchObject({ action: 'merge' })
    expect((await messagesOf(OTHER_RESIDENT)).filter((m) => m.kind === 'report_merged' && m.reportId === dup.reportId)).toHaveLength(1)
    const dupView = await t.call('resident', OTHER_RESIDENT, 'getMyReport', { reportId: dup.reportId })
    expect(dupView.data).toMatchObject({ status: 'merged', mergedInto: { reportId: target.reportId, caseNumber: target.caseNumber } })
    expect((await t.call('resident', OTHER_RESIDENT, 'getMyReport', { reportId: target.reportId })).data).toMatchObject({ relation: 'follower' })

    // retried after it went through: the same answer, nothing written twice
    const again = await t.call('worker', W1, 'mergeReports', { taskId: dup.taskId, version: dupTask.version, intoCaseNumber: target.caseNumber, reason: '同一个井盖，重复反映' })
    expect(again.ok).toBe(true)
    expect((await lines(target.taskId)).filter((e) => e.action === 'merge')).toHaveLength(1)

    await resolve(target.taskId)
    expect((await messagesOf(OTHER_RESIDENT)).filter((m) => m.kind === 'report_resolved' && m.reportId === target.reportId)).toHaveLength(1)
    expect((await messagesOf(RESIDENT)).filter((m) => m.kind === 'report_resolved' && m.reportId === target.reportId)).toHaveLength(1)
  })

  it('heals on a retry after a crash between the target\'s write and the duplicate\'s: no one added twice', async () => {
    const target = await report(RESIDENT)
    const dup = await report(OTHER_RESIDENT, { at: here(15, 0) })
    expect((await join(THIRD_RESIDENT, dup.reportId)).ok).toBe(true)
    const dupTask = await taskOf(dup.taskId)
    const cases = t.stack.deps.cases
    const save = cases.saveTaskChange.bind(cases)
    // the duplicate's write is lost once, after the target's went through
    let lose = true
    cases.saveTaskChange = async (change) => (change.task.id === dup.taskId && lose ? ((lose = false), false) : save(change))
    const input = { taskId: dup.taskId, version: dupTask.version, intoCaseNumber: target.caseNumber, reason: '同一个井盖，重复反映' }
    expect((await t.call('worker', W1, 'mergeReports', input)).error).toMatchObject({ code: 'CONFLICT' })
    expect((await t.stack.deps.cases.getReport(target.reportId))!.followerIds).toEqual([OTHER_RESIDENT, THIRD_RESIDENT])
    expect((await taskOf(dup.taskId)).status).toBe('assigned')

    const retried = await t.call('worker', W1, 'mergeReports', input)
    expect(retried.ok).toBe(true)
    expect(retried.data.followerCount).toBe(2)
    expect((await taskOf(dup.taskId)).status).toBe('merged')
    expect((await t.stack.deps.cases.getReport(target.reportId))!.followerIds).toEqual([OTHER_RESIDENT, THIRD_RESIDENT])
    expect((await lines(target.taskId)).filter((e) => e.action === 'merge')).toHaveLength(1)
    for (const userId of [OTHER_RESIDENT, THIRD_RESIDENT]) {
      expect((await messagesOf(userId)).filter((m) => m.kind === 'report_merged')).toHaveLength(1)
    }
  })

  it('is FORBIDDEN to a worker of another grid, and nothing changes', async () => {
    const target = await report(RESIDENT)
    const dup = await report(OTHER_RESIDENT, { at: here(15, 0) })
    const before = { target: await taskOf(target.taskId), dup: await taskOf(dup.taskId), report: await t.stack.deps.cases.getReport(target.reportId) }
    const res = await t.call('worker', OTHER_GRID_WORKER, 'mergeReports', { taskId: dup.taskId, version: before.dup.version, intoCaseNumber: target.caseNumber, reason: '同一个井盖，重复反映' })
    expect(res.error).toMatchObject({ code: 'FORBIDDEN' })
    expect({ target: await taskOf(target.taskId), dup: await taskOf(dup.taskId), report: await t.stack.deps.cases.getReport(target.reportId) }).toEqual(before)
  })

  it('refuses a closed case as the target with CONFLICT, an unknown number with NOT_FOUND, and changes nothing', async () => {
    const closed = await report(RESIDENT)
    await resolve(closed.taskId)
    expect((await t.call('resident', RESIDENT, 'rateReport', { reportId: closed.reportId, stars: 5, solved: true })).ok).toBe(true)
    const dup = await report(OTHER_RESIDENT, { at: here(15, 0) })
    const before = { closed: await taskOf(closed.taskId), dup: await taskOf(dup.taskId) }
    const res = await t.call('worker', W1, 'mergeReports', { taskId: dup.taskId, version: before.dup.version, intoCaseNumber: closed.caseNumber, reason: '同一个井盖，重复反映' })
    expect(res.error).toMatchObject({ code: 'CONFLICT', fields: { intoCaseNumber: expect.stringContaining('已结案') } })
    const unknown = await t.call('worker', W1, 'mergeReports', { taskId: dup.taskId, version: before.dup.version, intoCaseNumber: '2099010100001', reason: '同一个井盖，重复反映' })
    expect(unknown.error).toMatchObject({ code: 'NOT_FOUND', fields: { intoCaseNumber: expect.stringContaining('2099010100001') } })
    expect({ closed: await taskOf(closed.taskId), dup: await taskOf(dup.taskId) }).toEqual(before)
  })
})
