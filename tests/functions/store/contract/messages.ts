import type { StoreContext } from '../storeContract'
import { allPages, at, message, newCase } from '../fixtures'

// The in-app message centre: newest first, unread counted, read once.
export function messageContract(ctx: StoreContext) {
  // Messages arrive with reports, so each delivery is a fresh case carrying them.
  let caseNo = 500 // apart from the cases other suites number from 0
  const deliver = async (hours: number[], userId = 'u_w1') => {
    const input = newCase({ n: caseNo++ })
    input.messages = hours.map((h, i) => message(`m_${userId}_${String(i).padStart(2, '0')}`, userId, 'task_assigned', at(h)))
    await ctx.store.cases.createReport(input)
  }
  const ids = async (userId: string) => (await ctx.store.messages.listMessages(userId, { limit: 100 })).items.map((m) => m.id)

  describe('message centre', () => {
    it("lists a person's messages newest first, ties by id, page by page", async () => {
      await deliver([1, 5, 3, 5, 2, 8, 8])
      await deliver([4], 'u_res')
      const expected = ['m_u_w1_06', 'm_u_w1_05', 'm_u_w1_03', 'm_u_w1_01', 'm_u_w1_02', 'm_u_w1_04', 'm_u_w1_00']
      expect(await ids('u_w1')).toEqual(expected)
      for (const limit of [1, 3, 7]) {
        const pages = await allPages((cursor) => ctx.store.messages.listMessages('u_w1', { limit, cursor }))
        expect(pages.flat().map((m) => m.id)).toEqual(expected)
      }
    })

    it('keeps later pages stable when new messages arrive between pages', async () => {
      await deliver([1, 2, 3, 4])
      const first = await ctx.store.messages.listMessages('u_w1', { limit: 2 })
      const input = newCase({ n: 77 })
      input.messages = [message('m_new', 'u_w1', 'task_assigned', at(9))]
      await ctx.store.cases.createReport(input)
      const rest = await ctx.store.messages.listMessages('u_w1', { limit: 10, cursor: first.nextCursor! })
      expect([...first.items, ...rest.items].map((m) => m.id)).toEqual(['m_u_w1_03', 'm_u_w1_02', 'm_u_w1_01', 'm_u_w1_00'])
    })

    it('counts unread messages per person', async () => {
      await deliver([1, 2, 3])
      await deliver([1], 'u_res')
      expect(await ctx.store.messages.countUnread('u_w1')).toBe(3)
      expect(await ctx.store.messages.countUnread('u_res')).toBe(1)
      expect(await ctx.store.messages.countUnread('u_vol')).toBe(0)
    })

    it("marks the named messages read, ignoring other people's and an empty list", async () => {
      await deliver([1, 2, 3])
      await deliver([1], 'u_res')
      await ctx.store.messages.markRead('u_w1', [], at(5))
      expect(await ctx.store.messages.countUnread('u_w1')).toBe(3)
      await ctx.store.messages.markRead('u_w1', ['m_u_w1_00', 'm_u_res_00', 'm_unknown'], at(10))
      expect(await ctx.store.messages.countUnread('u_w1')).toBe(2)
      expect(await ctx.store.messages.countUnread('u_res')).toBe(1)
      const read = (await ctx.store.messages.listMessages('u_w1', { limit: 10 })).items.find((m) => m.id === 'm_u_w1_00')
      expect(read?.readAt).toBe(at(10))
    })

    it('marks all of a person’s messages read and keeps the first reading time', async () => {
      await deliver([1, 2, 3])
      await ctx.store.messages.markRead('u_w1', ['m_u_w1_01'], at(10))
      await ctx.store.messages.markRead('u_w1', 'all', at(20))
      expect(await ctx.store.messages.countUnread('u_w1')).toBe(0)
      const readAt = Object.fromEntries((await ctx.store.messages.listMessages('u_w1', { limit: 10 })).items.map((m) => [m.id, m.readAt]))
      expect(readAt).toEqual({ m_u_w1_00: at(20), m_u_w1_01: at(10), m_u_w1_02: at(20) })
    })
  })
}
