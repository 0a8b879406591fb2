import { buildingIdFor, roomIdFor } from '../../../cloudfunctions/app/buildings/ids'
import { DEMO_POINTS } from '../../../cloudfunctions/local/seed/demoArea'
import { offsetByMetres } from '../../../shared/routing/geo'
import { openTestStack, RESIDENT, type TestStack } from '../harness'

// Importing the building registry on the real (seeded) stack: a dry run writes nothing, a
// file with any broken row imports nothing, an applied import gives stable ids that a second
// run of the same file matches, and the address picker lists what was imported.
let t: TestStack
beforeEach(async () => { t = await openTestStack() }, 60_000)
afterEach(() => t.close())

const ADMIN = 'u_admin_1'
const HEADER = '社区编码,楼栋,单元,房号,经度,纬度,地址'
const LIANHUA = '440304005001'
const TIANMIAN = '440304005002'
const P = DEMO_POINTS.insideClear.point
const row = (building: string, unit: string, room: string, at = P, code = LIANHUA, address = '') => [code, building, unit, room, at.lng, at.lat, address].join(',')
const importBuildings = (csv: string, apply: boolean) => t.call('admin', ADMIN, 'importBuildings', { csv, apply })
const listed = async () => (await t.call('user', RESIDENT, 'listBuildings', { communityId: 'c-lianhua1' })).data as { name: string; units: { unit: string; rooms: { id: string; number: string }[] }[] }[]

describe('importing buildings and rooms', () => {
  it('shows a dry run without writing, applies it with stable ids, and finds nothing to do on the same file again', async () => {
    const csv = [HEADER, row('88栋', '1单元', '101', P, LIANHUA, '莲花路88号'), row('88栋', '1单元', '102'), row('88栋', '2单元', '101'), row('89栋', '', '1')].join('\n')
    const seeded = (await listed()).length

    const dry = await importBuildings(csv, false)
    expect(dry.data).toEqual({ applied: false, problems: [], plan: { buildings: { added: ['莲花一村社区 88栋', '莲花一村社区 89栋'], changed: [], unchanged: [] }, rooms: { added: 4, removed: 0 } } })
    expect(await listed()).toHaveLength(seeded)

    const applied = await importBuildings(csv, true)
    expect(applied.data).toEqual({ ...dry.data, applied: true })
    const b88 = buildingIdFor(LIANHUA, '88栋')
    const room = await t.stack.deps.buildings.getRoom(roomIdFor(b88, '2单元', '101'))
    expect(room).toEqual({
      room: { id: roomIdFor(b88, '2单元', '101'), buildingId: b88, unit: '2单元', number: '101' },
      building: { id: b88, communityId: 'c-lianhua1', gridId: 'g-lianhua1-1', name: '88栋', address: '莲花路88号', location: P },
    })
    expect((await listed()).find((b) => b.name === '88栋')!.units).toEqual([
      { unit: '1单元', rooms: [{ id: roomIdFor(b88, '1单元', '101'), number: '101' }, { id: roomIdFor(b88, '1单元', '102'), number: '102' }] },
      { unit: '2单元', rooms: [{ id: roomIdFor(b88, '2单元', '101'), number: '101' }] },
    ])

    const again = await importBuildings(csv, true)
    expect(again.data.plan).toEqual({ buildings: { added: [], changed: [], unchanged: ['莲花一村社区 88栋', '莲花一村社区 89栋'] }, rooms: { added: 0, removed: 0 } })

    // a building listed again with fewer rooms loses the others; one not listed keeps its own
    const fewer = await importBuildings([HEADER, row('88栋', '1单元', '101', P, LIANHUA, '莲花路88号'), row('88栋', '1单元', '103')].join('\n'), true)
    expect(fewer.data.plan).toEqual({ buildings: { added: [], changed: ['莲花一村社区 88栋'], unchanged: [] }, rooms: { added: 1, removed: 2 } })
    expect(await t.stack.deps.buildings.getRoom(roomIdFor(b88, '2单元', '101'))).toBeNull()
    expect(await t.stack.deps.buildings.getRoom(roomIdFor(buildingIdFor(LIANHUA, '89栋'), '', '1'))).not.toBeNull()
  })

  it('imports nothing from a file with broken rows among good ones, and reports each with its row and column', async () => {
    const seeded = await listed()
    const csv = [
      HEADER,
      row('90栋', '1单元', '101'),
      row('90栋', '1单元', '101'),
      row('90栋', '1单元', '102', offsetByMetres(P, 40, 0)),
      row('91栋', '', '101', P, '440304005999'),
      row('92栋', '', '101', P, TIANMIAN),
      row('93栋', '', '', P),
      row('94栋', '', '101', DEMO_POINTS.outside.point),
      [LIANHUA, '95栋', '', '101', P.lat, P.lng, ''].join(','),
    ].join('\n')
    const out = await importBuildings(csv, true)
    expect(out.data.applied).toBe(false)
    expect(out.data.problems).toEqual([
      { row: 3, column: '房号', message: expect.stringMatching(/与第2行重复/) },
      { row: 4, column: '经度', message: expect.stringMatching(/相差约40米/) },
      { row: 5, column: '社区编码', message: expect.stringMatching(/440304005999 不存在/) },
      { row: 6, column: '经度', message: expect.stringMatching(/不属于社区编码 440304005002（田面社区）/) },
      { row: 7, column: '房号', message: '房号不能为空' },
      { row: 8, column: '经度', message: expect.stringMatching(/不在任何网格内/) },
      { row: 9, column: '经度', message: expect.stringMatching(/填反了/) },
    ])
    expect(await listed()).toEqual(seeded)
    expect(await t.stack.deps.buildings.getRoom(roomIdFor(buildingIdFor(LIANHUA, '90栋'), '1单元', '101'))).toBeNull()
  })

  it('refuses a file past the size limit and lets only the district office import', async () => {
    const big = await importBuildings('x'.repeat(900_001), false)
    expect(big.error).toMatchObject({ code: 'VALIDATION', fields: { csv: expect.stringMatching(/900 KB/) } })
    const denied = await t.call('admin', RESIDENT, 'importBuildings', { csv: HEADER, apply: false })
    expect(denied.error.code).toBe('FORBIDDEN')
  })

  it('has a few hundred demo rooms, every building in a grid of its own community', async () => {
    const perGrid = await t.stack.deps.buildings.roomsPerGrid()
    const grids = await t.stack.deps.reference.listGrids()
    expect([...perGrid.keys()].sort()).toEqual(grids.map((g) => g.id).sort())
    const total = [...perGrid.values()].reduce((a, b) => a + b, 0)
    expect(total).toBeGreaterThanOrEqual(200)
    expect(total).toBeLessThanOrEqual(1000)
    for (const g of grids) for (const { building } of await t.stack.deps.buildings.listBuildings({ gridId: g.id })) expect(building.communityId).toBe(g.communityId)
    const near = await t.stack.deps.buildings.nearBuildings(P, 300, 3)
    expect(near.length).toBeGreaterThan(0)
    expect(near[0].gridId).toBe('g-lianhua1-1')
  })
})
