import type { NewReport } from '../../../../cloudfunctions/app/ports'
import type { LngLat, Task } from '../../../../shared/model'
import type { StoreContext } from '../storeContract'
import { HOUR, acceptChange, allPages, at, newCase } from '../fixtures'

// "Me too" and the public board as the cases port owes them: a category's reports since an
// instant inside a box, newest first and at most `limit`; a grid's resolved and closed tasks,
// the latest resolution first, page by page; and a change that sets a report's followers.

const HERE: LngLat = { lng: 121.005, lat: 31.005 }
const BOX = { minLng: 121.004, minLat: 31.004, maxLng: 121.006, maxLat: 31.006 }

function caseAt(n: number, o: { category?: string; location?: LngLat; createdAt?: number; gridId?: string; tag?: string } = {}): NewReport {
  const c = newCase({ n, createdAt: o.createdAt, gridId: o.gridId, tag: o.tag })
  const category = o.category ?? 'garbage'
  return { ...c, report: { ...c.report, category, location: { ...(o.location ?? HERE), accuracyM: 10 } }, task: { ...c.task, category } }
}

/** The task resolved at `when` (and, with `close`, then closed as rated). */
function resolvedChange(task: Task, when: number, close = false) {
  const accepted = acceptChange(task, when - HOUR)
  const resolved: Task = { ...accepted.task, status: close ? 'closed' : 'resolved', resolvedAt: when, closedAt: close ? when : null, dueAt: null, warnAt: null, checkAt: null, version: task.version + 1, updatedAt: when }
  return { ...accepted, task: resolved }
}

export function nearbyContract(ctx: StoreContext) {
  describe('"me too" and the public board', () => {
    it('finds one category\'s reports since an instant inside the box, newest first, at most the limit', async () => {
      const made = [
        caseAt(1, { createdAt: at(10) }),
        caseAt(2, { createdAt: at(12) }),
        caseAt(3, { createdAt: at(11), category: 'road' }), // another category
        caseAt(4, { createdAt: at(13), location: { lng: 121.0065, lat: 31.005 } }), // east of the box
        caseAt(5, { createdAt: at(14), location: { lng: 121.005, lat: 31.0035 } }), // south of the box
        caseAt(6, { createdAt: at(2) }), // before `since`
        caseAt(7, { createdAt: at(15), location: { lng: 121.0059, lat: 31.0059 } }), // inside, near the corner
      ]
      for (const c of made) await ctx.store.cases.createReport(c)
      const q = { category: 'garbage', box: BOX, since: at(5), limit: 10 }
      expect((await ctx.store.cases.listNearbyReports(q)).map((r) => r.id)).toEqual(['r_7', 'r_2', 'r_1'])
      expect((await ctx.store.cases.listNearbyReports({ ...q, limit: 2 })).map((r) => r.id)).toEqual(['r_7', 'r_2'])
      expect((await ctx.store.cases.listNearbyReports({ ...q, since: at(10) })).map((r) => r.id)).toEqual(['r_7', 'r_2', 'r_1'])
      expect((await ctx.store.cases.listNearbyReports({ ...q, category: 'road' })).map((r) => r.id)).toEqual(['r_3'])
      expect(await ctx.store.cases.listNearbyReports({ ...q, category: 'noise' })).toEqual([])
      // the whole report comes back, as getReport has it
      expect((await ctx.store.cases.listNearbyReports(q))[2]).toEqual(await ctx.store.cases.getReport('r_1'))
    })

    it('lists a grid\'s resolved and closed tasks by the latest resolution, page by page, and nothing open', async () => {
      // resolution times: 1 → 20, 2 → 22, 3 → 21 (closed after), 4 and 5 share 23 (the id breaks the tie), 6 stays open, 7 in another grid
      const resolvedAt: Record<number, number> = { 1: at(20), 2: at(22), 3: at(21), 4: at(23), 5: at(23), 7: at(24) }
      for (const n of [1, 2, 3, 4, 5, 6, 7]) {
        const c = caseAt(n, { gridId: n === 7 ? 'g2' : 'g1' })
        await ctx.store.cases.createReport(c)
        if (resolvedAt[n]) expect(await ctx.store.cases.saveTaskChange(resolvedChange(c.task, resolvedAt[n], n === 3))).toBe(true)
      }
      const expected = ['t_5', 't_4', 't_2', 't_3', 't_1']
      for (const limit of [1, 2, 3, 5, 10]) {
        const pages = await allPages((cursor) => ctx.store.cases.listResolvedForGrid('g1', { limit, cursor }))
        expect(pages.flat().map((t) => t.id)).toEqual(expected)
        expect(pages.every((p) => p.length <= limit)).toBe(true)
      }
      const first = await ctx.store.cases.listResolvedForGrid('g1', { limit: 10 })
      expect(first.items.find((t) => t.id === 't_3')).toMatchObject({ status: 'closed', resolvedAt: at(21) })
      expect(first.items[0]).toEqual(await ctx.store.cases.getTask('t_5'))
      expect((await ctx.store.cases.listResolvedForGrid('g2', { limit: 10 })).items.map((t) => t.id)).toEqual(['t_7'])
      expect(await ctx.store.cases.listResolvedForGrid('g_none', { limit: 10 })).toEqual({ items: [], nextCursor: null })
      await expect(ctx.store.cases.listResolvedForGrid('g1', { limit: 10, cursor: 'bm90IGEgY3Vyc29y' })).rejects.toThrow(/翻页位置无效/)
    })

    it('sets a report\'s followers together with the task change, replacing the list whole', async () => {
      const c = caseAt(1)
      await ctx.store.cases.createReport(c)
      const follow = acceptChange(c.task, at(3))
      expect(await ctx.store.cases.saveTaskChange({ ...follow, reportPatch: { followerIds: ['u_a', 'u_b'] } })).toBe(true)
      expect(await ctx.store.cases.getReport('r_1')).toEqual({ ...c.report, followerIds: ['u_a', 'u_b'] })
      const again = acceptChange(follow.task, at(4))
      expect(await ctx.store.cases.saveTaskChange({ ...again, reportPatch: { followerIds: ['u_a', 'u_b', 'u_c'] } })).toBe(true)
      expect((await ctx.store.cases.getReport('r_1'))?.followerIds).toEqual(['u_a', 'u_b', 'u_c'])
      // a stale change sets nothing
      expect(await ctx.store.cases.saveTaskChange({ ...acceptChange(c.task, at(5)), reportPatch: { followerIds: ['u_z'] } })).toBe(false)
      expect((await ctx.store.cases.getReport('r_1'))?.followerIds).toEqual(['u_a', 'u_b', 'u_c'])
    })
  })
}
