import type { Declarations, MessageCentre } from '../../../../cloudfunctions/app/ports'
import type { Declaration, Resident } from '../../../../shared/model'
import { allPages } from '../fixtures'
import { DAY, MIN, T0, declaration, decided, message, person, residentsOf, sealedId } from './declarations'

// The declarations port: what every store adapter owes the declaration use cases, run against
// SQLite (declarations.sqlite.test.ts) and, with a factory of its own, against CloudBase's
// wire format. Adapter-neutral: it speaks only the port and the message centre.

export interface DeclarationsHarness {
  declarations: Declarations
  /** the same store's message centre, to see that a change's messages were (or were not) written */
  messages: MessageCentre
  close(): Promise<void>
}

const ids = (list: { id: string }[]) => list.map((x) => x.id)

export function declarationsPortContract(name: string, open: () => Promise<DeclarationsHarness>): void {
  describe(`Declarations port contract: ${name}`, () => {
    let h: DeclarationsHarness
    let port: Declarations
    beforeEach(async () => {
      h = await open()
      port = h.declarations
    })
    afterEach(() => h.close())

    /** Stores `d` pending, then verifies it at `at`: its persons become residents of its room. */
    async function verified(d: Declaration, at = d.createdAt + 60 * MIN): Promise<{ declaration: Declaration; residents: Resident[] }> {
      await port.create({ requestKey: null, declaration: d, messages: [] })
      const done = decided(d, 'approve', at)
      const residents = residentsOf(d, at)
      expect(await port.saveChange({ declaration: done, expectedVersion: d.version, messages: [], addResidents: residents })).toBe(true)
      return { declaration: done, residents }
    }

    /** Verifies a move-out of `residents` at `at` (a declaration `id` of their room). */
    async function movedOut(id: string, residents: Resident[], at: number): Promise<Resident[]> {
      const r0 = residents[0]
      const out = declaration(id, {
        kind: 'move_out', roomId: r0.roomId, buildingId: r0.buildingId, gridId: r0.gridId, createdAt: at - 10 * MIN, moveOutDate: '2025-03-10',
        persons: residents.map((r) => ({ id: r.id, name: r.name, idKind: r.idKind, idNumber: r.idNumber, phone: r.phone, relation: r.relation, moveInDate: r.moveInDate })),
      })
      await port.create({ requestKey: null, declaration: out, messages: [] })
      const moved = { date: '2025-03-10', at, declarationId: id }
      expect(await port.saveChange({ declaration: decided(out, 'approve', at), expectedVersion: 1, messages: [], moveOut: { residentIds: ids(residents), movedOut: moved } })).toBe(true)
      return residents.map((r) => ({ ...r, movedOut: moved }))
    }

    describe('create', () => {
      it('stores a declaration with its messages, and gives the first one back for a repeated request key', async () => {
        const first = declaration('d_1')
        expect(await port.create({ requestKey: 'u_res:declareResidence:r1', declaration: first, messages: [message('m_1', 'u_w1', 'd_1', T0, 'declaration_received')] })).toEqual({ declarationId: 'd_1', created: true })
        const retry = declaration('d_2', { persons: [person('d_2.p1', '李娜', 'other')] })
        expect(await port.create({ requestKey: 'u_res:declareResidence:r1', declaration: retry, messages: [message('m_2', 'u_w1', 'd_2', T0, 'declaration_received')] })).toEqual({ declarationId: 'd_1', created: false })

        expect(await port.get('d_1')).toEqual(first)
        expect(await port.get('d_2')).toBeNull()
        // the retry wrote nothing: neither its messages nor its blind index
        expect((await h.messages.listMessages('u_w1', { limit: 10 })).items.map((m) => [m.id, m.declarationId])).toEqual([['m_1', 'd_1']])
        expect((await port.findByIdIndexes(['k1.other'])).declarations).toEqual([])
      })

      it('gives the first one back for a repeated request whose declaration id comes from its key', async () => {
        // the use case makes the id from the request key, so a retry sends the very same record
        const d = declaration('d_keyed')
        expect(await port.create({ requestKey: 'u_res:declareResidence:r2', declaration: d, messages: [message('m_1', 'u_w1', 'd_keyed', T0)] })).toEqual({ declarationId: 'd_keyed', created: true })
        expect(await port.create({ requestKey: 'u_res:declareResidence:r2', declaration: { ...d, updatedAt: T0 + 1 }, messages: [message('m_2', 'u_w1', 'd_keyed', T0 + 1)] })).toEqual({ declarationId: 'd_keyed', created: false })
        expect(await port.get('d_keyed')).toEqual(d)
        expect(ids((await h.messages.listMessages('u_w1', { limit: 10 })).items)).toEqual(['m_1'])
      })

      it('keeps every create made without a request key', async () => {
        await port.create({ requestKey: null, declaration: declaration('d_1'), messages: [] })
        expect(await port.create({ requestKey: null, declaration: declaration('d_2'), messages: [] })).toEqual({ declarationId: 'd_2', created: true })
        expect(ids(await port.getMany(['d_1', 'd_2']))).toEqual(['d_1', 'd_2'])
      })

      it('gives one declaration to two creates racing with one key', async () => {
        const both = await Promise.all(['d_a', 'd_b'].map((id) => port.create({ requestKey: 'k-race', declaration: declaration(id), messages: [] })))
        expect(both.filter((r) => r.created)).toHaveLength(1)
        expect(new Set(both.map((r) => r.declarationId)).size).toBe(1)
        expect((await port.getMany(['d_a', 'd_b']))).toHaveLength(1)
      })
    })

    it('reads declarations by id in the order asked, skipping unknown ids', async () => {
      for (const id of ['d_1', 'd_2', 'd_3']) await port.create({ requestKey: null, declaration: declaration(id), messages: [] })
      expect(ids(await port.getMany(['d_3', 'nope', 'd_1', 'd_2']))).toEqual(['d_3', 'd_1', 'd_2'])
      expect(await port.getMany([])).toEqual([])
      expect(await port.get('nope')).toBeNull()
    })

    it('lists a declarant\'s declarations newest first, a page at a time', async () => {
      const times = [T0, T0 + 5 * MIN, T0 + 2 * MIN, T0 + 5 * MIN, T0 + 9 * MIN]
      for (const [i, createdAt] of times.entries()) await port.create({ requestKey: null, declaration: declaration(`d_${i}`, { createdAt }), messages: [] })
      await port.create({ requestKey: null, declaration: declaration('d_other', { declarantId: 'u_vol', createdAt: T0 + 7 * MIN }), messages: [] })

      const pages = await allPages((cursor) => port.listByDeclarant('u_res', { limit: 2, cursor }))
      // equal times: the larger id first
      expect(pages.map(ids)).toEqual([['d_4', 'd_3'], ['d_1', 'd_2'], ['d_0']])
      expect(ids((await port.listByDeclarant('u_vol', { limit: 10 })).items)).toEqual(['d_other'])
      expect(await port.listByDeclarant('u_nobody', { limit: 10 })).toEqual({ items: [], nextCursor: null })
    })

    describe('listOpen', () => {
      beforeEach(async () => {
        const rows: [string, Partial<Declaration>][] = [
          ['d_late', { dueAt: T0 + 3 * DAY }],
          ['d_soon', { dueAt: T0 + DAY, gridId: 'g2' }],
          ['d_mid', { dueAt: T0 + 2 * DAY }],
          // waiting on the declarant: no deadline, listed after the dated ones
          ['d_more', { status: 'more_info', dueAt: null, createdAt: T0 + MIN }],
          ['d_more0', { status: 'more_info', dueAt: null }],
          ['d_sub', { dueAt: T0 + DAY / 2, gridId: 'g9', assigneeId: 'u_sub' }],
          ['d_far', { dueAt: T0, gridId: 'g9', assigneeId: 'u_w9' }],
          ['d_ok', { status: 'verified', dueAt: null }],
          ['d_no', { status: 'rejected', dueAt: null }],
          ['d_gone', { status: 'withdrawn', dueAt: null }],
        ]
        for (const [id, over] of rows) await port.create({ requestKey: null, declaration: declaration(id, over), messages: [] })
      })

      it('lists the open declarations of the grids, earliest deadline first, undated last', async () => {
        const pages = await allPages((cursor) => port.listOpen(['g1', 'g2'], { limit: 2, cursor }))
        expect(pages.map(ids)).toEqual([['d_soon', 'd_mid'], ['d_late', 'd_more0'], ['d_more']])
        expect(ids((await port.listOpen(['g2'], { limit: 10 })).items)).toEqual(['d_soon'])
      })

      it('adds those assigned to a substitute in other grids', async () => {
        const pages = await allPages((cursor) => port.listOpen(['g2'], { limit: 1, cursor }, 'u_sub'))
        expect(pages.flat().map((d) => d.id)).toEqual(['d_sub', 'd_soon'])
        expect(ids((await port.listOpen([], { limit: 10 }, 'u_sub')).items)).toEqual(['d_sub'])
      })

      it('lists nothing for no grids, and drops a declaration once it is decided', async () => {
        expect(await port.listOpen([], { limit: 10 })).toEqual({ items: [], nextCursor: null })
        const mid = (await port.get('d_mid'))!
        await port.saveChange({ declaration: decided(mid, 'reject', T0 + 60 * MIN, '地址不符'), expectedVersion: 1, messages: [] })
        expect(ids((await port.listOpen(['g1'], { limit: 10 })).items)).toEqual(['d_late', 'd_more0', 'd_more'])
      })
    })

    describe('saveChange', () => {
      it('applies a change made from the stored version, with its messages', async () => {
        const d = declaration('d_1')
        await port.create({ requestKey: null, declaration: d, messages: [] })
        const asked = decided(d, 'ask_more', T0 + 30 * MIN, '请补充租赁合同')
        expect(await port.saveChange({ declaration: asked, expectedVersion: 1, messages: [message('m_1', 'u_res', 'd_1', T0 + 30 * MIN, 'declaration_more_info')] })).toBe(true)
        expect(await port.get('d_1')).toEqual(asked)
        expect((await h.messages.listMessages('u_res', { limit: 10 })).items).toEqual([message('m_1', 'u_res', 'd_1', T0 + 30 * MIN, 'declaration_more_info')])
      })

      it('refuses a change made from a stale version and writes none of it: no residents, no messages', async () => {
        const d = declaration('d_1', { persons: [person('p_1', '张伟', 'a'), person('p_2', '李娜', 'b')] })
        await port.create({ requestKey: null, declaration: d, messages: [] })
        const first = decided(d, 'reject', T0 + 10 * MIN, '房号不符')
        expect(await port.saveChange({ declaration: first, expectedVersion: 1, messages: [] })).toBe(true)

        const late = decided(d, 'approve', T0 + 11 * MIN)
        const stale = await port.saveChange({ declaration: late, expectedVersion: 1, messages: [message('m_late', 'u_res', 'd_1', T0 + 11 * MIN)], addResidents: residentsOf(d, T0 + 11 * MIN) })
        expect(stale).toBe(false)
        expect(await port.get('d_1')).toEqual(first)
        expect(await port.roomResidents('b1.101')).toEqual([])
        expect(await port.getResidents(['p_1', 'p_2'])).toEqual([])
        expect((await h.messages.listMessages('u_res', { limit: 10 })).items).toEqual([])
        expect(await port.registerCounts(['g1'])).toEqual(new Map())
      })

      it('moves the people of a verified move-in into the register with it', async () => {
        const d = declaration('d_1', { persons: [person('p_1', '王芳', 'a'), person('p_2', '刘洋', 'b', { relation: 'spouse' })] })
        const { declaration: done, residents } = await verified(d)
        expect(await port.get('d_1')).toEqual(done)
        // by name
        expect(await port.roomResidents('b1.101')).toEqual([residents[1], residents[0]])
        expect(await port.getResidents(['p_1', 'p_2', 'nope'])).toEqual(residents)
        expect(await port.registerCounts(['g1'])).toEqual(new Map([['g1', { verifiedRooms: 1, residents: 2 }]]))
      })

      it('moves residents out with a verified move-out: they leave the room, the lookup and the current register', async () => {
        const { residents } = await verified(declaration('d_1', { persons: [person('p_1', '王芳', 'a'), person('p_2', '刘洋', 'b')] }))
        const [gone] = await movedOut('d_out', [residents[0]], T0 + DAY)

        expect(await port.roomResidents('b1.101')).toEqual([residents[1]])
        expect(await port.getResidents(['p_1'])).toEqual([gone])
        expect((await port.findByIdIndexes([sealedId('a').index])).residents).toEqual([])
        expect((await port.findByIdIndexes([sealedId('b').index])).residents).toEqual([residents[1]])
        expect(ids((await port.listRegister({ gridId: 'g1', movedOut: false }, { limit: 10 })).items)).toEqual(['p_2'])
        expect((await port.listRegister({ gridId: 'g1', movedOut: true }, { limit: 10 })).items).toEqual([gone])
        expect(await port.registerCounts(['g1'])).toEqual(new Map([['g1', { verifiedRooms: 1, residents: 1 }]]))
      })
    })

    describe('findByIdIndexes', () => {
      it('finds current residents and open declarations holding a blind index, at any room', async () => {
        const { residents } = await verified(declaration('d_home', { persons: [person('p_home', '张伟', 'same')] }))
        const there = declaration('d_there', { roomId: 'b2.301', buildingId: 'b2', gridId: 'g2', persons: [person('p_there', '张伟', 'same')] })
        const waiting = declaration('d_wait', { roomId: 'b2.302', buildingId: 'b2', status: 'more_info', dueAt: null, persons: [person('p_w', '张伟', 'same')] })
        for (const d of [there, waiting]) await port.create({ requestKey: null, declaration: d, messages: [] })
        for (const [id, status] of [['d_no', 'rejected'], ['d_gone', 'withdrawn']] as const) {
          await port.create({ requestKey: null, declaration: declaration(id, { status, dueAt: null, persons: [person(`${id}.p`, '张伟', 'same')] }), messages: [] })
        }

        // the lookup takes every key's index of one number (a key rotation): k2's finds nothing here
        const found = await port.findByIdIndexes(['k2.same', sealedId('same').index])
        expect(found.residents).toEqual(residents)
        expect(ids(found.declarations).sort()).toEqual(['d_there', 'd_wait'])
        expect(found.declarations.find((d) => d.id === 'd_there')).toEqual(there)
        expect(await port.findByIdIndexes(['k1.nobody'])).toEqual({ residents: [], declarations: [] })
        expect(await port.findByIdIndexes([])).toEqual({ residents: [], declarations: [] })
      })

      it('follows a declaration\'s persons as they are amended, and lets go once it is withdrawn', async () => {
        const d = declaration('d_1', { persons: [person('p_1', '张伟', 'old')] })
        await port.create({ requestKey: null, declaration: d, messages: [] })
        const amended: Declaration = { ...d, persons: [person('p_1', '张伟', 'new')], version: 2, updatedAt: T0 + MIN }
        expect(await port.saveChange({ declaration: amended, expectedVersion: 1, messages: [] })).toBe(true)
        expect(await port.findByIdIndexes(['k1.old'])).toEqual({ residents: [], declarations: [] })
        expect(ids((await port.findByIdIndexes(['k1.new'])).declarations)).toEqual(['d_1'])

        const withdrawn: Declaration = { ...amended, status: 'withdrawn', dueAt: null, version: 3, updatedAt: T0 + 2 * MIN }
        expect(await port.saveChange({ declaration: withdrawn, expectedVersion: 2, messages: [] })).toBe(true)
        expect(await port.findByIdIndexes(['k1.new'])).toEqual({ residents: [], declarations: [] })
      })
    })

    it('lists the residents an account declared, by room then name, current ones only', async () => {
      const { residents: home } = await verified(declaration('d_1', { roomId: 'b1.201', persons: [person('p_1', '王芳', 'a'), person('p_2', '刘洋', 'b')] }))
      const { residents: flat } = await verified(declaration('d_2', { roomId: 'b1.102', standing: 'landlord', persons: [person('p_3', '陈静', 'c', { relation: 'tenant' })] }))
      await verified(declaration('d_3', { declarantId: 'u_vol', roomId: 'b1.103', persons: [person('p_4', '李娜', 'd')] }))
      expect(await port.residentsDeclaredBy('u_res')).toEqual([flat[0], home[1], home[0]])
      await movedOut('d_out', flat, T0 + DAY)
      expect(await port.residentsDeclaredBy('u_res')).toEqual([home[1], home[0]])
    })

    describe('the register', () => {
      beforeEach(async () => {
        await verified(declaration('d_a', { roomId: 'b2.101', buildingId: 'b2', persons: [person('r_1', '王芳', '1'), person('r_2', '张伟', '2')] }))
        await verified(declaration('d_b', { roomId: 'b1.201', persons: [person('r_3', '陈静', '3')] }))
        await verified(declaration('d_c', { roomId: 'b1.101', persons: [person('r_4', '李娜', '4'), person('r_5', '刘洋', '5'), person('r_6', '刘洋', '6')] }))
        await verified(declaration('d_x', { roomId: 'b9.101', buildingId: 'b9', gridId: 'g2', persons: [person('r_9', '赵磊', '9')] }))
      })

      it('lists a grid\'s current residents by building, room, then name, a page at a time', async () => {
        const pages = await allPages((cursor) => port.listRegister({ gridId: 'g1', movedOut: false }, { limit: 2, cursor }))
        // same name in one room: by id
        expect(pages.map(ids)).toEqual([['r_5', 'r_6'], ['r_4', 'r_3'], ['r_2', 'r_1']])
        expect(ids((await port.listRegister({ gridId: 'g2', movedOut: false }, { limit: 10 })).items)).toEqual(['r_9'])
        expect(await port.listRegister({ gridId: 'g3', movedOut: false }, { limit: 10 })).toEqual({ items: [], nextCursor: null })
      })

      it('lists one building\'s residents', async () => {
        const pages = await allPages((cursor) => port.listRegister({ gridId: 'g1', buildingId: 'b1', movedOut: false }, { limit: 3, cursor }))
        expect(pages.flat().map((r) => r.id)).toEqual(['r_5', 'r_6', 'r_4', 'r_3'])
        expect((await port.listRegister({ gridId: 'g1', buildingId: 'b9', movedOut: false }, { limit: 10 })).items).toEqual([])
      })

      it('lists rooms in address order, numbers compared as numbers, whatever their ids', async () => {
        const at = (id: string, roomId: string, addressLabel: string, buildingId = 'b3') =>
          verified(declaration(id, { roomId, buildingId, gridId: 'g3', addressLabel, persons: [person(`${id}.p`, '周敏', id)] }))
        await at('d_202', 'b3.zz', '3栋2单元202')
        await at('d_1001', 'b3.aa', '3栋2单元1001')
        await at('d_101', 'b10.mm', '10栋1单元101', 'b10')
        await at('d_u1', 'b3.yy', '3栋1单元1201')
        const pages = await allPages((cursor) => port.listRegister({ gridId: 'g3', movedOut: false }, { limit: 1, cursor }))
        expect(pages.flat().map((r) => r.roomId)).toEqual(['b3.yy', 'b3.zz', 'b3.aa', 'b10.mm'])
        expect((await port.listRegister({ gridId: 'g3', buildingId: 'b3', movedOut: false }, { limit: 10 })).items.map((r) => r.roomId)).toEqual(['b3.yy', 'b3.zz', 'b3.aa'])
      })

      it('lists those moved out apart from the current ones', async () => {
        const [r4, r3] = await port.getResidents(['r_4', 'r_3'])
        await movedOut('d_o1', [r4], T0 + DAY)
        await movedOut('d_o2', [r3], T0 + DAY + MIN)
        const moves = await allPages((cursor) => port.listRegister({ gridId: 'g1', movedOut: true }, { limit: 1, cursor }))
        expect(moves.flat().map((r) => [r.id, r.movedOut?.declarationId])).toEqual([['r_4', 'd_o1'], ['r_3', 'd_o2']])
        expect(ids((await port.listRegister({ gridId: 'g1', movedOut: false }, { limit: 10 })).items)).toEqual(['r_5', 'r_6', 'r_2', 'r_1'])
        expect(ids((await port.listRegister({ gridId: 'g1', buildingId: 'b2', movedOut: true }, { limit: 10 })).items)).toEqual([])
      })

      it('counts rooms with a current resident and residents, per grid asked', async () => {
        expect(await port.registerCounts(['g1', 'g2', 'g3'])).toEqual(new Map([['g1', { verifiedRooms: 3, residents: 6 }], ['g2', { verifiedRooms: 1, residents: 1 }]]))
        expect(await port.registerCounts(['g2'])).toEqual(new Map([['g2', { verifiedRooms: 1, residents: 1 }]]))
        // the room counts until its last resident leaves
        const [r1, r2] = await port.getResidents(['r_1', 'r_2'])
        await movedOut('d_o1', [r1], T0 + DAY)
        expect((await port.registerCounts(['g1'])).get('g1')).toEqual({ verifiedRooms: 3, residents: 5 })
        await movedOut('d_o2', [r2], T0 + DAY)
        expect((await port.registerCounts(['g1'])).get('g1')).toEqual({ verifiedRooms: 2, residents: 4 })
        expect(await port.registerCounts([])).toEqual(new Map())
      })
    })

    describe('retention', () => {
      it('lists residents moved out and declarations rejected or withdrawn before a time, oldest first, as many as asked', async () => {
        const { residents } = await verified(declaration('d_in', { persons: [person('p_1', '王芳', 'a'), person('p_2', '刘洋', 'b'), person('p_3', '陈静', 'c')] }))
        await movedOut('d_o1', [residents[1]], T0 + 2 * DAY)
        await movedOut('d_o2', [residents[0]], T0 + 1 * DAY)
        await movedOut('d_o3', [residents[2]], T0 + 9 * DAY)
        for (const [id, status, updatedAt] of [['d_no', 'rejected', T0 + 3 * DAY], ['d_gone', 'withdrawn', T0 + 1 * DAY], ['d_new', 'rejected', T0 + 9 * DAY]] as const) {
          await port.create({ requestKey: null, declaration: declaration(id, { status, dueAt: null, updatedAt }), messages: [] })
        }
        await port.create({ requestKey: null, declaration: declaration('d_open', { updatedAt: T0 }), messages: [] })

        const expired = await port.listExpired(T0 + 5 * DAY, 10)
        expect(ids(expired.residents)).toEqual(['p_1', 'p_2'])
        expect(ids(expired.declarations)).toEqual(['d_gone', 'd_no'])
        const one = await port.listExpired(T0 + 5 * DAY, 1)
        expect([ids(one.residents), ids(one.declarations)]).toEqual([['p_1'], ['d_gone']])
        // "before" is strict
        expect(ids((await port.listExpired(T0 + 2 * DAY, 10)).residents)).toEqual(['p_1'])
      })

      it('overwrites records with their anonymised forms, which are then neither listed nor found', async () => {
        const { residents } = await verified(declaration('d_in', { persons: [person('p_1', '王芳', 'a')] }))
        const [gone] = await movedOut('d_o1', residents, T0 + DAY)
        const rejected = declaration('d_no', { status: 'rejected', dueAt: null, updatedAt: T0 + DAY, persons: [person('p_9', '陈静', 'z')] })
        await port.create({ requestKey: null, declaration: rejected, messages: [] })

        const erased = { token: '', index: '', masked: '' }
        const at = T0 + 200 * DAY
        const anonResident: Resident = { ...gone, name: '已匿名', idNumber: erased, phone: null, anonymisedAt: at }
        const anonDeclaration: Declaration = { ...rejected, persons: rejected.persons.map((p) => ({ ...p, name: '已匿名', idNumber: erased, phone: null })), anonymisedAt: at }
        await port.saveAnonymised({ residents: [anonResident], declarations: [anonDeclaration] })

        expect(await port.getResidents(['p_1'])).toEqual([anonResident])
        expect(await port.get('d_no')).toEqual(anonDeclaration)
        expect(await port.listExpired(at, 10)).toEqual({ residents: [], declarations: [] })
        expect((await port.listRegister({ gridId: 'g1', movedOut: true }, { limit: 10 })).items).toEqual([])
        expect(await port.findByIdIndexes([sealedId('a').index, sealedId('z').index, ''])).toEqual({ residents: [], declarations: [] })
        await port.saveAnonymised({ residents: [], declarations: [] })
      })
    })
  })
}

