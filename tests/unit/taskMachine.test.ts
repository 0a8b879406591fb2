import { DEFAULT_CALENDAR } from '../../shared/calendar/workingTime'
import type { Task } from '../../shared/model'
import type { Level } from '../../shared/levels'
import { TASK_STATUSES, type TaskStatus } from '../../shared/workflow/status'
import {
  ALLOWED, applyTaskAction, canApply, ESCALATE_AFTER, expectedAt, queueAt, RATING_WINDOW_MS, URGE_EVERY_MS, urgeAfter, WARN_SHARE, workingDayMinutes, type TaskAction,
} from '../../shared/workflow/taskMachine'
import { ratingReopens } from '../../shared/schemas/report'

const now = Date.UTC(2026, 10, 23, 2, 0) // Monday 10:00 in Shanghai
const H = 3_600_000
// each level's own limits, so a test can see which level's deadline a move set
const LIMITS: Record<Level, { acceptMinutes: number; resolveMinutes: number }> = {
  grid: { acceptMinutes: 60, resolveMinutes: 480 },
  community: { acceptMinutes: 120, resolveMinutes: 900 },
  street: { acceptMinutes: 180, resolveMinutes: 1350 },
  district: { acceptMinutes: 240, resolveMinutes: 2250 },
}
const ctx = { actorId: 'u_w', now, calendar: DEFAULT_CALENDAR, limits: (level: Level) => LIMITS[level] }
const area = { communityId: 'c1', streetId: 's1' }
const task = (over: Partial<Task> = {}): Task => ({
  id: 't1', kind: 'report', reportId: 'r1', caseNumber: '2026112300001', category: 'garbage', gridId: 'g1', queue: { scope: 'grid', id: 'g1' }, area, level: 'grid',
  status: 'assigned', assigneeId: 'u_w', acceptedById: null, acceptDueAt: now + H, resolveDueAt: null, dueAt: now + H, warnAt: now + 0.8 * H, checkAt: now + 0.8 * H,
  reopenCount: 0, returnCount: 0, version: 3, createdAt: now, updatedAt: now, acceptedAt: null, resolvedAt: null, closedAt: null, ...over,
})
const applied = (t: Task, a: TaskAction) => {
  const r = applyTaskAction(t, a, ctx)
  if (!r.ok) throw new Error(r.error.message)
  return r.value
}

// One sample of each action, for the table of every state × action.
const SAMPLES: TaskAction[] = [
  { type: 'accept' },
  { type: 'resolve', text: '已清理', photos: ['f1'] },
  { type: 'rate', reopen: false },
  { type: 'close_unrated' },
  { type: 'escalate', reason: '需要社区协调' },
  { type: 'transfer', toGridId: 'g2', assigneeId: 'u_w2', reason: '位置在相邻网格' },
  { type: 'refuse_transfer', reason: '不在本网格' },
  { type: 'return', reason: '不属于网格职责' },
  { type: 'assign', gridId: 'g3', assigneeId: 'u_w3' },
  { type: 'request_extension', days: 2, reason: '等待配件', byName: '王建国' },
  { type: 'decide_extension', approve: true },
  { type: 'supervise', note: '请今天处理', byName: '李秀英' },
  { type: 'warn' },
  { type: 'withdraw' },
  { type: 'add_info' },
  { type: 'urge' },
  { type: 'follow' },
  { type: 'merge', into: { taskId: 't9', reportId: 'r9', caseNumber: '2026112300009' } },
]
// urging waits for the expected time: the table urges a month on, past every deadline of inState
const ctxFor = (a: TaskAction) => (a.type === 'urge' ? { ...ctx, now: now + 30 * 24 * H } : ctx)
// a task in each state as the workflow leaves it there
const inState = (status: TaskStatus): Task => {
  const queued = status === 'submitted' || status === 'escalated' || status === 'returned'
  return task({
    status,
    ...(queued ? { gridId: null, queue: { scope: 'community', id: 'c1' }, assigneeId: null } : {}),
    ...(status === 'accepted' || status === 'extension_requested' ? { acceptedById: 'u_w', resolveDueAt: now + 8 * H, dueAt: now + 8 * H, warnAt: now + 6 * H, checkAt: now + 6 * H } : {}),
    ...(status === 'extension_requested' ? { extension: { days: 2, reason: '等待配件', byId: 'u_w', byName: '王建国', at: now } } : {}),
    ...(status === 'transferred' ? { transfer: { fromGridId: 'g0', toGridId: 'g1', reason: '相邻', byId: 'u_w0', at: now } } : {}),
    ...(status === 'resolved' ? { resolvedAt: now, dueAt: now + RATING_WINDOW_MS, warnAt: null, checkAt: null } : {}),
    ...(status === 'closed' || status === 'rejected' || status === 'withdrawn' || status === 'merged' ? { dueAt: null, warnAt: null, checkAt: null } : {}),
    ...(status === 'merged' ? { closedAt: now, mergedInto: { taskId: 't8', reportId: 'r8', caseNumber: '2026112300008' } } : {}),
  })
}

describe('the workflow: every state × every action', () => {
  const rows = TASK_STATUSES.flatMap((status) => SAMPLES.map((action) => [status, action.type, ALLOWED[action.type].includes(status), action] as const))
  it.each(rows)('%s + %s: allowed = %s', (status, _type, allowed, action) => {
    const before = inState(status)
    const c = ctxFor(action)
    const r = applyTaskAction(before, action, c)
    if (allowed) {
      if (!r.ok) throw new Error(`${status} + ${action.type} refused: ${r.error.message}`)
      expect(r.value.version).toBe(before.version + 1)
      expect(r.value.updatedAt).toBe(c.now)
    } else {
      expect(r).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringMatching(/当前状态/) } })
    }
  })

  it('covers every action the machine knows', () => {
    expect(SAMPLES.map((a) => a.type).sort()).toEqual(Object.keys(ALLOWED).sort())
  })
})

describe('the task machine', () => {
  it('accepts an assigned task, records who, bumps the version and sets the resolve deadline with its 80% warning', () => {
    const t = applied(task(), { type: 'accept' })
    expect(t).toMatchObject({ status: 'accepted', acceptedById: 'u_w', acceptedAt: now, version: 4 })
    expect(t.dueAt).toBe(t.resolveDueAt)
    // 480 working minutes from Mon 10:00: 390 until Mon 18:00, 90 more on Tuesday → Tue 10:30
    expect(t.dueAt).toBe(Date.UTC(2026, 10, 24, 2, 30))
  })

  it('resolves an accepted task with its result; its deadline becomes the end of the 7-day rating window and nothing is left to check', () => {
    expect(applied(task({ status: 'accepted' }), { type: 'resolve', text: '已清理', photos: ['f1'] })).toMatchObject({
      status: 'resolved', resolvedAt: now, dueAt: now + RATING_WINDOW_MS, checkAt: null, warnAt: null, result: { text: '已清理', photos: ['f1'], byId: 'u_w' },
    })
  })

  it('closes a resolved task as unrated, and refuses to do so once it is closed or reopened', () => {
    expect(applyTaskAction(task({ status: 'resolved' }), { type: 'close_unrated' }, ctx)).toMatchObject({ ok: true, value: { status: 'closed', closedAt: now, dueAt: null } })
    for (const status of ['closed', 'reopened', 'accepted'] as const) {
      expect(applyTaskAction(task({ status }), { type: 'close_unrated' }, ctx)).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })
    }
  })

  it('closes a resolved task on a good rating and reopens it on a bad one', () => {
    expect(applied(task({ status: 'resolved' }), { type: 'rate', reopen: false })).toMatchObject({ status: 'closed', closedAt: now })
    expect(applied(task({ status: 'resolved', acceptedById: 'u_w' }), { type: 'rate', reopen: true })).toMatchObject({ status: 'reopened', reopenCount: 1, acceptedById: null, level: 'grid' })
  })

  it(`escalates on the ${ESCALATE_AFTER}rd reopen instead of sending it back to the same worker`, () => {
    const t = applied(task({ status: 'resolved', reopenCount: ESCALATE_AFTER - 1 }), { type: 'rate', reopen: true })
    expect(t).toMatchObject({ status: 'escalated', level: 'community', reopenCount: ESCALATE_AFTER, queue: { scope: 'community', id: 'c1' }, gridId: null, assigneeId: null })
  })

  it.each([
    ['grid', 'community', { scope: 'community', id: 'c1' }],
    ['community', 'street', { scope: 'street', id: 's1' }],
    ['street', 'district', { scope: 'district', id: 'district' }],
  ] as const)('escalates %s → %s into that level\'s queue with that level\'s accept deadline', (from, to, queue) => {
    const t = applied(task({ level: from }), { type: 'escalate', reason: '需要协调' })
    expect(t).toMatchObject({ level: to, status: 'escalated', queue, gridId: null, assigneeId: null, acceptedById: null, resolveDueAt: null })
    const expected = applyTaskAction(task({ level: to, status: 'returned' }), { type: 'assign', gridId: 'g1', assigneeId: 'u' }, ctx)
    expect(expected.ok && t.dueAt).toBe(expected.ok && expected.value.dueAt) // the same accept limit (LIMITS[to]) from now
  })

  it('skips the community level for a task in no community', () => {
    expect(applied(task({ area: { communityId: null, streetId: 's1' } }), { type: 'escalate', reason: '需要协调' })).toMatchObject({ level: 'street', queue: { scope: 'street', id: 's1' } })
  })

  it('refuses to escalate past the district: a red task is supervised instead', () => {
    const red = task({ level: 'district' })
    expect(canApply(red, 'escalate')).toBe(false)
    expect(applyTaskAction(red, { type: 'escalate', reason: '再上报' }, ctx)).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringMatching(/最高层级/) } })
    const marked = applied(red, { type: 'supervise', note: '超期督办', byName: '系统', overdue: true })
    expect(marked).toMatchObject({ supervision: { count: 1, overdue: true }, checkAt: null, status: 'assigned' })
  })

  it('transfers to a neighbouring grid, which may refuse it once, back to the dispatcher', () => {
    const moved = applied(task({ status: 'accepted', acceptedById: 'u_w' }), { type: 'transfer', toGridId: 'g2', assigneeId: 'u_w2', reason: '位置在相邻网格' })
    expect(moved).toMatchObject({ status: 'transferred', gridId: 'g2', queue: { scope: 'grid', id: 'g2' }, assigneeId: 'u_w2', acceptedById: null, transfer: { fromGridId: 'g1', toGridId: 'g2' } })
    const refused = applied(moved, { type: 'refuse_transfer', reason: '不在本网格' })
    expect(refused).toMatchObject({ status: 'returned', gridId: null, queue: { scope: 'community', id: 'c1' }, assigneeId: null, transferRefused: true })
    expect(refused.transfer).toBeUndefined()
    // assigned back to g2 and transferred again: no second refusal
    const again = applied(applied(refused, { type: 'assign', gridId: 'g1', assigneeId: 'u_w' }), { type: 'transfer', toGridId: 'g2', assigneeId: 'u_w2', reason: '再次转派' })
    expect(canApply(again, 'refuse_transfer')).toBe(false)
    expect(applyTaskAction(again, { type: 'refuse_transfer', reason: '还是不要' }, ctx)).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringMatching(/拒收过一次/) } })
  })

  it('refuses a transfer to the grid that holds it', () => {
    expect(applyTaskAction(task(), { type: 'transfer', toGridId: 'g1', assigneeId: null, reason: '转给自己' }, ctx)).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })
  })

  it(`returns to the dispatcher, and the ${ESCALATE_AFTER}rd return escalates`, () => {
    expect(applied(task(), { type: 'return', reason: '不属于网格职责' })).toMatchObject({ status: 'returned', returnCount: 1, level: 'grid', queue: { scope: 'community', id: 'c1' }, gridId: null })
    expect(applied(task({ returnCount: ESCALATE_AFTER - 1 }), { type: 'return', reason: '不属于网格职责' })).toMatchObject({ status: 'escalated', returnCount: ESCALATE_AFTER, level: 'community' })
  })

  it('assigns a queued task and reassigns a held one, keeping its level', () => {
    expect(applied(inState('escalated'), { type: 'assign', gridId: 'g3', assigneeId: 'u_w3' })).toMatchObject({ status: 'assigned', gridId: 'g3', queue: { scope: 'grid', id: 'g3' }, assigneeId: 'u_w3', level: 'grid' })
    const held = applied(task({ status: 'accepted', acceptedById: 'u_w', level: 'community' }), { type: 'assign', gridId: 'g3', assigneeId: 'u_w3' })
    expect(held).toMatchObject({ status: 'assigned', acceptedById: null, level: 'community', resolveDueAt: null })
  })

  it('moves the resolve deadline by the working days an approved extension asked for, and keeps it when refused', () => {
    const asked = applied(inState('accepted'), { type: 'request_extension', days: 2, reason: '等待配件', byName: '王建国' })
    expect(asked).toMatchObject({ status: 'extension_requested', extension: { days: 2, byId: 'u_w' }, dueAt: now + 8 * H })
    const approved = applied(asked, { type: 'decide_extension', approve: true })
    expect(approved.status).toBe('accepted')
    expect(approved.extension).toBeUndefined()
    // Mon 18:00 + 2 working days of 7.5 h = Wed 18:00
    expect(approved.resolveDueAt).toBe(Date.UTC(2026, 10, 25, 10, 0))
    expect(approved.dueAt).toBe(approved.resolveDueAt)
    expect(approved.checkAt).toBe(approved.warnAt)
    expect(approved.warnAt!).toBeLessThan(approved.dueAt!)
    const refused = applied(asked, { type: 'decide_extension', approve: false, reason: '不予延期' })
    expect(refused).toMatchObject({ status: 'accepted', dueAt: now + 8 * H, resolveDueAt: now + 8 * H })
  })

  it('warns once at 80% of the working time, then checks at the deadline', () => {
    const t = task()
    expect(t.checkAt).toBe(t.warnAt)
    const warned = applied(t, { type: 'warn' })
    expect(warned.checkAt).toBe(t.dueAt)
    expect(canApply(warned, 'warn')).toBe(false)
    expect(applyTaskAction(warned, { type: 'warn' }, ctx)).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })
  })

  it(`sets the warning at ${WARN_SHARE * 100}% of a new deadline's working time`, () => {
    const t = applied(task(), { type: 'accept' }) // 480 working minutes from Mon 10:00
    expect(workingDayMinutes(DEFAULT_CALENDAR)).toBe(450)
    // 384 working minutes from Mon 10:00: Monday holds 390, so 6 minutes before its 18:00
    expect(t.warnAt).toBe(Date.UTC(2026, 10, 23, 9, 54))
    expect(t.checkAt).toBe(t.warnAt)
  })

  it('puts each level in its queue for an area', () => {
    expect(queueAt('grid', area)).toEqual({ scope: 'community', id: 'c1' })
    expect(queueAt('community', area)).toEqual({ scope: 'community', id: 'c1' })
    expect(queueAt('street', area)).toEqual({ scope: 'street', id: 's1' })
    expect(queueAt('district', area)).toEqual({ scope: 'district', id: 'district' })
    expect(queueAt('grid', { communityId: null, streetId: 's1' })).toEqual({ scope: 'street', id: 's1' })
  })

  it('lets the reporter withdraw only before anyone accepted it, ending every deadline', () => {
    for (const status of ['submitted', 'assigned', 'transferred', 'escalated', 'returned'] as const) {
      const t = applied(inState(status), { type: 'withdraw' })
      expect(t).toMatchObject({ status: 'withdrawn', closedAt: now, dueAt: null, warnAt: null, checkAt: null, version: 4 })
      expect(t.transfer).toBeUndefined()
      expect(canApply(t, 'add_info') || canApply(t, 'urge') || canApply(t, 'withdraw')).toBe(false)
    }
    expect(applyTaskAction(inState('accepted'), { type: 'withdraw' }, ctx)).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: '当前状态「网格员处理中」，已签收，不能撤回，可以补充说明或催办' } })
    expect(applyTaskAction(inState('reopened'), { type: 'withdraw' }, ctx)).toMatchObject({ ok: false, error: { message: '当前状态「已受理，等待网格员处理」，已办结过，正在返工，不能撤回，可以补充说明或催办' } })
    expect(applyTaskAction(inState('withdrawn'), { type: 'withdraw' }, ctx)).toMatchObject({ ok: false, error: { message: '当前状态「已撤回」，无需再次撤回' } })
    expect(applyTaskAction(inState('resolved'), { type: 'add_info' }, ctx)).toMatchObject({ ok: false, error: { message: '当前状态「已办结，请您评价」，不能补充说明，可以在评价中写明' } })
  })

  it('adds information without moving the task: same state, deadlines and flag, one version on', () => {
    const before = inState('accepted')
    const t = applied({ ...before, calendarUnconfirmed: true }, { type: 'add_info' })
    expect(t).toEqual({ ...before, calendarUnconfirmed: true, version: before.version + 1, updatedAt: now })
  })

  it('expects what the resident was told: the resolve deadline once accepted, before that the accept deadline plus the resolve limit', () => {
    expect(expectedAt(inState('accepted'), ctx)).toBe(now + 8 * H)
    // the accept deadline Mon 11:00 plus the grid's 480 working minutes: 60 until 12:00, 270 until 18:00, 150 on Tuesday from 09:00
    expect(expectedAt(task(), ctx)).toBe(Date.UTC(2026, 10, 24, 3, 30))
    expect(expectedAt(inState('resolved'), ctx)).toBeNull()
  })

  it('lets the reporter urge only past the expected time, and once a day', () => {
    const t = inState('accepted') // expected by now + 8 h
    expect(urgeAfter(t, ctx)).toBe(now + 8 * H)
    const early = applyTaskAction(t, { type: 'urge' }, { ...ctx, now: now + 8 * H })
    expect(early).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringMatching(/^还未到预计处理时间（\d+月\d+日\d\d:\d\d），届时仍未处理可以催办$/) } })
    const later = { ...ctx, now: now + 8 * H + 1 }
    const urged = applyTaskAction(t, { type: 'urge' }, later)
    if (!urged.ok) throw new Error(urged.error.message)
    expect(urged.value).toMatchObject({ status: 'accepted', urgedAt: later.now, dueAt: t.dueAt, checkAt: t.checkAt, version: t.version + 1 })
    expect(urgeAfter(urged.value, ctx)).toBe(later.now + URGE_EVERY_MS)
    const again = applyTaskAction(urged.value, { type: 'urge' }, { ...ctx, now: later.now + URGE_EVERY_MS - 60_000 })
    expect(again).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringMatching(/^您已催办过，\d+月\d+日\d\d:\d\d后可以再次催办$/) } })
    expect(applyTaskAction(urged.value, { type: 'urge' }, { ...ctx, now: later.now + URGE_EVERY_MS + 1 }).ok).toBe(true)
    expect(applyTaskAction(inState('closed'), { type: 'urge' }, later)).toMatchObject({ ok: false, error: { message: '当前状态「已结案」，不能催办' } })
  })

  it('lets someone follow an open case ("me too") without moving it: same state, deadlines and holder, one version on', () => {
    for (const status of ['submitted', 'assigned', 'accepted', 'transferred', 'escalated', 'returned', 'extension_requested', 'reopened'] as const) {
      const before = inState(status)
      expect(applied({ ...before, calendarUnconfirmed: true }, { type: 'follow' })).toEqual({ ...before, calendarUnconfirmed: true, version: before.version + 1, updatedAt: now })
    }
    for (const status of ['resolved', 'closed', 'withdrawn', 'rejected', 'merged'] as const) {
      expect(applyTaskAction(inState(status), { type: 'follow' }, ctx)).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringMatching(/当前状态为「.+」，不能关注/) } })
    }
  })

  it('merges an open duplicate into another case: it ends, with every deadline, its transfer and extension, and says where it went', () => {
    const into = { taskId: 't9', reportId: 'r9', caseNumber: '2026112300009' }
    for (const status of ['assigned', 'accepted', 'transferred', 'extension_requested', 'returned'] as const) {
      const t = applied(inState(status), { type: 'merge', into })
      expect(t).toMatchObject({ status: 'merged', mergedInto: into, closedAt: now, dueAt: null, warnAt: null, checkAt: null, version: 4 })
      expect(t.transfer).toBeUndefined()
      expect(t.extension).toBeUndefined()
      for (const type of ['accept', 'resolve', 'escalate', 'follow', 'merge', 'withdraw', 'urge', 'add_info'] as const) expect(canApply(t, type)).toBe(false)
    }
    expect(applyTaskAction(inState('assigned'), { type: 'merge', into: { ...into, taskId: 't1' } }, ctx)).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: '不能合并到本工单自身' } })
    expect(applyTaskAction(inState('resolved'), { type: 'merge', into }, ctx)).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: '该任务当前状态为「已办结待评价」，不能合并，请刷新后查看' } })
    expect(applyTaskAction(inState('merged'), { type: 'merge', into }, ctx)).toMatchObject({ ok: false, error: { message: '该任务当前状态为「已合并」，不能合并，请刷新后查看' } })
  })

  it.each([
    [{ stars: 5, solved: true }, false],
    [{ stars: 3, solved: true }, false],
    [{ stars: 2, solved: true }, true],
    [{ stars: 5, solved: false }, true],
  ])('decides whether rating %o reopens: %s', (rating, reopens) => {
    expect(ratingReopens(rating)).toBe(reopens)
  })
})
