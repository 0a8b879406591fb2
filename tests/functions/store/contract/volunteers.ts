import type { Patrol, PointsEntry } from '../../../../shared/model'
import type { StoreContext } from '../storeContract'
import { allPages, at, message } from '../fixtures'

// Volunteers' points (one entry per case, totals, history, a community's leaderboard) and the
// patrol log (an idempotent start, the open one, the version guard, the log newest first).

const DAY1 = '20250303'
const DAY2 = '20250304'

function entry(reportId: string, userId: string, o: Partial<PointsEntry> = {}): PointsEntry {
  return {
    id: reportId, userId, reportId, caseNumber: `2025030300${reportId.replace(/\D/g, '').padStart(3, '0')}`, category: 'garbage',
    communityId: 'c1', points: 10, capped: false, day: DAY1, at: at(1), ...o,
  }
}

export function pointsContract(ctx: StoreContext) {
  const grant = (e: PointsEntry) => ctx.store.points.grant(e)

  it('grants a case once, even when grants of it race, and stores its message only with the one that counted', async () => {
    const tries = [10, 10, 0].map((points, i) =>
      ctx.store.points.grant(entry('r_1', 'u_vol', { points, at: at(1 + i) }), [message(`m_points_${i}`, 'u_vol', 'points_granted', at(1 + i))]))
    const answers = await Promise.all(tries)
    expect(answers.filter((a) => a.created)).toHaveLength(1)
    const stored = answers.find((a) => a.created)!.entry
    for (const a of answers) expect(a.entry).toEqual(stored)
    expect(await ctx.store.points.total('u_vol')).toBe(stored.points)
    expect(await ctx.store.messages.countUnread('u_vol')).toBe(1)
    const again = await grant(entry('r_1', 'u_vol', { points: 10, at: at(9) }))
    expect(again).toEqual({ entry: stored, created: false })
    expect((await ctx.store.points.history('u_vol', { limit: 10 })).items).toEqual([stored])
  })

  it("sums a person's points of a day and of all days, nobody else's", async () => {
    await grant(entry('r_1', 'u_vol', { day: DAY1, at: at(1) }))
    await grant(entry('r_2', 'u_vol', { day: DAY1, at: at(2) }))
    await grant(entry('r_3', 'u_vol', { day: DAY1, at: at(3), points: 0, capped: true }))
    await grant(entry('r_4', 'u_vol', { day: DAY2, at: at(25) }))
    await grant(entry('r_5', 'u_res', { day: DAY1, at: at(2) }))
    expect(await ctx.store.points.dayTotal('u_vol', DAY1)).toBe(20)
    expect(await ctx.store.points.dayTotal('u_vol', DAY2)).toBe(10)
    expect(await ctx.store.points.dayTotal('u_vol', '20250305')).toBe(0)
    expect(await ctx.store.points.total('u_vol')).toBe(30)
    expect(await ctx.store.points.total('u_res')).toBe(10)
    expect(await ctx.store.points.total('u_w1')).toBe(0)
  })

  it("pages a person's history newest first, ties by id, and keeps pages stable as entries arrive", async () => {
    for (const [id, hour] of [['r_1', 1], ['r_2', 5], ['r_3', 3], ['r_4', 5], ['r_5', 2]] as const) await grant(entry(id, 'u_vol', { at: at(hour) }))
    await grant(entry('r_9', 'u_res', { at: at(4) }))
    const expected = ['r_4', 'r_2', 'r_3', 'r_5', 'r_1']
    for (const limit of [1, 2, 5]) {
      const pages = await allPages((cursor) => ctx.store.points.history('u_vol', { limit, cursor }))
      expect(pages.flat().map((e) => e.id)).toEqual(expected)
    }
    const first = await ctx.store.points.history('u_vol', { limit: 2 })
    await grant(entry('r_6', 'u_vol', { at: at(8) }))
    const rest = await ctx.store.points.history('u_vol', { limit: 10, cursor: first.nextCursor! })
    expect(rest.items.map((e) => e.id)).toEqual(['r_3', 'r_5', 'r_1'])
  })

  it("ranks a community's volunteers by their points there, ties by who got there first, at most the limit", async () => {
    // u_a and u_b both 20 in c1, u_a's first points earlier; u_c 10; u_d's points are in c2 only
    await grant(entry('r_1', 'u_b', { at: at(1) }))
    await grant(entry('r_2', 'u_a', { at: at(0) }))
    await grant(entry('r_3', 'u_c', { at: at(2) }))
    await grant(entry('r_4', 'u_b', { at: at(3) }))
    await grant(entry('r_5', 'u_a', { at: at(4) }))
    await grant(entry('r_6', 'u_d', { at: at(1), communityId: 'c2', points: 10 }))
    await grant(entry('r_7', 'u_d', { at: at(2), communityId: 'c2', points: 10 }))
    await grant(entry('r_8', 'u_d', { at: at(3), communityId: 'c2', points: 10 }))
    await grant(entry('r_9', 'u_c', { at: at(5), communityId: null }))
    expect(await ctx.store.points.leaderboard('c1', 20)).toEqual([
      { userId: 'u_a', points: 20 }, { userId: 'u_b', points: 20 }, { userId: 'u_c', points: 10 },
    ])
    expect(await ctx.store.points.leaderboard('c1', 2)).toEqual([{ userId: 'u_a', points: 20 }, { userId: 'u_b', points: 20 }])
    expect(await ctx.store.points.leaderboard('c2', 20)).toEqual([{ userId: 'u_d', points: 30 }])
    expect(await ctx.store.points.leaderboard('c_none', 20)).toEqual([])
    // a case outside every community counts in the person's total, on no board
    expect(await ctx.store.points.total('u_c')).toBe(20)
  })
}

function patrol(id: string, userId: string, startedAt: number, o: Partial<Patrol> = {}): Patrol {
  return { id, userId, gridId: 'g1', startedAt, endedAt: null, checkIns: [{ lng: 121.005, lat: 31.005, at: startedAt }], reportIds: [], version: 1, ...o }
}

export function patrolContract(ctx: StoreContext) {
  it('starts a patrol once per request key: the same key again answers the first', async () => {
    const first = await ctx.store.patrols.create(patrol('p_1', 'u_vol', at(1)), 'req-1')
    expect(first).toEqual({ patrol: patrol('p_1', 'u_vol', at(1)), created: true })
    const retry = await ctx.store.patrols.create(patrol('p_2', 'u_vol', at(2)), 'req-1')
    expect(retry).toEqual({ patrol: patrol('p_1', 'u_vol', at(1)), created: false })
    expect(await ctx.store.patrols.get('p_2')).toBeNull()
    const unkeyed = await ctx.store.patrols.create(patrol('p_3', 'u_res', at(3)), null)
    expect(unkeyed.created).toBe(true)
    expect(await ctx.store.patrols.get('p_3')).toEqual(patrol('p_3', 'u_res', at(3)))
  })

  it('decides two racing starts with one key by the key', async () => {
    const answers = await Promise.all([1, 2, 3].map((n) => ctx.store.patrols.create(patrol(`p_${n}`, 'u_vol', at(n)), 'req-race')))
    expect(answers.filter((a) => a.created)).toHaveLength(1)
    const winner = answers.find((a) => a.created)!.patrol
    for (const a of answers) expect(a.patrol).toEqual(winner)
    expect((await ctx.store.patrols.listFor('u_vol', { limit: 10 })).items).toEqual([winner])
  })

  it("finds a person's patrol that has not ended, and none once it ended", async () => {
    await ctx.store.patrols.create(patrol('p_old', 'u_vol', at(1), { endedAt: at(2) }), 'k-old')
    await ctx.store.patrols.create(patrol('p_now', 'u_vol', at(3)), 'k-now')
    await ctx.store.patrols.create(patrol('p_other', 'u_res', at(4)), 'k-other')
    expect((await ctx.store.patrols.openFor('u_vol'))?.id).toBe('p_now')
    expect(await ctx.store.patrols.openFor('u_w1')).toBeNull()
    const open = (await ctx.store.patrols.get('p_now'))!
    expect(await ctx.store.patrols.save({ ...open, endedAt: at(5), version: 2 }, 1)).toBe(true)
    expect(await ctx.store.patrols.openFor('u_vol')).toBeNull()
    expect((await ctx.store.patrols.openFor('u_res'))?.id).toBe('p_other')
  })

  it('saves a change only over the version it was made from', async () => {
    const { patrol: p } = await ctx.store.patrols.create(patrol('p_1', 'u_vol', at(1)), 'k-1')
    const checkIn = { lng: 121.006, lat: 31.006, at: at(2) }
    const one = { ...p, checkIns: [...p.checkIns, checkIn], version: 2 }
    expect(await ctx.store.patrols.save(one, 1)).toBe(true)
    // a second change made from version 1 met version 2: nothing of it is kept
    expect(await ctx.store.patrols.save({ ...p, endedAt: at(3), version: 2 }, 1)).toBe(false)
    expect(await ctx.store.patrols.get('p_1')).toEqual(one)
    expect(await ctx.store.patrols.save({ ...p, version: 8 }, 7)).toBe(false)
  })

  it("pages a person's patrols newest first, nobody else's", async () => {
    for (const [id, hour] of [['p_1', 1], ['p_2', 4], ['p_3', 2], ['p_4', 4]] as const) await ctx.store.patrols.create(patrol(id, 'u_vol', at(hour), { endedAt: at(hour) + 1 }), `k-${id}`)
    await ctx.store.patrols.create(patrol('p_9', 'u_res', at(3)), 'k-p_9')
    for (const limit of [1, 3, 10]) {
      const pages = await allPages((cursor) => ctx.store.patrols.listFor('u_vol', { limit, cursor }))
      expect(pages.flat().map((p) => p.id)).toEqual(['p_4', 'p_2', 'p_3', 'p_1'])
    }
  })
}
