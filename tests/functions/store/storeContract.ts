import { SEED, type SeedData, type Store } from './fixtures'
import { inboxContract } from './contract/inbox'
import { messageContract } from './contract/messages'
import { referenceContract } from './contract/reference'
import { reportContract } from './contract/reports'
import { dueContract } from './contract/due'
import { consoleContract } from './contract/console'
import { patrolContract, pointsContract } from './contract/volunteers'
import { nearbyContract } from './contract/nearby'

// The behaviour every store adapter owes the use cases, one contract per port: reference
// data, cases (reports, tasks, timelines, the queues and what is due, the dispatchers'
// console, 工单编号 and the escalate job's sweep), the message centre,
// and photo records. An adapter runs it with a factory that opens an empty store and seeds
// it through its own reference port:
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

    describe('port: reference data', () => referenceContract(ctx))
    describe('port: cases', () => {
      reportContract(ctx)
      inboxContract(ctx)
      dueContract(ctx)
      consoleContract(ctx)
      nearbyContract(ctx)
    })
    describe('port: message centre', () => messageContract(ctx))
    describe('port: points', () => pointsContract(ctx))
    describe('port: patrols', () => patrolContract(ctx))
    describe('port: files', () => {
      it('finds uploaded files by id, skipping unknown ids', async () => {
        expect(await ctx.store.files.getFiles(['f_1', 'f_missing'])).toEqual(SEED.files)
        expect(await ctx.store.files.getFiles([])).toEqual([])
      })
    })
  })
}

/** Seeds through the reference port, as imports do: the map in one write, then people and photos. */
export async function seedThroughPorts(store: Store & { files: { insertFile(f: SeedData['files'][number]): Promise<void> } }, data: SeedData) {
  await store.reference.saveUsers(data.users)
  await store.reference.saveMap({ streets: data.streets, communities: data.communities, grids: data.grids })
  for (const f of data.files) await store.files.insertFile(f)
}
