import { openTestStack, RESIDENT, type TestStack } from '../harness'
import { couple, declaredAndVerified, expectNoPlainNumbers, threeRooms } from './declareFixtures'
import { registerOrderOf } from '../../../shared/declarations/registerOrder'

// 实有人口: a grid's register for its own staff, masked, with the declaration coverage of the
// rooms the building registry knows.
// a seeded stack and a dozen calls a test: more than jest's 5 s on a busy machine
jest.setTimeout(60_000)
let t: TestStack
beforeEach(async () => { t = await openTestStack() })
afterEach(() => t.close())

const registerOf = (userId: string, payload: object = {}) => t.call('worker', userId, 'listRegister', payload)

/** Every page of a register, followed through its cursor. */
async function wholeRegister(userId: string, payload: object = {}) {
  const items: any[] = []
  let cursor: string | undefined
  do {
    const page = await registerOf(userId, { ...payload, limit: 20, ...(cursor ? { cursor } : {}) })
    items.push(...page.data.items)
    cursor = page.data.nextCursor ?? undefined
  } while (cursor)
  return items
}

describe('worker.listRegister', () => {
  it('counts coverage against the registry’s rooms, and a verified household raises it by one room', async () => {
    const { a } = await threeRooms(t)
    const rooms = (await t.stack.deps.buildings.listBuildings({ gridId: a.gridId })).flatMap((b) => b.rooms)
    const before = await registerOf(a.workerId)
    const listed = await wholeRegister(a.workerId)
    expect(before.data).toMatchObject({ gridId: a.gridId, gridName: expect.stringContaining('网格'), myGrids: [{ id: a.gridId, name: before.data.gridName }] })
    expect(before.data.coverage).toEqual({
      knownRooms: rooms.length,
      verifiedRooms: new Set(listed.map((r) => r.roomId)).size,
      residents: listed.length,
      rate: new Set(listed.map((r) => r.roomId)).size / rooms.length,
    })
    expect(before.data.buildings.map((b: any) => b.name)).toEqual((await t.stack.deps.buildings.listBuildings({ gridId: a.gridId })).map((b) => b.building.name))

    const persons = couple(1201)
    await declaredAndVerified(t, RESIDENT, a, persons)
    const after = await registerOf(a.workerId)
    expect(after.data.coverage).toMatchObject({ knownRooms: rooms.length, verifiedRooms: before.data.coverage.verifiedRooms + 1, residents: before.data.coverage.residents + 2 })
    const mine = (await wholeRegister(a.workerId)).filter((r) => r.roomId === a.roomId)
    expect(mine).toHaveLength(2)
    expect(mine.map((r) => [r.name, r.addressLabel, r.relationName, r.standingName, r.movedOut])).toEqual(expect.arrayContaining([
      ['张晓明', a.label, '本人', '业主（房屋所有人）', null],
      ['李红梅', a.label, '配偶', '业主（房屋所有人）', null],
    ]))
    expectNoPlainNumbers(after.data, persons)
  })

  it('lists one building of the grid when asked, in building and room order', async () => {
    const { a } = await threeRooms(t)
    await declaredAndVerified(t, RESIDENT, a, couple(1211))
    const buildingId = a.roomId.slice(0, a.roomId.lastIndexOf('.'))
    const listed = await wholeRegister(a.workerId, { buildingId })
    expect(listed.length).toBeGreaterThanOrEqual(2)
    expect(new Set(listed.map((r) => r.buildingId))).toEqual(new Set([buildingId]))
    // rooms as a worker walks them: unit, then room, numbers as numbers (ids are hashes)
    const labels = listed.map((r) => r.addressLabel)
    const key = (label: string) => registerOrderOf(label)
    expect(labels).toEqual([...labels].sort((x, y) => (key(x) < key(y) ? -1 : key(x) > key(y) ? 1 : 0)))
  })

  it('refuses another grid’s register, a building outside the grid, and callers who are not its staff', async () => {
    const { a, other } = await threeRooms(t)
    expect((await registerOf(a.workerId, { gridId: other.gridId })).error.code).toBe('FORBIDDEN')
    const otherBuilding = other.roomId.slice(0, other.roomId.lastIndexOf('.'))
    expect((await registerOf(a.workerId, { buildingId: otherBuilding })).error).toMatchObject({ code: 'VALIDATION', fields: { buildingId: '该楼栋不在这个网格中' } })
    for (const caller of [RESIDENT, 'u_cdisp_1', 'u_admin_1']) expect((await registerOf(caller)).error.code).toBe('FORBIDDEN')
  })
})
