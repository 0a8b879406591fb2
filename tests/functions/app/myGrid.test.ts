import type { User } from '../../../shared/model'
import { pointOnSurface } from '../../../shared/routing/pointOnSurface'
import { DEMO_POINTS, DEMO_STREET } from '../../../cloudfunctions/local/seed/demoArea'
import { openTestStack, type TestStack } from '../harness'

// 我的网格: the contact card of the caller's grid, found from their home grid, their own grid
// as staff, or where they stand; and when there is none, why and whom to call instead.
let t: TestStack
beforeAll(async () => { t = await openTestStack() })
afterAll(() => t.close())

const HOUR = 3_600_000
const ref = () => t.stack.deps.reference
const user = async (id: string) => (await ref().getUser(id))!
/** A resident without a home grid: only the point they give says where they are. */
async function homelessResident(id: string): Promise<string> {
  await ref().saveUsers([{ id, name: '赵新来', role: 'resident', phone: '13800000000', gridIds: [], streetId: DEMO_STREET.id }])
  return id
}

describe('user.myGrid', () => {
  it("shows a resident's home grid with its leader and workers, each with role, duties and a work phone", async () => {
    const resident = await user('u_resident_1')
    const grid = (await ref().getGrid(resident.homeGridId!))!
    const leader = await user(grid.leaderId!)
    const worker = await user(grid.workerIds[0])
    const res = await t.call('user', resident.id, 'myGrid', {})
    expect(res.ok).toBe(true)
    expect(res.data).toMatchObject({
      found: true,
      card: {
        gridId: grid.id, gridName: grid.name, communityId: grid.communityId, communityName: '莲花一村社区', streetName: '华富街道',
        hotline: DEMO_STREET.hotline, source: 'home',
        leader: { name: leader.name, phone: leader.phone, role: 'grid_leader', roleName: '网格长', duties: leader.duties, officeHours: leader.officeHours, onLeave: null },
        workers: [{ name: worker.name, phone: worker.phone, role: 'grid_worker', roleName: '网格员', onLeave: null }],
      },
    })
    // a point elsewhere does not override the home grid
    const elsewhere = await t.call('user', resident.id, 'myGrid', DEMO_POINTS.onIsland.point)
    expect(elsewhere.data.card.gridId).toBe(grid.id)
  })

  it("shows staff their own first grid, and says so", async () => {
    const res = await t.call('user', 'u_worker_5', 'myGrid', DEMO_POINTS.insideClear.point)
    const worker = await user('u_worker_5')
    expect(res.data).toMatchObject({ found: true, card: { gridId: worker.gridIds[0], source: 'staff' } })
  })

  it('finds the grid at the point for someone with no home grid', async () => {
    const id = await homelessResident('u_test_nohome_1')
    const res = await t.call('user', id, 'myGrid', DEMO_POINTS.nearBorder10m.point)
    expect(res.data).toMatchObject({ found: true, card: { gridId: 'g-tianmian-1', communityName: '田面社区', source: 'location' } })
  })

  it("answers 'no_location' with the street's hotline when there is neither a home grid nor a point", async () => {
    const id = await homelessResident('u_test_nohome_2')
    expect((await t.call('user', id, 'myGrid', {})).data).toEqual({ found: false, reason: 'no_location', areaName: null, hotline: DEMO_STREET.hotline })
    // half a point is no point
    expect((await t.call('user', id, 'myGrid', { lng: 114.0575 })).data).toMatchObject({ found: false, reason: 'no_location' })
  })

  it("answers 'outside' for a point outside every grid, naming the community or street that holds it and its hotline", async () => {
    const id = await homelessResident('u_test_nohome_3')
    const at = async (p: { lng: number; lat: number }) => (await t.call('user', id, 'myGrid', p)).data
    // in the school carved out of 田面社区第3网格: the nearest grid takes its reports, but it is nobody's home grid
    expect(await at(DEMO_POINTS.inHole.point)).toEqual({ found: false, reason: 'outside', areaName: '田面社区', hotline: DEMO_STREET.hotline })
    expect(await at(DEMO_POINTS.farInCommunity.point)).toEqual({ found: false, reason: 'outside', areaName: '新田社区', hotline: DEMO_STREET.hotline })
    expect(await at(DEMO_POINTS.farInStreet.point)).toEqual({ found: false, reason: 'outside', areaName: '华富街道', hotline: DEMO_STREET.hotline })
    expect(await at(DEMO_POINTS.outside.point)).toEqual({ found: false, reason: 'outside', areaName: null, hotline: DEMO_STREET.hotline })
  })

  it('says who covers a worker on leave, with the substitute\'s name and work phone, only while the leave runs', async () => {
    const grid = (await ref().getGrid('g-xintian-3'))!
    const worker = await user(grid.workerIds[0])
    const substitute = await user('u_worker_1')
    const now = t.stack.clock.now()
    const onLeave: User = { ...worker, leave: { from: now - HOUR, until: now + 48 * HOUR, substituteId: substitute.id } }
    await ref().saveUsers([onLeave])
    const viewer = await homelessResident('u_test_nohome_4')
    const point = pointOnSurface(grid.geometry)!
    const during = (await t.call('user', viewer, 'myGrid', point)).data
    expect(during.card.gridId).toBe(grid.id)
    expect(during.card.workers[0]).toMatchObject({ name: worker.name, onLeave: { until: now + 48 * HOUR, substitute: { name: substitute.name, phone: substitute.phone } } })
    expect(during.card.leader.onLeave).toBeNull()

    t.stack.clock.advance(3 * 24 * 60)
    const after = (await t.call('user', viewer, 'myGrid', point)).data
    expect(after.card.workers[0].onLeave).toBeNull()
  })

  it("shows a photo from our own storage as a link, and leaves out one on another server", async () => {
    const grid = (await ref().getGrid('g-tianmian-2'))!
    const [leader, worker] = [await user(grid.leaderId!), await user(grid.workerIds[0])]
    await ref().saveUsers([{ ...leader, photoUrl: 'staff-photo-1' }, { ...worker, photoUrl: 'https://example.com/face.jpg' }])
    const viewer = await homelessResident('u_test_nohome_5')
    const card = (await t.call('user', viewer, 'myGrid', pointOnSurface(grid.geometry)!)).data.card
    expect(card.leader.photoUrl).toMatch(/^\/api\/_files\/staff-photo-1\?e=\d+&s=/)
    expect(card.workers[0]).not.toHaveProperty('photoUrl')
  })
})
