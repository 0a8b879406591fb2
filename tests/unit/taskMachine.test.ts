import { DEFAULT_CALENDAR } from '../../shared/calendar/workingTime'
import type { Task } from '../../shared/model'
import { applyTaskAction, RATING_WINDOW_MS } from '../../shared/workflow/taskMachine'
import { ratingReopens } from '../../shared/schemas/report'

const now = Date.UTC(2026, 10, 23, 2, 0) // Monday 10:00 in Shanghai
const ctx = { actorId: 'u_w', now, calendar: DEFAULT_CALENDAR, limits: { acceptMinutes: 60, resolveMinutes: 480 } }
const task = (over: Partial<Task> = {}): Task => ({
  id: 't1', kind: 'report', reportId: 'r1', category: 'garbage', gridId: 'g1', queue: { scope: 'grid', id: 'g1' }, level: 'grid',
  status: 'assigned', assigneeId: 'u_w', acceptedById: null, acceptDueAt: now + 3_600_000, resolveDueAt: null, dueAt: now + 3_600_000,
  reopenCount: 0, version: 3, createdAt: now, updatedAt: now, acceptedAt: null, resolvedAt: null, closedAt: null, ...over,
})

describe('the task machine', () => {
  it('accepts an assigned task, records who, bumps the version and sets the resolve deadline', () => {
    const r = applyTaskAction(task(), { type: 'accept' }, ctx)
    if (!r.ok) throw new Error(r.error.message)
    expect(r.value).toMatchObject({ status: 'accepted', acceptedById: 'u_w', acceptedAt: now, version: 4 })
    expect(r.value.dueAt).toBe(r.value.resolveDueAt)
    expect(r.value.resolveDueAt).toBeGreaterThan(now)
  })

  it.each(['accepted', 'resolved', 'closed'] as const)('refuses to accept a task that is %s, naming the state', (status) => {
    const r = applyTaskAction(task({ status }), { type: 'accept' }, ctx)
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.error).toMatchObject({ code: 'CONFLICT', message: expect.stringMatching(/当前状态/) })
  })

  it('resolves an accepted task with its result; its deadline becomes the end of the 7-day rating window', () => {
    const r = applyTaskAction(task({ status: 'accepted' }), { type: 'resolve', text: '已清理', photos: ['f1'] }, ctx)
    expect(r.ok && r.value).toMatchObject({ status: 'resolved', resolvedAt: now, dueAt: now + RATING_WINDOW_MS, result: { text: '已清理', photos: ['f1'], byId: 'u_w' } })
  })

  it('closes a resolved task as unrated, and refuses to do so once it is closed or reopened', () => {
    expect(applyTaskAction(task({ status: 'resolved' }), { type: 'close_unrated' }, ctx)).toMatchObject({ ok: true, value: { status: 'closed', closedAt: now, dueAt: null } })
    for (const status of ['closed', 'reopened', 'accepted'] as const) {
      expect(applyTaskAction(task({ status }), { type: 'close_unrated' }, ctx)).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })
    }
  })

  it('closes a resolved task on a good rating and reopens it on a bad one', () => {
    expect(applyTaskAction(task({ status: 'resolved' }), { type: 'rate', reopen: false }, ctx)).toMatchObject({ ok: true, value: { status: 'closed', closedAt: now } })
    const reopened = applyTaskAction(task({ status: 'resolved', acceptedById: 'u_w' }), { type: 'rate', reopen: true }, ctx)
    expect(reopened).toMatchObject({ ok: true, value: { status: 'reopened', reopenCount: 1, acceptedById: null } })
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
