import type { Task } from '../../../../shared/model'
import type { StoreContext } from '../storeContract'
import { acceptChange, allPages, at, newCase, type CaseOptions } from '../fixtures'

// The worker's inbox: open tasks of their grids, the most urgent deadline first.
const byDeadline = (a: Task, b: Task) =>
  (a.dueAt === null ? 1 : 0) - (b.dueAt === null ? 1 : 0) || (a.dueAt ?? 0) - (b.dueAt ?? 0) || a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)

export function inboxContract(ctx: StoreContext) {
  const create = async (cases: CaseOptions[]) => {
    for (const c of cases) await ctx.store.cases.createReport(newCase(c))
  }
  const inboxIds = async (gridIds: string[], limit = 50) => (await ctx.store.cases.listOpenTasksForGrids(gridIds, { limit })).items.map((t) => t.id)

  describe('open tasks by grid (the inbox)', () => {
    it('puts the earliest deadline first, undated tasks last, and breaks ties by creation time then id', async () => {
      await create([
        { n: 1, dueAt: at(10) },
        { n: 2, dueAt: null },
        { n: 3, dueAt: at(5) },
        { n: 4, dueAt: at(10), createdAt: at(0) },
        { n: 5, dueAt: at(10), createdAt: at(0) },
        { n: 6, dueAt: null, createdAt: at(0) },
      ])
      expect(await inboxIds(['g1'])).toEqual(['t_3', 't_4', 't_5', 't_1', 't_6', 't_2'])
    })

    it('leaves out finished tasks and tasks of other grids', async () => {
      await create([
        { n: 1, status: 'assigned' },
        { n: 2, status: 'closed', dueAt: null },
        { n: 3, status: 'resolved', dueAt: null },
        { n: 4, status: 'rejected', dueAt: null },
        { n: 5, status: 'reopened', gridId: 'g2' },
        { n: 6, status: 'escalated', gridId: 'g3' },
        { n: 7, gridId: null },
      ])
      expect(await inboxIds(['g1', 'g2'])).toEqual(['t_1', 't_5'])
      expect(await inboxIds([])).toEqual([])
    })

    it('pages through several grids without duplicates or gaps at any page size', async () => {
      const cases: CaseOptions[] = Array.from({ length: 23 }, (_, n) => ({
        n,
        gridId: ['g1', 'g2', 'g3'][n % 3],
        // deadlines collide in pairs and every fifth task is undated, so every tie-break is exercised
        dueAt: n % 5 === 4 ? null : at(Math.floor(n / 2)),
        createdAt: at(n % 4),
      }))
      await create(cases)
      const expected = (await ctx.store.cases.getTasks(cases.map((c) => `t_${c.n}`)))
        .filter((t) => t.gridId !== 'g3')
        .sort(byDeadline)
        .map((t) => t.id)
      for (const limit of [1, 2, 4, 7, 16, 100]) {
        const pages = await allPages((cursor) => ctx.store.cases.listOpenTasksForGrids(['g1', 'g2'], { limit, cursor }))
        expect(pages.flat().map((t) => t.id)).toEqual(expected)
      }
    })

    it('moves a task by its new deadline after a change and drops it once closed', async () => {
      await create([{ n: 1, dueAt: at(1) }, { n: 2, dueAt: at(2) }])
      const first = (await ctx.store.cases.getTask('t_1'))!
      await ctx.store.cases.saveTaskChange(acceptChange(first, at(1)))
      expect(await inboxIds(['g1'])).toEqual(['t_2', 't_1'])
      const accepted = (await ctx.store.cases.getTask('t_1'))!
      await ctx.store.cases.saveTaskChange({ ...acceptChange(accepted, at(3)), task: { ...accepted, status: 'closed', dueAt: null, version: accepted.version + 1 } })
      expect(await inboxIds(['g1'])).toEqual(['t_2'])
    })

    it('refuses a cursor that was altered or belongs to another list', async () => {
      await create([{ n: 1, reporterId: 'u_res' }, { n: 2, reporterId: 'u_res' }])
      const reports = await ctx.store.cases.listReportsByReporter('u_res', { limit: 1 })
      await expect(ctx.store.cases.listOpenTasksForGrids(['g1'], { limit: 1, cursor: reports.nextCursor! })).rejects.toMatchObject({ code: 'VALIDATION' })
      await expect(ctx.store.cases.listOpenTasksForGrids(['g1'], { limit: 1, cursor: 'not a cursor' })).rejects.toMatchObject({ code: 'VALIDATION' })
    })
  })
}
