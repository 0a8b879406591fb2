import { DAILY_POINTS_CAP, earnsPoints, POINTS_PER_REPORT, pointsFor, type EarningTask } from '../../shared/volunteers/points'
import type { TaskStatus } from '../../shared/workflow/status'

const result = { text: '已清理', photos: [], at: 2, byId: 'u_w' }
const task = (status: TaskStatus, extra: Partial<EarningTask> = {}): EarningTask => ({ status, acceptedAt: 1, result, ...extra })

describe("volunteers' points", () => {
  it('are ten a report, fifty a day', () => {
    expect(POINTS_PER_REPORT).toBe(10)
    expect(DAILY_POINTS_CAP).toBe(50)
  })

  it.each<[string, TaskStatus, Partial<EarningTask>]>([
    ['resolved after it was accepted', 'resolved', {}],
    ['closed after a resolution', 'closed', {}],
  ])('go to a volunteer for a report %s', (_, status, extra) => {
    expect(earnsPoints('volunteer', task(status, extra))).toBe(true)
  })

  it.each<[string, TaskStatus, Partial<EarningTask>]>([
    ['withdrawn', 'withdrawn', { acceptedAt: null, result: undefined }],
    ['rejected', 'rejected', { acceptedAt: null, result: undefined }],
    ['merged into another case as a duplicate', 'merged', { mergedInto: { taskId: 't2', reportId: 'r2', caseNumber: '2025030300001' } }],
    ['resolved but merged afterwards', 'resolved', { mergedInto: { taskId: 't2', reportId: 'r2', caseNumber: '2025030300001' } }],
    ['resolved without ever being accepted', 'resolved', { acceptedAt: null }],
    ['closed without a resolution', 'closed', { result: undefined }],
    ['still being handled', 'accepted', {}],
    ['reopened after a bad rating', 'reopened', {}],
  ])('never go for a report %s', (_, status, extra) => {
    expect(earnsPoints('volunteer', task(status, extra))).toBe(false)
  })

  it.each(['resident', 'grid_worker', 'grid_leader', 'community_dispatcher'] as const)('never go to a %s, whose reports do not count', (role) => {
    expect(earnsPoints(role, task('resolved'))).toBe(false)
  })

  it.each([
    [0, { points: 10, capped: false }],
    [40, { points: 10, capped: false }],
    [45, { points: 5, capped: true }],
    [50, { points: 0, capped: true }],
    [70, { points: 0, capped: true }],
  ])('after %i points on the day give %j', (soFar, expected) => {
    expect(pointsFor(soFar)).toEqual(expected)
  })

  it('stop at the cap however many reports a day brings', () => {
    let total = 0
    const grants = Array.from({ length: 8 }, () => {
      const g = pointsFor(total)
      total += g.points
      return g
    })
    expect(total).toBe(DAILY_POINTS_CAP)
    expect(grants.map((g) => g.capped)).toEqual([false, false, false, false, false, true, true, true])
  })
})
