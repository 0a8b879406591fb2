import type { AccountLinks, BindingCodes } from '../../../../cloudfunctions/app/ports'
import type { Task } from '../../../../shared/model'
import { allPages, at, HOUR, newCase, SEED, type SeedData, type Store } from '../fixtures'

// The staff binding ports (binding codes, account links) and the substitute's inbox on the
// cases port: what every store adapter owes the use cases, run against SQLite and against
// CloudBase's wire format (staffPorts.contract.test.ts).

export interface StaffStore extends Store { bindingCodes: BindingCodes; accountLinks: AccountLinks }

export interface StaffPortsHarness {
  store: StaffStore
  seed(data: SeedData): Promise<void>
  /** Makes `userId` an account as the adapter knows one (locally any record; in CloudBase the openid its first call registered). */
  addAccount(userId: string): Promise<void>
  /** The record the account's next call arrives as, resolved as the host or the function would. */
  actingAs(accountId: string): Promise<string>
  close(): Promise<void>
}

export function staffPortsContract(name: string, open: () => Promise<StaffPortsHarness>): void {
  describe(`Staff ports contract: ${name}`, () => {
    let h: StaffPortsHarness
    beforeEach(async () => {
      h = await open()
      await h.seed(SEED)
    })
    afterEach(() => h.close())

    describe('port: binding codes', () => {
      const T = at(0)
      it('redeems a code once, for whichever account comes first', async () => {
        await h.store.bindingCodes.issue('u_w1', 'hash-a', T + HOUR, T)
        expect(await h.store.bindingCodes.redeem('hash-a', 'u_res', T + 1)).toBe('u_w1')
        expect(await h.store.bindingCodes.redeem('hash-a', 'u_res', T + 2)).toBeNull()
        expect(await h.store.bindingCodes.redeem('hash-a', 'u_vol', T + 3)).toBeNull()
      })

      it('lets one of two redeems at once have the code', async () => {
        await h.store.bindingCodes.issue('u_w1', 'hash-a', T + HOUR, T)
        const both = await Promise.all([h.store.bindingCodes.redeem('hash-a', 'u_res', T + 1), h.store.bindingCodes.redeem('hash-a', 'u_vol', T + 1)])
        expect(both.filter((s) => s === 'u_w1')).toHaveLength(1)
        expect(both.filter((s) => s === null)).toHaveLength(1)
      })

      it('refuses a code at its expiry and after, and one it never issued', async () => {
        await h.store.bindingCodes.issue('u_w1', 'hash-a', T + HOUR, T)
        await h.store.bindingCodes.issue('u_w2', 'hash-b', T + HOUR, T)
        expect(await h.store.bindingCodes.redeem('hash-a', 'u_res', T + HOUR)).toBeNull()
        expect(await h.store.bindingCodes.redeem('hash-b', 'u_res', T + HOUR - 1)).toBe('u_w2')
        expect(await h.store.bindingCodes.redeem('hash-never', 'u_res', T)).toBeNull()
      })

      it('replaces a staff member\'s earlier code with a new one, used or not', async () => {
        await h.store.bindingCodes.issue('u_w1', 'hash-old', T + HOUR, T)
        await h.store.bindingCodes.issue('u_w1', 'hash-new', T + 2 * HOUR, T + 1)
        expect(await h.store.bindingCodes.redeem('hash-old', 'u_res', T + 2)).toBeNull()
        expect(await h.store.bindingCodes.redeem('hash-new', 'u_res', T + 2)).toBe('u_w1')
        await h.store.bindingCodes.issue('u_w1', 'hash-again', T + 3 * HOUR, T + 3)
        expect(await h.store.bindingCodes.redeem('hash-again', 'u_vol', T + 4)).toBe('u_w1')
      })

      it('lists the codes still waiting among those asked, with their expiry', async () => {
        await h.store.bindingCodes.issue('u_w1', 'hash-a', T + HOUR, T)
        await h.store.bindingCodes.issue('u_w2', 'hash-b', T + 2 * HOUR, T)
        await h.store.bindingCodes.issue('u_disp', 'hash-c', T + 3 * HOUR, T)
        await h.store.bindingCodes.redeem('hash-c', 'u_res', T + 1)
        expect(await h.store.bindingCodes.waiting(['u_w1', 'u_w2', 'u_disp', 'u_sdisp'], T + 1)).toEqual(new Map([['u_w1', T + HOUR], ['u_w2', T + 2 * HOUR]]))
        expect(await h.store.bindingCodes.waiting(['u_w1', 'u_w2'], T + HOUR)).toEqual(new Map([['u_w2', T + 2 * HOUR]]))
        expect(await h.store.bindingCodes.waiting([], T)).toEqual(new Map())
      })
    })

    describe('port: account links', () => {
      beforeEach(async () => {
        await h.addAccount('u_res')
        await h.addAccount('u_vol')
      })

      it('makes an account act as the staff record it is linked to, and as its own record again once unlinked', async () => {
        expect(await h.actingAs('u_res')).toBe('u_res')
        await h.store.accountLinks.link('u_res', 'u_w1', at(1))
        expect(await h.actingAs('u_res')).toBe('u_w1')
        expect(await h.actingAs('u_vol')).toBe('u_vol')
        await h.store.accountLinks.unlink('u_res')
        expect(await h.actingAs('u_res')).toBe('u_res')
      })

      it('moves a relinked account to its new record, and leaves an account that is not linked alone when unlinking', async () => {
        await h.store.accountLinks.link('u_res', 'u_w1', at(1))
        await h.store.accountLinks.unlink('u_res')
        await h.store.accountLinks.link('u_res', 'u_w2', at(2))
        expect(await h.actingAs('u_res')).toBe('u_w2')
        await h.store.accountLinks.unlink('u_vol')
        expect(await h.actingAs('u_vol')).toBe('u_vol')
        expect(await h.actingAs('u_res')).toBe('u_w2')
      })
    })

    describe('port: cases, the inbox of a substitute', () => {
      /** A case in `gridId` assigned to `assigneeId`. */
      const create = async (n: number, gridId: string, assigneeId: string, extra: Partial<Task> = {}) => {
        const c = newCase({ n, gridId, dueAt: at(10 + (n % 4)), createdAt: at(n % 3) })
        await h.store.cases.createReport({ ...c, task: { ...c.task, assigneeId, ...extra } })
      }

      it('adds the open tasks assigned to the caller in other grids to their own grids\' tasks, once each, in deadline order', async () => {
        await create(1, 'g2', 'u_w9')
        await create(2, 'g1', 'u_w2') // covering for g1's worker
        await create(3, 'g1', 'u_w1')
        await create(4, 'g2', 'u_w2', { status: 'closed', dueAt: null })
        await create(5, 'g1', 'u_w2', { status: 'resolved', dueAt: null })
        await create(6, 'g3', 'u_w2', { dueAt: null })
        const ids = async (gridIds: string[], assignee?: string) => (await h.store.cases.listOpenTasksForGrids(gridIds, { limit: 50 }, assignee)).items.map((t) => t.id)
        const expected = (await h.store.cases.getTasks(['t_1', 't_2', 't_6'])).sort(byDeadline).map((t) => t.id)
        expect(await ids(['g2'], 'u_w2')).toEqual(expected)
        expect(await ids(['g2'])).toEqual(['t_1'])
        expect(await ids([], 'u_w2')).toEqual(expected.filter((id) => id !== 't_1'))
        expect(await ids(['g1'], 'u_w1')).toEqual((await h.store.cases.getTasks(['t_2', 't_3'])).sort(byDeadline).map((t) => t.id))
      })

      it('pages through grids and assignments without duplicates or gaps at any page size', async () => {
        for (let n = 0; n < 17; n++) await create(n, ['g1', 'g2', 'g3'][n % 3], n % 2 === 0 ? 'u_sub' : 'u_w1', n % 5 === 4 ? { dueAt: null } : {})
        const all = await h.store.cases.getTasks(Array.from({ length: 17 }, (_, n) => `t_${n}`))
        const expected = all.filter((t) => t.gridId === 'g2' || t.assigneeId === 'u_sub').sort(byDeadline).map((t) => t.id)
        for (const limit of [1, 2, 3, 5, 50]) {
          const pages = await allPages((cursor) => h.store.cases.listOpenTasksForGrids(['g2'], { limit, cursor }, 'u_sub'))
          expect(pages.flat().map((t) => t.id)).toEqual(expected)
        }
      })
    })
  })
}

const byDeadline = (a: Task, b: Task) =>
  (a.dueAt === null ? 1 : 0) - (b.dueAt === null ? 1 : 0) || (a.dueAt ?? 0) - (b.dueAt ?? 0) || a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
