import type { StoreContext } from '../storeContract'
import { SEED } from '../fixtures'
import { mapImportContract } from './mapImport'

export function referenceContract(ctx: StoreContext) {
  it('finds people by id in the order asked, skipping unknown ids', async () => {
    const found = await ctx.store.reference.getUsers(['u_w2', 'nobody', 'u_res', 'u_w2'])
    expect(found.map((u) => u.id)).toEqual(['u_w2', 'u_res'])
    expect(await ctx.store.reference.getUser('u_res')).toEqual(SEED.users[0])
    expect(await ctx.store.reference.getUsers([])).toEqual([])
  })

  it('lists every grid, community and street', async () => {
    expect(await ctx.store.reference.listGrids()).toEqual(expect.arrayContaining(SEED.grids))
    expect(await ctx.store.reference.listGrids()).toHaveLength(SEED.grids.length)
    expect(await ctx.store.reference.listCommunities()).toEqual(SEED.communities)
    expect(await ctx.store.reference.listStreets()).toEqual(SEED.streets)
  })

  it('finds a grid, community and street by id and answers null for unknown ids', async () => {
    expect(await ctx.store.reference.getGrid('g2')).toEqual(SEED.grids[1])
    expect(await ctx.store.reference.getCommunity('c1')).toEqual(SEED.communities[0])
    expect(await ctx.store.reference.getStreet('s1')).toEqual(SEED.streets[0])
    for (const missing of [ctx.store.reference.getUser('x'), ctx.store.reference.getGrid('x'), ctx.store.reference.getCommunity('x'), ctx.store.reference.getStreet('x')]) {
      expect(await missing).toBeNull()
    }
  })

  it('moves the map generation by one with every import, and serves the new map at once', async () => {
    const before = await ctx.store.reference.mapGeneration()
    expect(before).toBeGreaterThanOrEqual(1)
    const moved = { ...SEED.grids[0], name: '新第1网格', version: 2 }
    expect(await ctx.store.reference.saveMap({ grids: [moved], removedGridIds: ['g3'] })).toBe(before + 1)
    expect(await ctx.store.reference.mapGeneration()).toBe(before + 1)
    expect(await ctx.store.reference.getGrid('g1')).toEqual(moved)
    expect(await ctx.store.reference.getGrid('g3')).toBeNull()
    expect((await ctx.store.reference.listGrids()).map((g) => g.id).sort()).toEqual(['g1', 'g2'])
  })

  it('updates people in place, and the next read sees the change', async () => {
    const changed = { ...SEED.users[2], phone: '021-9999', gridIds: ['g1', 'g2'] }
    await ctx.store.reference.saveUsers([changed])
    expect(await ctx.store.reference.getUser('u_w1')).toEqual(changed)
    expect((await ctx.store.reference.getUsers(['u_w1']))[0]).toEqual(changed)
  })

  describe('imports', () => mapImportContract(ctx))
}
