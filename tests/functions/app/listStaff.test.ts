import { openTestStack, type TestStack } from '../harness'

// The admin pages' staff list: the people of an area in the order of the map's codes (a
// street, each community, then its grids, a leader before the grid's workers), with where
// they sit in words, their binding, a waiting code and a leave with its substitute.
let t: TestStack
beforeAll(async () => { t = await openTestStack() }, 60_000)
afterAll(() => t.close())

const list = (as: string, payload: object = {}) => t.call('admin', as, 'listStaff', payload)
async function allPages(as: string, payload: object, limit: number) {
  const items: any[] = []
  let cursor: string | undefined
  do {
    const page = await list(as, { ...payload, limit, ...(cursor ? { cursor } : {}) })
    items.push(...page.data.items)
    cursor = page.data.nextCursor ?? undefined
  } while (cursor)
  return items
}

describe('listing staff', () => {
  it("gives a community dispatcher their community's staff, in the map's order, page by page", async () => {
    const community = (await t.stack.deps.reference.getCommunity('c-lianhua1'))!
    const grids = (await t.stack.deps.reference.listGrids()).filter((g) => g.communityId === community.id).sort((a, b) => a.code!.localeCompare(b.code!))
    const expected = [...community.dispatcherIds, ...grids.flatMap((g) => [g.leaderId!, ...g.workerIds])]
    const whole = await allPages(community.dispatcherIds[0], {}, 100)
    expect(whole.map((r) => r.userId)).toEqual(expected)
    for (const limit of [1, 3, 7]) expect((await allPages(community.dispatcherIds[0], {}, limit)).map((r) => r.userId)).toEqual(expected)
    expect(whole[0]).toMatchObject({ role: 'community_dispatcher', roleName: '社区分拨员', placeName: '莲花一村社区', communityId: community.id, bound: false, codeExpiresAt: null, leave: null })
    expect(whole[1]).toMatchObject({ role: 'grid_leader', placeName: grids[0].name, gridIds: [grids[0].id] })
  })

  it('gives a street dispatcher the street and its communities, and the district office everyone', async () => {
    const street = (await t.stack.deps.reference.listStreets())[0]
    const streetWide = await allPages(street.dispatcherIds[0], {}, 100)
    expect(streetWide[0]).toMatchObject({ userId: street.dispatcherIds[0], placeName: street.name })
    const grids = await t.stack.deps.reference.listGrids()
    expect(streetWide).toHaveLength(1 + 3 + grids.length * 2)
    expect((await allPages('u_admin_1', {}, 100)).map((r) => r.userId)).toEqual(streetWide.map((r) => r.userId))
    expect((await allPages('u_admin_1', { communityId: 'c-xintian' }, 100)).every((r) => r.communityId === 'c-xintian')).toBe(true)
  })

  it('shows a waiting code, a binding and a leave with its substitute\'s name', async () => {
    const [grid] = (await t.stack.deps.reference.listGrids()).filter((g) => g.communityId === 'c-tianmian')
    const worker = grid.workerIds[0]
    const leader = (await t.stack.deps.reference.getUser(grid.leaderId!))!
    const issued = await t.call('admin', 'u_admin_1', 'issueBindingCode', { userId: worker })
    const now = t.stack.clock.now()
    await t.call('admin', 'u_admin_1', 'setLeave', { userId: worker, from: now, until: now + 86_400_000, substituteId: leader.id })
    const codeForLeader = await t.call('admin', 'u_admin_1', 'issueBindingCode', { userId: leader.id })
    await t.call('user', 'u_resident_2', 'bindStaff', { code: codeForLeader.data.code })
    const rows = await allPages('u_admin_1', { communityId: 'c-tianmian' }, 100)
    expect(rows.find((r) => r.userId === worker)).toMatchObject({ codeExpiresAt: issued.data.expiresAt, bound: false, leave: { substituteId: leader.id, substituteName: leader.name, until: now + 86_400_000 } })
    expect(rows.find((r) => r.userId === leader.id)).toMatchObject({ bound: true, boundAt: expect.any(Number), codeExpiresAt: null })
  })

  it("refuses another community's list to a community dispatcher, an unknown community, and an altered cursor", async () => {
    const dispatcher = (await t.stack.deps.reference.getCommunity('c-lianhua1'))!.dispatcherIds[0]
    expect((await list(dispatcher, { communityId: 'c-tianmian' })).error.code).toBe('FORBIDDEN')
    expect((await list(dispatcher, { communityId: 'c-nowhere' })).error).toMatchObject({ code: 'NOT_FOUND', fields: { communityId: '没有这个社区' } })
    expect((await list(dispatcher, { cursor: 'not-a-cursor' })).error).toMatchObject({ code: 'VALIDATION', fields: { cursor: expect.any(String) } })
    expect((await list('u_worker_1')).error.code).toBe('FORBIDDEN')
  })
})
