import type { StoreContext } from '../storeContract'
import { at, newCase } from '../fixtures'

// What the jobs and the dispatchers read: tasks due before an instant, and the queues.
export function dueContract(ctx: StoreContext) {
  describe('due tasks and dispatcher queues', () => {
    it('lists tasks in the given states due before an instant, earliest first, within the limit', async () => {
      await ctx.store.cases.createReport(newCase({ n: 1, dueAt: at(5) }))
      await ctx.store.cases.createReport(newCase({ n: 2, dueAt: at(3) }))
      await ctx.store.cases.createReport(newCase({ n: 3, dueAt: at(9) }))
      await ctx.store.cases.createReport(newCase({ n: 4, dueAt: null }))
      await ctx.store.cases.createReport(newCase({ n: 5, dueAt: at(1), status: 'resolved' }))
      const due = await ctx.store.cases.listDue(at(6), 10, ['assigned'])
      expect(due.map((t) => t.id)).toEqual(['t_2', 't_1'])
      expect((await ctx.store.cases.listDue(at(6), 1, ['assigned'])).map((t) => t.id)).toEqual(['t_2'])
      expect((await ctx.store.cases.listDue(at(6), 10, ['resolved'])).map((t) => t.id)).toEqual(['t_5'])
      expect((await ctx.store.cases.listDue(at(100), 10, ['assigned', 'resolved'])).map((t) => t.id)).toEqual(['t_5', 't_2', 't_1', 't_3'])
      expect(await ctx.store.cases.listDue(at(100), 10, [])).toEqual([])
    })

    it('breaks a tie of deadlines by creation time, then id', async () => {
      await ctx.store.cases.createReport(newCase({ n: 1, dueAt: at(5), createdAt: at(2) }))
      await ctx.store.cases.createReport(newCase({ n: 2, dueAt: at(5), createdAt: at(1) }))
      await ctx.store.cases.createReport(newCase({ n: 3, dueAt: at(5), createdAt: at(1) }))
      expect((await ctx.store.cases.listDue(at(6), 10, ['assigned'])).map((t) => t.id)).toEqual(['t_2', 't_3', 't_1'])
    })

    it("lists a community queue's open tasks by deadline, page by page, and nothing of a grid's", async () => {
      for (const [n, h] of [[1, 7], [2, 3], [3, 5]]) await ctx.store.cases.createReport(newCase({ n, gridId: null, dueAt: at(h) }))
      await ctx.store.cases.createReport(newCase({ n: 4, gridId: 'g1', dueAt: at(1) }))
      await ctx.store.cases.createReport(newCase({ n: 5, gridId: null, dueAt: at(2), status: 'closed' }))
      const first = await ctx.store.cases.listQueue({ scope: 'community', id: 'c1' }, { limit: 2 })
      expect(first.items.map((t) => t.id)).toEqual(['t_2', 't_3'])
      const second = await ctx.store.cases.listQueue({ scope: 'community', id: 'c1' }, { limit: 2, cursor: first.nextCursor! })
      expect(second.items.map((t) => t.id)).toEqual(['t_1'])
      expect(second.nextCursor).toBeNull()
      expect((await ctx.store.cases.listQueue({ scope: 'street', id: 's1' }, { limit: 10 })).items).toEqual([])
      expect((await ctx.store.cases.listQueue({ scope: 'community', id: 'c9' }, { limit: 10 })).items).toEqual([])
    })
  })
}
