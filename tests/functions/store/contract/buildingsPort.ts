import type { BuildingRooms, Buildings } from '../../../../cloudfunctions/app/ports'
import type { Building, Room } from '../../../../shared/model'

// The building registry port: what every store adapter owes the use cases, run against
// SQLite and against CloudBase's wire format (buildings.contract.test.ts).

export interface BuildingsHarness {
  buildings: Buildings
  close(): Promise<void>
}

const P = { lng: 114.0575, lat: 22.5411 }
const building = (id: string, over: Partial<Building> = {}): Building => ({ id, communityId: 'c1', gridId: 'g1', name: id, address: '', location: P, ...over })
const rooms = (buildingId: string, ...numbers: string[]): Room[] => numbers.map((n) => ({ id: `${buildingId}.${n}`, buildingId, unit: n.length > 3 ? '2单元' : '1单元', number: n }))
const entry = (b: Building, ...numbers: string[]): BuildingRooms => ({ building: b, rooms: rooms(b.id, ...numbers) })

export function buildingsPortContract(name: string, open: () => Promise<BuildingsHarness>): void {
  describe(`Buildings port contract: ${name}`, () => {
    let h: BuildingsHarness
    beforeEach(async () => { h = await open() })
    afterEach(() => h.close())

    it('gives back an imported room with its building, and nothing for a room it does not know', async () => {
      await h.buildings.saveImport([entry(building('b_10', { address: '莲花路1号' }), '101', '102')])
      expect(await h.buildings.getRoom('b_10.102')).toEqual({ room: { id: 'b_10.102', buildingId: 'b_10', unit: '1单元', number: '102' }, building: building('b_10', { address: '莲花路1号' }) })
      expect(await h.buildings.getRoom('b_10.999')).toBeNull()
      expect(await h.buildings.getRoom('b_11.101')).toBeNull()
      expect(await h.buildings.getRoom('nodot')).toBeNull()
    })

    it('lists a community or a grid in registry order: buildings by name as numbers, rooms by unit then number', async () => {
      await h.buildings.saveImport([
        entry(building('b_a', { name: '10栋' }), '1201', '301', '1101'),
        entry(building('b_b', { name: '2栋', gridId: 'g2' }), '101'),
        entry(building('b_c', { name: '1栋', communityId: 'c2', gridId: 'g3' }), '101'),
      ])
      const names = (list: BuildingRooms[]) => list.map((b) => `${b.building.name}:${b.rooms.map((r) => r.number).join('/')}`)
      expect(names(await h.buildings.listBuildings({ communityId: 'c1' }))).toEqual(['2栋:101', '10栋:301/1101/1201'])
      expect(names(await h.buildings.listBuildings({ gridId: 'g2' }))).toEqual(['2栋:101'])
      expect(await h.buildings.listBuildings({ communityId: 'nowhere' })).toEqual([])
    })

    it('replaces a building given again, rooms included, and leaves the others alone', async () => {
      await h.buildings.saveImport([entry(building('b_1'), '101', '102'), entry(building('b_2'), '101')])
      await h.buildings.saveImport([entry(building('b_1', { gridId: 'g2', address: '新地址' }), '102', '103')])
      expect(await h.buildings.getRoom('b_1.101')).toBeNull()
      expect((await h.buildings.getRoom('b_1.103'))!.building).toMatchObject({ gridId: 'g2', address: '新地址' })
      expect(await h.buildings.getRoom('b_2.101')).not.toBeNull()
      expect(await h.buildings.roomsPerGrid()).toEqual(new Map([['g1', 1], ['g2', 2]]))
    })

    it('counts rooms per grid over every building', async () => {
      expect(await h.buildings.roomsPerGrid()).toEqual(new Map())
      const many = Array.from({ length: 30 }, (_, i) => entry(building(`b_${String(i).padStart(2, '0')}`, { gridId: `g${i % 3}` }), '101', '102'))
      await h.buildings.saveImport(many)
      expect(await h.buildings.roomsPerGrid()).toEqual(new Map([['g0', 20], ['g1', 20], ['g2', 20]]))
    })

    it('finds the buildings within a box around a point, nearest first, at most as many as asked', async () => {
      const east = (m: number) => ({ lng: P.lng + m / 103_000, lat: P.lat })
      await h.buildings.saveImport([
        entry(building('b_far', { location: east(900) }), '1'),
        entry(building('b_200', { location: east(200) }), '1'),
        entry(building('b_50', { location: east(-50) }), '1'),
        entry(building('b_120', { location: { lng: P.lng, lat: P.lat + 120 / 111_000 } }), '1'),
      ])
      expect((await h.buildings.nearBuildings(P, 300, 10)).map((b) => b.id)).toEqual(['b_50', 'b_120', 'b_200'])
      expect((await h.buildings.nearBuildings(P, 300, 2)).map((b) => b.id)).toEqual(['b_50', 'b_120'])
      expect(await h.buildings.nearBuildings({ lng: 113, lat: 23 }, 300, 10)).toEqual([])
    })
  })
}
