import type { Store } from '../../../cloudfunctions/app/ports'
import { SEED, type SeedData } from './fixtures'
import { inboxContract } from './contract/inbox'
import { messageContract } from './contract/messages'
import { reportContract } from './contract/reports'

// The behaviour every Store adapter owes the use cases. An adapter runs it with a factory
// that opens an empty store and knows how to seed reference data, which the Store
// interface itself never writes:
//   storeContract('cloudbase', async () => ({ store, seed, close }))

export interface StoreHarness {
  store: Store
  seed(data: SeedData): Promise<void>
  close(): Promise<void>
}

/** The store of the running test; suites read it inside their tests. */
export interface StoreContext { readonly store: Store }

export function storeContract(name: string, makeStore: () => Promise<StoreHarness>): void {
  describe(`Store contract: ${name}`, () => {
    let harness: StoreHarness | null = null
    const ctx: StoreContext = {
      get store() {
        if (!harness) throw new Error('store used outside a test')
        return harness.store
      },
    }
    beforeEach(async () => {
      harness = await makeStore()
      await harness.seed(SEED)
    })
    afterEach(async () => {
      await harness?.close()
      harness = null
    })

    referenceContract(ctx)
    reportContract(ctx)
    inboxContract(ctx)
    messageContract(ctx)
  })
}

function referenceContract(ctx: StoreContext) {
  describe('reference data', () => {
    it('finds people by id in the order asked, skipping unknown ids', async () => {
      const found = await ctx.store.getUsers(['u_w2', 'nobody', 'u_res', 'u_w2'])
      expect(found.map((u) => u.id)).toEqual(['u_w2', 'u_res'])
      expect(await ctx.store.getUser('u_res')).toEqual(SEED.users[0])
      expect(await ctx.store.getUsers([])).toEqual([])
    })

    it('lists every person, grid and street', async () => {
      expect((await ctx.store.listUsers()).map((u) => u.id).sort()).toEqual(SEED.users.map((u) => u.id).sort())
      expect(await ctx.store.listGrids()).toEqual(expect.arrayContaining(SEED.grids))
      expect(await ctx.store.listGrids()).toHaveLength(SEED.grids.length)
      expect(await ctx.store.listStreets()).toEqual(SEED.streets)
    })

    it('finds a grid, community and street by id and answers null for unknown ids', async () => {
      expect(await ctx.store.getGrid('g2')).toEqual(SEED.grids[1])
      expect(await ctx.store.getCommunity('c1')).toEqual(SEED.communities[0])
      expect(await ctx.store.getStreet('s1')).toEqual(SEED.streets[0])
      for (const missing of [ctx.store.getUser('x'), ctx.store.getGrid('x'), ctx.store.getCommunity('x'), ctx.store.getStreet('x')]) {
        expect(await missing).toBeNull()
      }
    })

    it('finds uploaded files by id, skipping unknown ids', async () => {
      expect(await ctx.store.getFiles(['f_1', 'f_missing'])).toEqual(SEED.files)
      expect(await ctx.store.getFiles([])).toEqual([])
    })
  })
}
