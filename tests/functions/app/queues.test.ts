import { DEMO_POINTS } from '../../../cloudfunctions/local/seed/demoArea'
import { openTestStack, RESIDENT, type TestStack } from '../harness'

// The dispatchers' queues (分拨中心): a report far from every grid reaches the queue of the
// community that holds it, its dispatchers are told, and they see it there.
let t: TestStack
beforeAll(async () => { t = await openTestStack() })
afterAll(() => t.close())

describe('dispatcher queues', () => {
  it("puts a report far from every grid in its community's queue, tells the community's dispatchers, and lists it for them", async () => {
    const community = (await t.stack.deps.reference.getCommunity(DEMO_POINTS.farInCommunity.expected.communityId!))!
    const sub = await t.call('resident', RESIDENT, 'submitReport', { category: 'garbage', description: '空地上有人倾倒建筑垃圾', photos: [await t.upload(RESIDENT)], location: DEMO_POINTS.farInCommunity.point })
    expect(sub.data).toMatchObject({ gridId: null, routing: { outcome: 'dispatcher_queue', communityId: community.id } })
    const dispatcher = community.dispatcherIds[0]
    const told = await t.call('user', dispatcher, 'listMessages', {})
    expect(told.data.items[0]).toMatchObject({ kind: 'task_assigned', reportId: sub.data.reportId })
    const queue = await t.call('admin', dispatcher, 'listQueue', { scope: 'community', id: community.id, limit: 50 })
    expect(queue.ok).toBe(true)
    expect(queue.data.items.map((i: any) => i.reportId)).toContain(sub.data.reportId)
    // the seeded demo street has one waiting there too, so a newcomer finds the queue alive
    expect(queue.data.items.length).toBeGreaterThanOrEqual(2)
  })

  it("lets the street's dispatcher see the community's queue and the street's own, and refuses an unknown queue", async () => {
    const street = (await t.stack.deps.reference.listStreets())[0]
    const sd = street.dispatcherIds[0]
    const c = await t.call('admin', sd, 'listQueue', { scope: 'community', id: DEMO_POINTS.farInCommunity.expected.communityId, limit: 5 })
    expect(c.ok).toBe(true)
    const s = await t.call('admin', sd, 'listQueue', { scope: 'street', id: street.id, limit: 5 })
    expect(s.ok).toBe(true)
    const unknown = await t.call('admin', sd, 'listQueue', { scope: 'community', id: 'c-nowhere' })
    expect(unknown.error).toMatchObject({ code: 'NOT_FOUND', fields: { id: expect.any(String) } })
  })
})
