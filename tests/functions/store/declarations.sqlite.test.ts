import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import Database from 'better-sqlite3'
import { EXPIRED_SQL, HOLDING_SQL, openDeclarationsSql, registerSql } from '../../../cloudfunctions/adapters/local/sqliteDeclarations'
import { openSqliteStore, type SqliteStore } from '../../../cloudfunctions/adapters/local/sqliteStore'
import { openLocalStack } from '../../../cloudfunctions/local/stack'
import { DEMO_HOUSEHOLDS, HOUSEHOLD_ACCOUNT } from '../../../cloudfunctions/local/seed/seedHouseholds'
import { shanghaiToday } from '../../../shared/identity/calendarDate'
import { checkIdNumber } from '../../../shared/identity/idDocuments'
import { maskIdNumber, maskPhone } from '../../../shared/identity/masking'
import type { Resident } from '../../../shared/model'
import { declarationsPortContract } from './contract/declarationsPort'
import { allPages } from './fixtures'
import { DAY, T0, declaration, decided, person, residentsOf } from './contract/declarations'

// The declarations port on SQLite, then what only SQLite shows: which index answers each
// list, and the blind-index rows the adapter keeps beside the records.

declarationsPortContract('sqlite', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gridlink-declarations-'))
  const store = openSqliteStore(path.join(dir, 'gridlink.sqlite'))
  return {
    declarations: store.declarations,
    messages: store.messages,
    close: async () => {
      await store.close()
      fs.rmSync(dir, { recursive: true, force: true })
    },
  }
})

describe('declarations on SQLite', () => {
  let dir: string
  let file: string
  let store: SqliteStore
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gridlink-declarations-'))
    file = path.join(dir, 'gridlink.sqlite')
    store = openSqliteStore(file)
  })
  afterEach(async () => {
    await store.close()
    fs.rmSync(dir, { recursive: true, force: true })
  })

  const planOf = (sql: string, params: object) => {
    const db = new Database(file, { readonly: true })
    try {
      return JSON.stringify(db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(params))
    } finally {
      db.close()
    }
  }

  it('answers each list from its own index', () => {
    const open = { grids: '["g1"]', assignee: 'u_sub', limit: 21, due: 1, created: 1, id: 'd' }
    for (const after of ['none', 'due', 'undated'] as const) {
      expect(planOf(openDeclarationsSql(after, 'grids'), open)).toContain('USING INDEX declarations_open_by_grid')
      const mine = planOf(openDeclarationsSql(after, 'gridsOrAssignee'), open)
      expect(mine).toContain('declarations_open_by_grid')
      expect(mine).toContain('declarations_open_by_assignee')
    }
    const register = { grid: 'g1', moved: 0, building: 'b1', limit: 21, o: '0000000001栋0000000101', r: 'b1.101', n: '张伟', id: 'p' }
    for (const after of [false, true]) {
      for (const inBuilding of [false, true]) {
        const plan = planOf(registerSql(after, inBuilding), register)
        expect(plan).toContain('USING INDEX residents_register')
        // the index gives the order: no sort step
        expect(plan).not.toContain('TEMP B-TREE')
      }
    }
    for (const sql of [HOLDING_SQL.residents, HOLDING_SQL.declarations]) {
      const db = new Database(file, { readonly: true })
      const plan = JSON.stringify(db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all('["k1.a"]'))
      db.close()
      expect(plan).toContain('SEARCH id_index USING PRIMARY KEY')
      expect(plan).not.toMatch(/SCAN (residents|declarations|id_index)/)
    }
    expect(planOf(EXPIRED_SQL.residents, { before: 1, limit: 100 })).toContain('residents_expiring')
    expect(planOf(EXPIRED_SQL.declarations, { before: 1, limit: 100 })).toContain('declarations_settled')
  })

  it('keeps a blind-index row per open declaration\'s person and per current resident, and drops each as it leaves', async () => {
    const rows = () => {
      const db = new Database(file, { readonly: true })
      try {
        return db.prepare('SELECT blind_index, owner_kind, owner_id, room_id FROM id_index ORDER BY owner_kind, owner_id').all()
      } finally {
        db.close()
      }
    }
    const d = declaration('d_1', { persons: [person('p_1', '王芳', 'a'), person('p_2', '刘洋', 'b')] })
    await store.declarations.create({ requestKey: null, declaration: d, messages: [] })
    expect(rows()).toEqual([
      { blind_index: 'k1.a', owner_kind: 'declaration', owner_id: 'd_1', room_id: 'b1.101' },
      { blind_index: 'k1.b', owner_kind: 'declaration', owner_id: 'd_1', room_id: 'b1.101' },
    ])
    await store.declarations.saveChange({ declaration: decided(d, 'approve', T0 + DAY), expectedVersion: 1, messages: [], addResidents: residentsOf(d, T0 + DAY) })
    expect(rows()).toEqual([
      { blind_index: 'k1.a', owner_kind: 'resident', owner_id: 'p_1', room_id: 'b1.101' },
      { blind_index: 'k1.b', owner_kind: 'resident', owner_id: 'p_2', room_id: 'b1.101' },
    ])
    const out = declaration('d_out', { kind: 'move_out', persons: d.persons })
    await store.declarations.create({ requestKey: null, declaration: out, messages: [] })
    const moved = { date: '2025-03-20', at: T0 + 2 * DAY, declarationId: 'd_out' }
    await store.declarations.saveChange({ declaration: decided(out, 'approve', T0 + 2 * DAY), expectedVersion: 1, messages: [], moveOut: { residentIds: ['p_1'], movedOut: moved } })
    expect(rows()).toEqual([{ blind_index: 'k1.b', owner_kind: 'resident', owner_id: 'p_2', room_id: 'b1.101' }])
  })

  it('fails a move-out of someone no longer in the register, writing none of it', async () => {
    const d = declaration('d_1', { persons: [person('p_1', '王芳', 'a'), person('p_2', '刘洋', 'b')] })
    await store.declarations.create({ requestKey: null, declaration: d, messages: [] })
    await store.declarations.saveChange({ declaration: decided(d, 'approve', T0 + DAY), expectedVersion: 1, messages: [], addResidents: residentsOf(d, T0 + DAY) })
    const out = declaration('d_out', { kind: 'move_out', persons: d.persons })
    await store.declarations.create({ requestKey: null, declaration: out, messages: [] })
    const moved = { date: '2025-03-20', at: T0 + 2 * DAY, declarationId: 'd_out' }
    await expect(store.declarations.saveChange({ declaration: decided(out, 'approve', T0 + 2 * DAY), expectedVersion: 1, messages: [], moveOut: { residentIds: ['p_2', 'p_nobody'], movedOut: moved } }))
      .rejects.toThrow('resident p_nobody is not a current resident')
    expect((await store.declarations.get('d_out'))!.status).toBe('pending')
    expect((await store.declarations.roomResidents('b1.101')).map((r) => r.id)).toEqual(['p_2', 'p_1'])
  })

  it('refuses a change whose version does not follow the one it was made from', async () => {
    const d = declaration('d_1')
    await store.declarations.create({ requestKey: null, declaration: d, messages: [] })
    await expect(store.declarations.saveChange({ declaration: { ...d, status: 'withdrawn' }, expectedVersion: 1, messages: [] })).rejects.toThrow('must carry version 2')
  })
})

describe('the demo register', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gridlink-demo-register-'))
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }))

  it('seeds verified households of 1 to 4 people over several grids, with valid sealed ID numbers and phones and none in plain', async () => {
    const stack = await openLocalStack({ dataDir: dir, seed: true })
    const { declarations, cipher } = stack.deps
    const grids = await stack.store.reference.listGrids()
    const counts = await declarations.registerCounts(grids.map((g) => g.id))
    expect([...counts.values()].reduce((n, c) => n + c.verifiedRooms, 0)).toBe(DEMO_HOUSEHOLDS)
    expect(counts.size).toBeGreaterThanOrEqual(6)

    const residents: Resident[] = []
    for (const g of grids) residents.push(...(await allPages((cursor) => declarations.listRegister({ gridId: g.id, movedOut: false }, { limit: 50, cursor }))).flat())
    const byRoom = new Map<string, number>()
    for (const r of residents) byRoom.set(r.roomId, (byRoom.get(r.roomId) ?? 0) + 1)
    expect(byRoom.size).toBe(DEMO_HOUSEHOLDS)
    expect(Math.min(...byRoom.values())).toBe(1)
    expect(Math.max(...byRoom.values())).toBe(4)
    for (const roomId of byRoom.keys()) expect(await stack.deps.buildings.getRoom(roomId)).not.toBeNull()

    const today = shanghaiToday(stack.clock.now())
    const numbers = new Set<string>()
    const plain: string[] = []
    for (const r of residents) {
      const number = await cipher.decrypt('idNumber', r.idNumber.token)
      const checked = checkIdNumber(number, { today, kind: 'resident' })
      expect(checked).toMatchObject({ ok: true })
      expect(number.slice(0, 4)).toBe('4403')
      expect(r.moveInDate <= today).toBe(true)
      expect(r.idNumber).toEqual({ token: r.idNumber.token, index: await cipher.blindIndex('idNumber', number), masked: maskIdNumber(number) })
      numbers.add(number)
      plain.push(number)
      if (r.phone) {
        const phone = await cipher.decrypt('phone', r.phone.token)
        expect(phone).toMatch(/^139\d{8}$/)
        expect(r.phone.masked).toBe(maskPhone(phone))
        plain.push(phone)
      }
    }
    expect(numbers.size).toBe(residents.length)
    // the verified declarations hold the same sealed people, and nothing is open
    const d = (await declarations.getMany([residents[0].declarationId]))[0]
    expect(d).toMatchObject({ status: 'verified', roomId: residents[0].roomId, dueAt: null })
    expect(await declarations.listOpen(grids.map((g) => g.id), { limit: 10 })).toEqual({ items: [], nextCursor: null })
    await stack.close()

    const db = new Database(path.join(dir, 'gridlink.sqlite'), { readonly: true })
    const stored = (db.prepare('SELECT doc FROM declarations UNION ALL SELECT doc FROM residents').all() as { doc: string }[]).map((r) => r.doc).join('\n')
    db.close()
    for (const value of plain) expect(stored).not.toContain(value)
  })

  it('gives one demo account a verified household and its home address, and the two declaring in tests none', async () => {
    const stack = await openLocalStack({ dataDir: dir, seed: true })
    const mine = await stack.deps.declarations.residentsDeclaredBy(HOUSEHOLD_ACCOUNT)
    expect(mine.length).toBeGreaterThan(0)
    const account = (await stack.deps.reference.getUser(HOUSEHOLD_ACCOUNT))!
    expect(mine.find((r) => r.relation === 'self')?.name).toBe(account.name)
    expect(account.homeGridId).toBe(mine[0].gridId)
    expect(account.homeAddress?.roomId).toBe(mine[0].roomId)
    expect(account.homeAddress?.label).toMatch(/社区\d+栋[12]单元\d{3}$/)
    for (const id of ['u_resident_1', 'u_resident_2']) {
      expect(await stack.deps.declarations.residentsDeclaredBy(id)).toEqual([])
      expect((await stack.deps.declarations.listByDeclarant(id, { limit: 5 })).items).toEqual([])
      expect((await stack.deps.reference.getUser(id))!.homeAddress).toBeUndefined()
    }
    await stack.close()
  })
})
