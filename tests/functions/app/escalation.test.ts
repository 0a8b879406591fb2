import { escalate } from '../../../cloudfunctions/app/jobs/escalate'
import type { Cases } from '../../../cloudfunctions/app/ports'
import { DEMO_POINTS } from '../../../cloudfunctions/local/seed/demoArea'
import { shanghaiCompactDay } from '../../../shared/identity/calendarDate'
import { openTestStack, RESIDENT, type TestStack } from '../harness'

// Deadlines and the four levels through the real use cases on the local stack: the escalate
// job (warning, one level up per deadline, supervision at the top; idempotent, crash-safe,
// racing a worker), and the moves between people as each role makes them.

let t: TestStack
beforeEach(async () => { t = await openTestStack() })
afterEach(() => t.close())

const W1 = 'u_worker_1' // 莲花一村社区第1网格
const L1 = 'u_leader_1'
const L2 = 'u_leader_2'
const W5 = 'u_worker_5' // 田面社区第1网格, the neighbour across the shared border
const CDISP_LIANHUA = 'u_cdisp_1'
const CDISP_TIANMIAN = 'u_cdisp_2'
const SDISP = 'u_sdisp_1'
const ADMIN = 'u_admin_1'

async function report(point = DEMO_POINTS.insideClear.point) {
  const photo = await t.upload(RESIDENT)
  const sub = await t.call('resident', RESIDENT, 'submitReport', { category: 'garbage', description: '小区东门垃圾两天没人清', photos: [photo], location: point })
  expect(sub.ok).toBe(true)
  return { reportId: sub.data.reportId as string, caseNumber: sub.data.caseNumber as string, task: (await t.stack.deps.cases.getReport(sub.data.reportId).then((r) => t.stack.deps.cases.getTask(r!.taskId)))! }
}
const taskOf = async (id: string) => (await t.stack.deps.cases.getTask(id))!
const lines = async (id: string, action?: string) => (await t.stack.deps.cases.listTimeline(id)).filter((e) => !action || e.action === action)
const messagesOf = async (userId: string) => (await t.call('user', userId, 'listMessages', { limit: 50 })).data.items as { kind: string; taskId?: string; body: string }[]

describe('the escalate job', () => {
  it('warns the holder at 80% of the time, once, and then looks at the deadline', async () => {
    const { task } = await report()
    // the seeded demo cases are swept too: only this task's outcome is looked at
    const run = await escalate(t.stack.deps, task.warnAt! + 1)
    expect(run.changed).toBeGreaterThanOrEqual(1)
    const after = await taskOf(task.id)
    expect(after).toMatchObject({ level: 'grid', status: 'assigned', checkAt: task.dueAt, version: task.version + 1 })
    expect((await messagesOf(W1)).filter((m) => m.kind === 'task_warning' && m.taskId === task.id)).toHaveLength(1)
    expect(await escalate(t.stack.deps, task.warnAt! + 1)).toEqual({ changed: 0, more: false })
    // a warning is no move: the timeline is as it was
    expect(await lines(task.id)).toHaveLength(2)
  })

  it('moves a task past its deadline one level up, tells the new holder, the previous one and the reporter, and the resident reads it in words', async () => {
    const { task, reportId } = await report()
    await escalate(t.stack.deps, task.dueAt! + 1)
    const up = await taskOf(task.id)
    expect(up).toMatchObject({ level: 'community', status: 'escalated', queue: { scope: 'community', id: 'c-lianhua1' }, gridId: null, assigneeId: null })
    expect(up.dueAt!).toBeGreaterThan(task.dueAt!)
    expect((await lines(task.id, 'escalate'))[0]).toMatchObject({ actorId: 'system', text: '超过处理时限，已上报社区处理' })
    expect((await messagesOf(CDISP_LIANHUA)).some((m) => m.kind === 'task_escalated' && m.taskId === task.id)).toBe(true)
    expect((await messagesOf(W1)).some((m) => m.kind === 'task_escalated' && m.taskId === task.id)).toBe(true)
    expect((await messagesOf(RESIDENT)).some((m) => m.kind === 'report_progress' && m.body.includes('已上报社区处理'))).toBe(true)
    const detail = (await t.call('resident', RESIDENT, 'getMyReport', { reportId })).data
    expect(detail).toMatchObject({ stage: '已上报社区处理', expectedBy: expect.stringMatching(/^预计\d+月\d+日\d\d:\d\d前处理$/) })
    // it is the community's now: in its queue, out of the worker's inbox
    expect((await t.call('admin', CDISP_LIANHUA, 'listConsole', { view: 'queue' })).data.items.map((i: { taskId: string }) => i.taskId)).toContain(task.id)
    expect((await t.call('worker', W1, 'listInbox', {})).data.items.map((i: { taskId: string }) => i.taskId)).not.toContain(task.id)
  })

  it('climbs grid → community → street → district, then marks the red task for supervision and stops looking at it', async () => {
    const { task } = await report()
    const seen: string[] = []
    for (let i = 0; i < 4; i++) {
      const before = await taskOf(task.id)
      await escalate(t.stack.deps, before.dueAt! + 1)
      const after = await taskOf(task.id)
      seen.push(`${after.level}:${after.queue.scope}`)
    }
    expect(seen).toEqual(['community:community', 'street:street', 'district:district', 'district:district'])
    const top = await taskOf(task.id)
    expect(top).toMatchObject({ supervision: { count: 1, overdue: true }, checkAt: null })
    expect((await lines(task.id, 'supervise'))[0].text).toMatch(/超期督办/)
    expect((await messagesOf(ADMIN)).some((m) => m.kind === 'task_escalated' && m.taskId === task.id)).toBe(true)
    await escalate(t.stack.deps, top.dueAt! + 86_400_000)
    expect(await taskOf(task.id)).toEqual(top)
  })

  it('is idempotent: run twice at the same instant, or twice at once, each task moves once', async () => {
    const tasks = [(await report()).task, (await report()).task]
    const when = Math.max(...tasks.map((x) => x.dueAt!)) + 1
    await Promise.all([escalate(t.stack.deps, when), escalate(t.stack.deps, when)])
    expect(await escalate(t.stack.deps, when)).toEqual({ changed: 0, more: false })
    for (const x of tasks) {
      expect(await lines(x.id, 'escalate')).toHaveLength(1)
      expect((await taskOf(x.id)).level).toBe('community')
    }
  })

  it('a crash in the middle leaves every task moved whole or untouched, and the next run finishes the rest', async () => {
    const tasks = [(await report()).task, (await report()).task, (await report()).task]
    const when = Math.max(...tasks.map((x) => x.dueAt!)) + 1
    const real = t.stack.deps.cases
    let saves = 0
    const crashing: Cases = Object.assign(Object.create(Object.getPrototypeOf(real)), real, {
      saveTaskChange: async (change: Parameters<Cases['saveTaskChange']>[0]) => {
        if (++saves === 2) throw new Error('the function instance died')
        return real.saveTaskChange(change)
      },
    })
    await expect(escalate({ ...t.stack.deps, cases: crashing }, when)).rejects.toThrow('died')
    for (const x of tasks) {
      const now = await taskOf(x.id)
      const escalated = (await lines(x.id, 'escalate')).length
      // whole: the level, its line and its messages together; untouched: none of them
      expect([now.level === 'community' && escalated === 1 && now.version === x.version + 1, now.level === 'grid' && escalated === 0 && now.version === x.version]).toContain(true)
    }
    await escalate(t.stack.deps, when)
    for (const x of tasks) {
      expect((await taskOf(x.id)).level).toBe('community')
      expect(await lines(x.id, 'escalate')).toHaveLength(1)
      expect((await messagesOf(CDISP_LIANHUA)).filter((m) => m.kind === 'task_escalated' && m.taskId === x.id)).toHaveLength(1)
    }
  })

  it('escalating a task while its worker accepts it: exactly one outcome, in the timeline', async () => {
    const { task } = await report()
    t.stack.clock.advance((task.dueAt! - t.stack.clock.now()) / 60_000 + 1)
    const [accepted] = await Promise.all([
      t.call('worker', W1, 'acceptTask', { taskId: task.id, version: task.version }),
      escalate(t.stack.deps, t.stack.clock.now()),
    ])
    const outcomes = (await lines(task.id)).filter((e) => e.action === 'accept' || e.action === 'escalate')
    expect(outcomes).toHaveLength(1)
    const now = await taskOf(task.id)
    if (outcomes[0].action === 'accept') expect([accepted.ok, now.status]).toEqual([true, 'accepted'])
    else expect([accepted.error?.code, now.status]).toEqual(['CONFLICT', 'escalated'])
  })
})

describe('moves between people', () => {
  it('gives every report a 工单编号 of the day, shown to the reporter and findable by staff of its area only', async () => {
    const { caseNumber, task, reportId } = await report()
    expect(caseNumber).toMatch(new RegExp(`^${shanghaiCompactDay(task.createdAt)}\\d{5}$`))
    const second = await report()
    expect(Number(second.caseNumber)).toBe(Number(caseNumber) + 1)
    expect((await t.call('resident', RESIDENT, 'listMyReports', {})).data.items.find((r: { reportId: string }) => r.reportId === reportId).caseNumber).toBe(caseNumber)
    expect((await t.call('admin', W1, 'findCase', { caseNumber })).data).toMatchObject({ taskId: task.id, caseNumber })
    expect((await t.call('admin', CDISP_LIANHUA, 'findCase', { caseNumber })).data.taskId).toBe(task.id)
    expect((await t.call('admin', CDISP_TIANMIAN, 'findCase', { caseNumber })).error.code).toBe('FORBIDDEN')
    expect((await t.call('admin', W5, 'findCase', { caseNumber })).error.code).toBe('FORBIDDEN')
    expect((await t.call('admin', W1, 'findCase', { caseNumber: '2026' })).error).toMatchObject({ code: 'VALIDATION', fields: { caseNumber: expect.any(String) } })
  })

  it('escalates on a worker\'s request with the reason in the timeline', async () => {
    const { task } = await report()
    const r = await t.call('worker', W1, 'escalateTask', { taskId: task.id, version: task.version, reason: '涉及多个楼栋，需要社区协调' })
    expect(r.data).toMatchObject({ level: 'community', status: 'escalated' })
    expect((await lines(task.id, 'escalate'))[0]).toMatchObject({ text: '申请上报，已上报社区处理', note: '涉及多个楼栋，需要社区协调' })
    const missing = await t.call('worker', W1, 'escalateTask', { taskId: task.id, version: r.data.version })
    expect(missing.error).toMatchObject({ code: 'VALIDATION', fields: { reason: expect.stringContaining('上报原因') } })
  })

  it('transfers across the border in one tap, lets the neighbour refuse once, and then only accept or return', async () => {
    const { task } = await report(DEMO_POINTS.onSharedBorder.point)
    const page = (await t.call('worker', 'u_worker_1', 'getTask', { taskId: task.id })).data
    expect(page.moves.transferTo).toEqual([{ gridId: 'g-tianmian-1', gridName: '田面社区第1网格' }])
    const notNeighbour = await t.call('worker', W1, 'transferTask', { taskId: task.id, version: task.version, toGridId: 'g-xintian-1', reason: '不在本网格' })
    expect(notNeighbour.error).toMatchObject({ code: 'VALIDATION', fields: { toGridId: expect.any(String) } })
    expect((await taskOf(task.id)).version).toBe(task.version)

    const moved = (await t.call('worker', W1, 'transferTask', { taskId: task.id, version: task.version, toGridId: 'g-tianmian-1', reason: '问题在马路对面' })).data
    expect(moved).toMatchObject({ status: 'transferred', gridId: 'g-tianmian-1' })
    const theirs = (await t.call('worker', W5, 'getTask', { taskId: task.id })).data
    expect(theirs).toMatchObject({ transfer: { fromGridName: '莲花一村社区第1网格', refusable: true }, moves: { accept: true, refuseTransfer: true } })
    const refused = (await t.call('worker', W5, 'refuseTransfer', { taskId: task.id, version: theirs.version, reason: '现场核实属于莲花一村' })).error
    expect(refused).toBeUndefined()
    const back = await taskOf(task.id)
    expect(back).toMatchObject({ status: 'returned', queue: { scope: 'community', id: 'c-lianhua1' }, transferRefused: true })
    expect((await messagesOf(CDISP_LIANHUA)).some((m) => m.kind === 'task_returned' && m.taskId === task.id)).toBe(true)

    const assigned = (await t.call('admin', CDISP_LIANHUA, 'assignTask', { taskId: task.id, version: back.version, gridId: 'g-lianhua1-1' })).data
    expect(assigned).toMatchObject({ status: 'assigned', gridId: 'g-lianhua1-1' })
    const again = (await t.call('worker', W1, 'transferTask', { taskId: task.id, version: assigned.version, toGridId: 'g-tianmian-1', reason: '再次确认在对面' })).data
    const second = await t.call('worker', W5, 'refuseTransfer', { taskId: task.id, version: again.version, reason: '还是不属于我们' })
    expect(second.error.code).toBe('CONFLICT')
    expect((await t.call('worker', W5, 'getTask', { taskId: task.id })).data.moves.refuseTransfer).toBe(false)
  })

  it(`returns to the dispatcher, and the third return escalates`, async () => {
    const { task } = await report()
    let version = task.version
    for (let i = 1; i <= 3; i++) {
      const r = (await t.call('worker', W1, 'returnTask', { taskId: task.id, version, reason: '不属于网格职责范围' })).data
      version = r.version
      if (i < 3) {
        expect(r).toMatchObject({ status: 'returned', level: 'grid', returnCount: i })
        version = (await t.call('admin', CDISP_LIANHUA, 'assignTask', { taskId: task.id, version, gridId: 'g-lianhua1-1', assigneeId: W1 })).data.version
      } else {
        expect(r).toMatchObject({ status: 'escalated', level: 'community', returnCount: 3 })
      }
    }
    expect((await lines(task.id, 'escalate'))[0].text).toMatch(/^退回已达3次，已上报社区处理/)
  })

  it('asks for an extension that only the level above decides; approval moves the deadline', async () => {
    const { task } = await report()
    const accepted = (await t.call('worker', W1, 'acceptTask', { taskId: task.id, version: task.version })).data
    const asked = (await t.call('worker', W1, 'requestExtension', { taskId: task.id, version: accepted.version, days: 2, reason: '等待物业调配清运车' })).data
    expect(asked).toMatchObject({ status: 'extension_requested', extension: { days: 2, reason: '等待物业调配清运车' } })
    expect((await messagesOf(CDISP_LIANHUA)).some((m) => m.kind === 'extension_requested')).toBe(true)
    expect((await t.call('admin', W1, 'decideExtension', { taskId: task.id, version: asked.version, approve: true })).error.code).toBe('FORBIDDEN')
    expect((await t.call('admin', CDISP_TIANMIAN, 'decideExtension', { taskId: task.id, version: asked.version, approve: true })).error.code).toBe('FORBIDDEN')
    expect((await t.call('admin', CDISP_LIANHUA, 'decideExtension', { taskId: task.id, version: asked.version, approve: false })).error).toMatchObject({ code: 'VALIDATION', fields: { reason: expect.any(String) } })
    const before = await taskOf(task.id)
    const approved = (await t.call('admin', CDISP_LIANHUA, 'decideExtension', { taskId: task.id, version: asked.version, approve: true })).data
    expect(approved).toMatchObject({ status: 'accepted', extension: null })
    expect(approved.resolveDueAt).toBeGreaterThan(before.resolveDueAt!)
    expect((await lines(task.id, 'approve_extension'))[0].text).toMatch(/^延期已批准，处理期限延至\d+月\d+日/)
    expect((await messagesOf(W1)).some((m) => m.kind === 'extension_decided')).toBe(true)
  })

  it('lets a grid leader or a dispatcher of the area supervise (督办), shown to the assignee; nobody else', async () => {
    const { task } = await report()
    expect((await t.call('admin', L2, 'superviseTask', { taskId: task.id, version: task.version, note: '请今天处理完' })).error.code).toBe('FORBIDDEN')
    expect((await t.call('admin', CDISP_TIANMIAN, 'superviseTask', { taskId: task.id, version: task.version, note: '请今天处理完' })).error.code).toBe('FORBIDDEN')
    const s1 = (await t.call('admin', L1, 'superviseTask', { taskId: task.id, version: task.version, note: '请今天处理完' })).data
    const s2 = (await t.call('admin', SDISP, 'superviseTask', { taskId: task.id, version: s1.version, note: '街道关注此事' })).data
    expect(s2.supervision).toMatchObject({ count: 2, note: '街道关注此事', overdue: false })
    expect((await messagesOf(W1)).filter((m) => m.kind === 'task_supervised' && m.taskId === task.id)).toHaveLength(2)
    expect((await t.call('worker', W1, 'getTask', { taskId: task.id })).data.supervision.count).toBe(2)
  })

  it('refuses every forbidden move with FORBIDDEN or CONFLICT and changes nothing', async () => {
    const { task } = await report()
    const tries: [string, string, string, object, string][] = [
      ['worker', W5, 'escalateTask', { reason: '不是我的网格' }, 'FORBIDDEN'],
      ['worker', W5, 'returnTask', { reason: '不是我的网格' }, 'FORBIDDEN'],
      ['worker', W1, 'refuseTransfer', { reason: '没有转派过' }, 'CONFLICT'],
      ['worker', W1, 'requestExtension', { days: 1, reason: '还没签收' }, 'FORBIDDEN'],
      ['admin', CDISP_TIANMIAN, 'assignTask', { gridId: 'g-tianmian-1' }, 'FORBIDDEN'],
      ['admin', CDISP_LIANHUA, 'assignTask', { gridId: 'g-tianmian-1' }, 'FORBIDDEN'],
      ['admin', CDISP_LIANHUA, 'decideExtension', { approve: true }, 'CONFLICT'],
      ['admin', RESIDENT, 'superviseTask', { note: '居民不能督办' }, 'FORBIDDEN'],
      ['worker', W1, 'escalateTask', { reason: '旧版本' }, 'CONFLICT'],
    ]
    for (const [fn, who, action, extra, code] of tries) {
      const version = action === 'escalateTask' && who === W1 ? task.version + 5 : task.version
      const r = await t.call(fn, who, action, { taskId: task.id, version, ...extra })
      expect([action, who, r.error?.code]).toEqual([action, who, code])
    }
    const after = await taskOf(task.id)
    expect(after).toEqual(task)
    expect(await lines(task.id)).toHaveLength(2)
  })
})

describe('the dispatchers\' console', () => {
  const escalated = async () => {
    const { task } = await report()
    await escalate(t.stack.deps, task.dueAt! + 1)
    return taskOf(task.id)
  }

  it('lists its own area only, as a queue, overdue, by level and by grid, with counts', async () => {
    const up = await escalated()
    const other = (await report(DEMO_POINTS.nearBorder10m.point)).task // 田面社区
    // the seeded demo cases are in these lists too: each list is checked for what must and must not be in it
    const all = async (who: string, q: object) => {
      const items: { taskId: string; level: string; queue: { scope: string }; gridId: string | null; holder: string }[] = []
      let cursor: string | undefined
      do {
        const page = (await t.call('admin', who, 'listConsole', { ...q, limit: 50, ...(cursor ? { cursor } : {}) })).data
        items.push(...page.items)
        cursor = page.nextCursor ?? undefined
      } while (cursor)
      return items
    }
    const first = (await t.call('admin', CDISP_LIANHUA, 'listConsole', { view: 'queue' })).data
    expect(first.area).toMatchObject({ scope: 'community', id: 'c-lianhua1', name: '莲花一村社区' })
    expect(first.grids.map((g: { gridId: string }) => g.gridId)).toEqual(['g-lianhua1-1', 'g-lianhua1-2', 'g-lianhua1-3', 'g-lianhua1-4'])
    const mine = await all(CDISP_LIANHUA, { view: 'queue' })
    expect(mine.map((i) => i.taskId)).toContain(up.id)
    expect(mine.map((i) => i.taskId)).not.toContain(other.id)
    expect(mine.every((i) => i.queue.scope !== 'grid' && i.gridId === null)).toBe(true)
    expect(mine.find((i) => i.taskId === up.id)!.holder).toBe('莲花一村社区分拨中心')
    const theirs = (await all(CDISP_TIANMIAN, { view: 'all' })).map((i) => i.taskId)
    expect(theirs).toContain(other.id)
    expect(theirs).not.toContain(up.id)
    expect((await t.call('admin', CDISP_TIANMIAN, 'listConsole', { view: 'all', communityId: 'c-lianhua1' })).error.code).toBe('FORBIDDEN')
    const street = (await all(SDISP, { view: 'all' })).map((i) => i.taskId)
    expect(street).toEqual(expect.arrayContaining([up.id, other.id]))
    const yellow = await all(SDISP, { view: 'all', level: 'community' })
    expect(yellow.map((i) => i.taskId)).toContain(up.id)
    expect(yellow.every((i) => i.level === 'community')).toBe(true)
    const g = await all(SDISP, { view: 'all', gridId: 'g-tianmian-1' })
    expect(g.map((i) => i.taskId)).toContain(other.id)
    expect(g.every((i) => i.gridId === 'g-tianmian-1')).toBe(true)
    const counts = (await t.call('admin', SDISP, 'consoleCounts', {})).data
    const lengths = { grid: (await all(SDISP, { view: 'all', level: 'grid' })).length, community: yellow.length, street: (await all(SDISP, { view: 'all', level: 'street' })).length, district: (await all(SDISP, { view: 'all', level: 'district' })).length }
    expect(counts).toEqual({ byLevel: lengths, overdue: (await all(SDISP, { view: 'overdue' })).length, queued: (await all(SDISP, { view: 'queue' })).length, extensionRequests: 0 })
    expect(street).toHaveLength(lengths.grid + lengths.community + lengths.street + lengths.district)
  })

  it('bulk-assigns: each task on its own, a stale one and one outside the area fail and say why, the rest land', async () => {
    const a = await escalated(), b = await escalated(), c = await escalated()
    const foreign = (await report(DEMO_POINTS.nearBorder10m.point)).task
    const r = (await t.call('admin', CDISP_LIANHUA, 'bulkMove', {
      move: { type: 'assign', gridId: 'g-lianhua1-2' },
      tasks: [{ taskId: a.id, version: a.version }, { taskId: b.id, version: b.version - 1 }, { taskId: c.id, version: c.version }, { taskId: foreign.id, version: foreign.version }],
    })).data
    expect(r).toMatchObject({ done: 2, failed: 2 })
    expect(r.results.map((x: { ok: boolean; code?: string }) => (x.ok ? 'ok' : x.code))).toEqual(['ok', 'CONFLICT', 'ok', 'FORBIDDEN'])
    expect((await taskOf(a.id))).toMatchObject({ status: 'assigned', gridId: 'g-lianhua1-2', assigneeId: 'u_worker_2', level: 'community' })
    expect(await taskOf(b.id)).toEqual(b)
    expect(await taskOf(foreign.id)).toEqual(foreign)
    expect((await lines(a.id, 'assign')).at(-1)!.text).toMatch(/^派单至莲花一村社区第2网格（/)
    const tooMany = await t.call('admin', CDISP_LIANHUA, 'bulkMove', { move: { type: 'supervise', note: '统一督办' }, tasks: Array.from({ length: 501 }, (_, i) => ({ taskId: `t_${i}`, version: 1 })) })
    expect(tooMany.error).toMatchObject({ code: 'VALIDATION', fields: { tasks: expect.stringContaining('500') } })
  })
})
