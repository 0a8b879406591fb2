import type { StoreContext } from '../storeContract'
import { HOUR, acceptChange, allPages, at, newCase, snapshot } from '../fixtures'

export function reportContract(ctx: StoreContext) {
  describe('reports and task changes', () => {
    it('stores a report with its task, first timeline event and the worker message', async () => {
      const input = newCase({ n: 1 })
      expect(await ctx.store.cases.createReport(input)).toEqual({ reportId: 'r_1', created: true })
      expect(await ctx.store.cases.getReport('r_1')).toEqual(input.report)
      expect(await ctx.store.cases.getTask('t_1')).toEqual(input.task)
      expect(await ctx.store.cases.listTimeline('t_1')).toEqual(input.events)
      expect((await ctx.store.messages.listMessages('u_w1', { limit: 10 })).items).toEqual(input.messages)
    })

    it('answers a repeated request key with the first report and writes nothing more', async () => {
      await ctx.store.cases.createReport(newCase({ n: 1, requestKey: 'req-aaaa-0001' }))
      const again = await ctx.store.cases.createReport(newCase({ n: 1, tag: 'b', requestKey: 'req-aaaa-0001' }))
      expect(again).toEqual({ reportId: 'r_1', created: false })
      expect(await ctx.store.cases.getReport('r_1b')).toBeNull()
      expect(await ctx.store.cases.getTask('t_1b')).toBeNull()
      expect((await ctx.store.cases.listReportsByReporter('u_res', { limit: 10 })).items).toHaveLength(1)
      expect(await ctx.store.messages.countUnread('u_w1')).toBe(1)
    })

    it('makes one report when the same request key arrives twice at once', async () => {
      const results = await Promise.all(['a', 'b', 'c'].map((tag) => ctx.store.cases.createReport(newCase({ n: 1, tag, requestKey: 'req-race-0001' }))))
      const winner = results.find((r) => r.created)!
      expect(results.filter((r) => r.created)).toHaveLength(1)
      expect(results.map((r) => r.reportId)).toEqual([winner.reportId, winner.reportId, winner.reportId])
      expect((await ctx.store.cases.listReportsByReporter('u_res', { limit: 10 })).items.map((r) => r.id)).toEqual([winner.reportId])
      expect(await ctx.store.messages.countUnread('u_w1')).toBe(1)
    })

    it('makes separate reports when no request key is given', async () => {
      await ctx.store.cases.createReport(newCase({ n: 1 }))
      expect(await ctx.store.cases.createReport(newCase({ n: 1, tag: 'b' }))).toEqual({ reportId: 'r_1b', created: true })
    })

    it("lists a reporter's reports newest first, page by page, without duplicates or gaps", async () => {
      // 3 and 4 share a timestamp, so the id breaks the tie
      const times = [1, 2, 3, 3, 5, 6, 7].map(at)
      for (const [n, createdAt] of times.entries()) await ctx.store.cases.createReport(newCase({ n, createdAt }))
      await ctx.store.cases.createReport(newCase({ n: 99, reporterId: 'u_vol' }))
      const expected = ['r_6', 'r_5', 'r_4', 'r_3', 'r_2', 'r_1', 'r_0']
      for (const limit of [1, 2, 3, 7, 10]) {
        const pages = await allPages((cursor) => ctx.store.cases.listReportsByReporter('u_res', { limit, cursor }))
        expect(pages.flat().map((r) => r.id)).toEqual(expected)
        expect(pages.every((p) => p.length <= limit)).toBe(true)
      }
    })

    it('finds tasks by id in the order asked and answers null for an unknown task', async () => {
      for (const n of [1, 2, 3]) await ctx.store.cases.createReport(newCase({ n }))
      expect((await ctx.store.cases.getTasks(['t_3', 'nope', 't_1'])).map((t) => t.id)).toEqual(['t_3', 't_1'])
      expect(await ctx.store.cases.getTask('nope')).toBeNull()
      expect(await ctx.store.cases.getReport('nope')).toBeNull()
      expect((await ctx.store.cases.getReports(['r_2', 'nope', 'r_1'])).map((r) => r.id)).toEqual(['r_2', 'r_1'])
    })

    it('applies a change made at the current version with its events and messages', async () => {
      const input = newCase({ n: 1 })
      await ctx.store.cases.createReport(input)
      const change = acceptChange(input.task, at(2))
      expect(await ctx.store.cases.saveTaskChange(change)).toBe(true)
      expect(await ctx.store.cases.getTask('t_1')).toEqual(change.task)
      expect(await ctx.store.cases.listTimeline('t_1')).toEqual([...input.events, ...change.events])
      expect((await ctx.store.messages.listMessages('u_res', { limit: 10 })).items).toEqual(change.messages)
    })

    it('refuses a change made at a stale version and leaves task, timeline and messages as they were', async () => {
      const input = newCase({ n: 1 })
      await ctx.store.cases.createReport(input)
      expect(await ctx.store.cases.saveTaskChange(acceptChange(input.task, at(2)))).toBe(true)
      const before = await snapshot(ctx.store, 't_1', 'r_1', ['u_res', 'u_w1'])
      const stale = { ...acceptChange(input.task, at(3)), reportPatch: { rating: { stars: 1, solved: false, at: at(3) } } }
      expect(await ctx.store.cases.saveTaskChange(stale)).toBe(false)
      expect(await snapshot(ctx.store, 't_1', 'r_1', ['u_res', 'u_w1'])).toEqual(before)
    })

    it('lets only one of two changes made from the same version through', async () => {
      const input = newCase({ n: 1 })
      await ctx.store.cases.createReport(input)
      const first = acceptChange(input.task, at(2))
      const second = { ...acceptChange(input.task, at(2)), task: { ...first.task, acceptedById: 'u_w2' } }
      const results = await Promise.all([ctx.store.cases.saveTaskChange(first), ctx.store.cases.saveTaskChange(second)])
      expect(results.filter(Boolean)).toHaveLength(1)
      expect(await ctx.store.cases.listTimeline('t_1')).toHaveLength(2)
    })

    it('applies the rating patch to the report together with the change', async () => {
      const input = newCase({ n: 1 })
      await ctx.store.cases.createReport(input)
      const rating = { stars: 5, solved: true, comment: '很及时', at: at(30) }
      const closing = { ...acceptChange(input.task, at(30)), reportPatch: { rating } }
      closing.task = { ...closing.task, status: 'closed' as const, dueAt: null }
      expect(await ctx.store.cases.saveTaskChange(closing)).toBe(true)
      expect(await ctx.store.cases.getReport('r_1')).toEqual({ ...input.report, rating })
    })

    it('throws on a change whose new version is not the expected version plus one', async () => {
      const input = newCase({ n: 1 })
      await ctx.store.cases.createReport(input)
      const change = acceptChange(input.task, at(2))
      await expect(ctx.store.cases.saveTaskChange({ ...change, task: { ...change.task, version: 5 } })).rejects.toThrow(/version/)
      expect(await ctx.store.cases.getTask('t_1')).toEqual(input.task)
    })

    it('returns the timeline in time order', async () => {
      const input = newCase({ n: 1 })
      await ctx.store.cases.createReport(input)
      let task = input.task
      for (const h of [2, 3, 4]) {
        const change = acceptChange(task, at(h) + HOUR)
        await ctx.store.cases.saveTaskChange(change)
        task = change.task
      }
      const times = (await ctx.store.cases.listTimeline('t_1')).map((e) => e.at)
      expect(times).toEqual([...times].sort((a, b) => a - b))
      expect(times).toHaveLength(4)
    })
  })
}
