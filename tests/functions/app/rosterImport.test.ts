import { staffIdFor } from '../../../cloudfunctions/app/staff/importRoster'
import type { Grid, User } from '../../../shared/model'
import { insidePoint, openTestStack, RESIDENT, type TestStack } from '../harness'

// Importing the staff roster on the real stack: a dry run writes nothing, a file with any
// broken row imports nothing, and an applied import places people on the map, so new
// reports find them without re-routing anything.
let t: TestStack
beforeEach(async () => { t = await openTestStack() }, 60_000)
afterEach(() => t.close())

const ADMIN = 'u_admin_1'
const HEADER = '姓名,工作电话,角色,所属编码,职责,办公时间'
const importRoster = (csv: string, apply: boolean) => t.call('admin', ADMIN, 'importRoster', { csv, apply })
const masked = (u: Pick<User, 'name' | 'phone'>) => `${u.name}（${u.phone.slice(0, 3)}****${u.phone.slice(-4)}）`
const user = async (id: string) => (await t.stack.deps.reference.getUser(id))!
const grid = async (id: string) => (await t.stack.deps.reference.getGrid(id))!
/** A seeded person as a roster row, with changes. */
const rowOf = (u: User, g: Grid | string, over: Partial<Record<'name' | 'phone' | 'role' | 'duties' | 'officeHours', string>> = {}) =>
  [over.name ?? u.name, over.phone ?? u.phone, over.role ?? (u.role === 'grid_leader' ? '网格长' : '网格员'), typeof g === 'string' ? g : g.code, over.duties ?? u.duties ?? '', over.officeHours ?? u.officeHours ?? ''].join(',')

async function world() {
  const grids = (await t.stack.deps.reference.listGrids()).filter((g) => g.communityId === 'c-lianhua1').sort((a, b) => a.code!.localeCompare(b.code!))
  return { g1: grids[0], g2: grids[1], worker1: await user(grids[0].workerIds[0]), leader1: await user(grids[0].leaderId!), worker2: await user(grids[1].workerIds[0]) }
}

describe('importing the staff roster', () => {
  it('shows a dry run without writing, then applies it: new staff placed on their grid, changes kept, the rest untouched', async () => {
    const w = await world()
    const csv = [HEADER, rowOf(w.worker1, w.g1, { officeHours: '工作日 8:30-17:30' }), rowOf(w.leader1, w.g1), `王小明,13912340001,网格员,${w.g1.code},巡查走访,周一至周五`].join('\n')
    const generation = await t.stack.deps.reference.mapGeneration()

    const dry = await importRoster(csv, false)
    expect(dry.data).toEqual({ applied: false, problems: [], plan: { added: ['王小明（139****0001）'], changed: [masked(w.worker1)], unchanged: [masked(w.leader1)] } })
    expect(await t.stack.deps.reference.getUser(staffIdFor('13912340001'))).toBeNull()
    expect((await grid(w.g1.id)).workerIds).toEqual(w.g1.workerIds)
    expect(await t.stack.deps.reference.mapGeneration()).toBe(generation)

    const applied = await importRoster(csv, true)
    expect(applied.data).toMatchObject({ applied: true, problems: [], plan: dry.data.plan })
    const added = await user(staffIdFor('13912340001'))
    expect(added).toMatchObject({ name: '王小明', role: 'grid_worker', phone: '13912340001', gridIds: [w.g1.id], communityId: 'c-lianhua1', duties: '巡查走访', officeHours: '周一至周五' })
    expect((await grid(w.g1.id)).workerIds).toEqual([w.worker1.id, added.id])
    expect(await user(w.worker1.id)).toMatchObject({ officeHours: '工作日 8:30-17:30', duties: w.worker1.duties })
    expect(await user(w.worker2.id)).toEqual(w.worker2)

    // the same file again: everyone is who they were, nothing is written
    const again = await importRoster(csv, true)
    expect(again.data.plan).toEqual({ added: [], changed: [], unchanged: [masked({ ...w.worker1 }), masked(w.leader1), '王小明（139****0001）'] })
    expect(await t.stack.deps.reference.mapGeneration()).toBe(generation + 1)
  })

  it('imports nothing from a file with broken rows among good ones, and reports each with its row and column', async () => {
    const w = await world()
    const users = await Promise.all([w.worker1.id, w.leader1.id].map(user))
    const grids = await t.stack.deps.reference.listGrids()
    const csv = [
      HEADER,
      rowOf(w.worker1, w.g1, { officeHours: '改过的时间' }),
      '王小明,1391234000,网格员,440304005001001,,',
      '李红,13912340002,网格主任,440304005001001,,',
      '周刚,13912340003,网格员,440304005001099,,',
      '吴敏,13912340004,网格员,440304005001,,',
      ',13912340005,网格员,440304005001001,,',
      `郑洁,${w.worker1.phone},网格员,440304005001002,,`,
    ].join('\n')
    const out = await importRoster(csv, true)
    expect(out.data.applied).toBe(false)
    expect(out.data.problems.map((p: any) => [p.row, p.column])).toEqual([[3, '工作电话'], [4, '角色'], [5, '所属编码'], [6, '所属编码'], [7, '姓名'], [8, '工作电话']])
    expect(await Promise.all([w.worker1.id, w.leader1.id].map(user))).toEqual(users)
    expect(await t.stack.deps.reference.listGrids()).toEqual(grids)
  })

  it('moves a worker to another grid: off the old grid\'s list, onto the new one\'s, and new reports follow the map without re-routing', async () => {
    const w = await world()
    const moved = await importRoster([HEADER, rowOf(w.worker1, w.g2)].join('\n'), true)
    expect(moved.data.plan.changed).toEqual([masked(w.worker1)])
    expect(await user(w.worker1.id)).toMatchObject({ gridIds: [w.g2.id], communityId: w.g2.communityId })
    expect((await grid(w.g1.id)).workerIds).toEqual([])
    expect((await grid(w.g2.id)).workerIds).toEqual([w.worker2.id, w.worker1.id])
    const versions = [(await grid(w.g1.id)).version, (await grid(w.g2.id)).version]
    expect(versions).toEqual([w.g1.version, w.g2.version])

    // a report inside the old grid: no worker left there, so its leader takes it
    const here = (await t.stack.deps.router.route(insidePoint())).gridId
    expect(here).toBe(w.g1.id)
    const sub = await t.call('resident', RESIDENT, 'submitReport', { category: 'garbage', description: '楼下垃圾堆了好几天', photos: [await t.upload(RESIDENT)], location: insidePoint() })
    const task = (await t.stack.deps.cases.getTask((await t.stack.deps.cases.getReport(sub.data.reportId))!.taskId))!
    expect(task.assigneeId).toBe(w.leader1.id)
    expect((await t.call('worker', w.worker1.id, 'getTask', { taskId: task.id })).error.code).toBe('FORBIDDEN')
  })

  it('makes a new leader the grid\'s only one: the leader replaced keeps their record but not the grid', async () => {
    const w = await world()
    const out = await importRoster([HEADER, `陈新,13912340009,网格长,${w.g1.code},统筹网格事务,`].join('\n'), true)
    expect(out.data.plan).toEqual({ added: ['陈新（139****0009）'], changed: [masked(w.leader1)], unchanged: [] })
    expect((await grid(w.g1.id)).leaderId).toBe(staffIdFor('13912340009'))
    expect(await user(w.leader1.id)).toMatchObject({ role: 'grid_leader', gridIds: [], communityId: w.leader1.communityId })
  })

  it('moves a worker who becomes a community dispatcher from the grid to the community, keeping their leave and binding', async () => {
    const w = await world()
    const now = t.stack.clock.now()
    const leave = { from: now, until: now + 86_400_000, substituteId: w.worker2.id }
    await t.stack.deps.reference.saveUsers([{ ...w.worker1, leave, binding: { accountId: 'u_resident_5', at: now } }])
    await importRoster([HEADER, `${w.worker1.name},${w.worker1.phone},社区分拨员,440304005001,,`].join('\n'), true)
    expect(await user(w.worker1.id)).toMatchObject({ role: 'community_dispatcher', gridIds: [], communityId: 'c-lianhua1', leave, binding: { accountId: 'u_resident_5' } })
    expect((await grid(w.g1.id)).workerIds).not.toContain(w.worker1.id)
    expect((await t.stack.deps.reference.getCommunity('c-lianhua1'))!.dispatcherIds).toContain(w.worker1.id)
  })

  it('keeps the photo the staff page uploaded through a re-import, and a 照片 column an old file still has changes nothing', async () => {
    const w = await world()
    const photo = await t.upload(ADMIN)
    expect((await t.call('admin', ADMIN, 'setStaffPhoto', { userId: w.worker2.id, photo })).ok).toBe(true)
    const csv = [`${HEADER},照片`, `${rowOf(w.worker2, w.g2, { duties: '巡查走访' })},https://example.com/face.jpg`, `${rowOf(w.leader1, w.g1)},`].join('\n')
    const out = await importRoster(csv, true)
    expect(out.data).toMatchObject({ applied: true, problems: [] })
    expect(await user(w.worker2.id)).toMatchObject({ duties: '巡查走访', photoUrl: photo })
    expect(await user(w.leader1.id)).toEqual(w.leader1)
  })

  it('is the district office\'s: a community dispatcher is refused', async () => {
    const c = (await t.stack.deps.reference.getCommunity('c-lianhua1'))!
    const res = await t.call('admin', c.dispatcherIds[0], 'importRoster', { csv: `${HEADER}\n`, apply: false })
    expect(res.error.code).toBe('FORBIDDEN')
  })
})
