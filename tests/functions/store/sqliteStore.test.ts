import { spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import Database from 'better-sqlite3'
import { MIGRATIONS, migrate, schemaVersion, type Migration } from '../../../cloudfunctions/adapters/local/migrations'
import type { AreaFilter, AreaRef } from '../../../cloudfunctions/app/ports'
import { openTasksSql } from '../../../cloudfunctions/adapters/local/sqliteCases'
import { areaCountSql, areaTasksSql, areaWhere, CHECKS_SQL } from '../../../cloudfunctions/adapters/local/taskQueries'
import { openSqliteStore, type SqliteStore } from '../../../cloudfunctions/adapters/local/sqliteStore'
import { SEED, newCase } from './fixtures'
import { seedThroughPorts } from './storeContract'

let dir: string
let file: string
const opened: SqliteStore[] = []
const open = () => {
  const store = openSqliteStore(file)
  opened.push(store)
  return store
}
const seed = (store: SqliteStore) => seedThroughPorts(store, SEED)

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gridlink-sqlite-'))
  file = path.join(dir, 'data', 'gridlink.sqlite')
})
afterEach(async () => {
  await Promise.all(opened.splice(0).map((s) => s.close()))
  fs.rmSync(dir, { recursive: true, force: true })
})

describe('opening a SQLite store', () => {
  it('creates the file and its folder, runs every migration and switches the file to WAL', () => {
    const store = open()
    const db = new Database(file, { readonly: true })
    expect(schemaVersion(db)).toBe(MIGRATIONS.length)
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal')
    db.close()
    expect(store.reference.isEmpty()).toBe(true)
  })

  it('keeps the data of an existing file when it is opened again', async () => {
    const first = open()
    await seed(first)
    await first.cases.createReport(newCase({ n: 1, requestKey: 'req-keep-0001' }))
    const { token } = first.sessions.create('u_res', 1)
    await first.close()
    opened.splice(0)

    const again = open()
    expect(again.reference.isEmpty()).toBe(false)
    expect(await again.reference.mapGeneration()).toBe(1)
    expect((await again.cases.getReport('r_1'))?.id).toBe('r_1')
    expect((await again.sessions.userOf(token, 2))?.id).toBe('u_res')
    expect(await again.cases.createReport(newCase({ n: 2, requestKey: 'req-keep-0001' }))).toEqual({ reportId: 'r_1', created: false })
  })

  it('applies only the migrations a file has not seen yet, in order', async () => {
    await open().close()
    opened.splice(0)
    const db = new Database(file)
    const ran: string[] = []
    const extra: Migration[] = [
      ...MIGRATIONS,
      { version: MIGRATIONS.length + 1, name: 'notes', up: 'CREATE TABLE notes (id TEXT PRIMARY KEY) STRICT' },
      { version: MIGRATIONS.length + 2, name: 'seed note', up: (d) => { ran.push('seed'); d.exec("INSERT INTO notes VALUES ('n1')") } },
    ]
    migrate(db, extra)
    migrate(db, extra)
    expect(ran).toEqual(['seed'])
    expect(schemaVersion(db)).toBe(MIGRATIONS.length + 2)
    db.close()
  })

  it('refuses a file written by a newer version of the code and leaves it untouched', async () => {
    await open().close()
    opened.splice(0)
    const db = new Database(file)
    db.pragma(`user_version = ${MIGRATIONS.length + 5}`)
    db.close()
    expect(() => openSqliteStore(file)).toThrow(/newer than this code/)
  })

  it('rolls a failing migration back entirely', () => {
    const db = new Database(file.replace('data/', ''))
    const broken: Migration[] = [...MIGRATIONS, { version: MIGRATIONS.length + 1, name: 'broken', up: 'CREATE TABLE half (x); SELEKT' }]
    expect(() => migrate(db, broken)).toThrow()
    expect(schemaVersion(db)).toBe(0)
    expect(db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE type = 'table'").get()).toEqual({ n: 0 })
    db.close()
  })
})

describe('SQLite specifics', () => {
  it('answers the inbox from the partial index on open tasks', () => {
    open()
    const db = new Database(file, { readonly: true })
    for (const after of ['none', 'due', 'undated'] as const) {
      const plan = db.prepare(`EXPLAIN QUERY PLAN ${openTasksSql(after)}`).all({ grids: '["g1"]', limit: 21, due: 1, created: 1, id: 't' })
      expect(JSON.stringify(plan)).toContain('USING INDEX tasks_open_by_grid')
    }
    db.close()
  })

  it('answers a dispatchers\' queue and the jobs\' sweep from their own partial indexes', async () => {
    const store = open()
    await seed(store)
    const db = new Database(file, { readonly: true })
    for (const after of ['none', 'due', 'undated'] as const) {
      const plan = db.prepare(`EXPLAIN QUERY PLAN ${openTasksSql(after, 'queue')}`).all({ scope: 'district', queue: 'district', limit: 21, due: 1, created: 1, id: 't' })
      expect(JSON.stringify(plan)).toContain('USING INDEX tasks_open_by_queue')
      expect(JSON.stringify(plan)).not.toContain('TEMP B-TREE')
    }
    const due = db.prepare(`EXPLAIN QUERY PLAN SELECT id FROM tasks WHERE status IN (SELECT value FROM json_each(@statuses)) AND due_at < @before ORDER BY due_at, created_at, id LIMIT 10`).all({ statuses: '["resolved"]', before: 1 })
    expect(JSON.stringify(due)).toContain('tasks_due')
    db.close()
    // a grid's task is not in the queue index at all
    await store.cases.createReport(newCase({ n: 1 }))
    const rows = new Database(file, { readonly: true })
    expect(rows.prepare("SELECT count(*) AS n FROM tasks INDEXED BY tasks_open_by_queue WHERE status IN ('submitted','assigned','accepted','transferred','escalated','returned','extension_requested','reopened') AND queue_scope IN ('community', 'street', 'district')").get()).toEqual({ n: 0 })
    rows.close()
  })

  it.each<[string, AreaRef, AreaFilter, string]>([
    ["a community's", { communityId: 'c1' }, {}, 'tasks_open_by_community'],
    ["a street's", { streetId: 's1' }, { queued: true }, 'tasks_open_by_street'],
    ["the district's", { all: true }, { level: 'district', extensionRequested: false }, 'tasks_open_by_deadline'],
  ])("answers %s console page from its partial index, in the index's order, and its count from the same index", (_what, area, filter, index) => {
    open()
    const db = new Database(file, { readonly: true })
    const { sql, params } = areaWhere(area, filter)
    for (const after of ['none', 'due', 'undated'] as const) {
      const plan = JSON.stringify(db.prepare(`EXPLAIN QUERY PLAN ${areaTasksSql(sql, after)}`).all({ ...params, limit: 21, due: 1, created: 1, id: 't' }))
      expect(plan).toContain(`INDEX ${index}`)
      // the index holds the order (undated last included): a page is read, not every open task sorted
      expect(plan).not.toContain('TEMP B-TREE')
    }
    expect(JSON.stringify(db.prepare(`EXPLAIN QUERY PLAN ${areaCountSql(sql)}`).all(params))).toContain(`INDEX ${index}`)
    db.close()
  })

  it("answers the escalate job's sweep and a look-up by 工单编号 from their indexes", () => {
    open()
    const db = new Database(file, { readonly: true })
    const checks = JSON.stringify(db.prepare(`EXPLAIN QUERY PLAN ${CHECKS_SQL}`).all({ before: 1, limit: 10 }))
    expect(checks).toContain('tasks_checks')
    expect(checks).not.toContain('TEMP B-TREE')
    expect(JSON.stringify(db.prepare('EXPLAIN QUERY PLAN SELECT id FROM tasks WHERE case_number = ?').all('2025030300001'))).toContain('tasks_by_case_number')
    db.close()
  })

  it('refuses a second task with a 工单编号 already taken, leaving nothing of it behind', async () => {
    const store = open()
    await store.cases.createReport(newCase({ n: 1, caseNumber: '2025030300001' }))
    await expect(store.cases.createReport(newCase({ n: 2, caseNumber: '2025030300001' }))).rejects.toMatchObject({ code: 'SQLITE_CONSTRAINT_UNIQUE' })
    expect(await store.cases.getReport('r_2')).toBeNull()
  })

  it('refuses a report whose task is missing, leaving nothing behind', async () => {
    const store = open()
    const input = newCase({ n: 1, requestKey: 'req-orphan-01' })
    // better-sqlite3 raises its errors from outside jest's realm, so match on the code
    await expect(store.cases.createReport({ ...input, task: { ...input.task, id: 't_other' } })).rejects.toMatchObject({ code: 'SQLITE_CONSTRAINT_FOREIGNKEY' })
    expect(await store.cases.getReport('r_1')).toBeNull()
    expect(await store.cases.createReport(input)).toEqual({ reportId: 'r_1', created: true })
  })

  it('resolves a session token to its person, and an unknown, altered or expired token to null', async () => {
    const store = open()
    await seed(store)
    const { token, expiresAt } = store.sessions.create('u_w1', 1)
    expect(await store.sessions.userOf(token, 2)).toEqual(SEED.users[2])
    expect(await store.sessions.userOf('tok-unknown-000000', 2)).toBeNull()
    expect(await store.sessions.userOf(`${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`, 2)).toBeNull()
    expect(await store.sessions.userOf(token, expiresAt)).toBeNull()
    expect(store.reference.isEmpty()).toBe(false)
  })

  it('keeps only a hash of each token, so a token read from the file logs nobody in', async () => {
    const store = open()
    await seed(store)
    const { token } = store.sessions.create('u_w1', 1)
    const db = new Database(file, { readonly: true })
    const rows = db.prepare('SELECT * FROM sessions').all() as Record<string, unknown>[]
    db.close()
    expect(rows).toHaveLength(1)
    expect(JSON.stringify(rows)).not.toContain(token)
    expect(await store.sessions.userOf(String(rows[0].token_hash), 2)).toBeNull()
  })

  it('answers reference data from memory yet never stale after its own writes', async () => {
    const store = open()
    await seed(store)
    const { token } = store.sessions.create('u_w1', 1)
    // read everything once, so each record is cached
    expect((await store.sessions.userOf(token, 2))?.name).toBe(SEED.users[2].name)
    expect((await store.reference.getGrid('g1'))?.name).toBe(SEED.grids[0].name)
    expect((await store.reference.listGrids()).find((g) => g.id === 'g1')?.name).toBe(SEED.grids[0].name)
    const before = store.reference.listUsers()

    await store.reference.saveUsers([{ ...SEED.users[2], name: '改名后的网格员' }, { id: 'u_new', name: '新居民', role: 'resident', phone: '', gridIds: [] }])
    await store.reference.saveMap({ grids: [{ ...SEED.grids[0], name: '改名后的网格', version: 2 }] })

    expect((await store.sessions.userOf(token, 2))?.name).toBe('改名后的网格员')
    expect((await store.reference.getUser('u_w1'))?.name).toBe('改名后的网格员')
    expect(await store.reference.getGrid('g1')).toMatchObject({ name: '改名后的网格', version: 2 })
    expect((await store.reference.listGrids()).find((g) => g.id === 'g1')).toMatchObject({ name: '改名后的网格', version: 2 })
    expect(store.reference.listUsers().map((u) => u.id)).toEqual([...before.map((u) => u.id), 'u_new'].sort())
    // a cached record is shared, so it is frozen rather than open to a caller's edits
    expect(Object.isFrozen(await store.reference.getUser('u_w1'))).toBe(true)
    expect(Object.isFrozen(await store.reference.getGrid('g1'))).toBe(true)
  })

  it('finds a record created after it was looked up and missed', async () => {
    const store = open()
    await seed(store)
    expect(await store.reference.getUser('u_later')).toBeNull()
    await store.reference.saveUsers([{ id: 'u_later', name: '后来的人', role: 'resident', phone: '', gridIds: [] }])
    const { token } = store.sessions.create('u_later', 1)
    expect((await store.reference.getUser('u_later'))?.name).toBe('后来的人')
    expect((await store.sessions.userOf(token, 2))?.id).toBe('u_later')
  })

  it('refuses an import that raced another one, and keeps nothing of it', async () => {
    const store = open()
    await seed(store)
    const [a, b] = await Promise.allSettled([
      store.reference.saveMap({ grids: [{ ...SEED.grids[0], name: '甲' }] }),
      store.reference.saveMap({ grids: [{ ...SEED.grids[1], name: '乙' }] }),
    ])
    expect(a).toEqual({ status: 'fulfilled', value: 2 })
    expect(b.status).toBe('rejected')
    expect(await store.reference.mapGeneration()).toBe(2)
    expect((await store.reference.getGrid('g2'))?.name).toBe(SEED.grids[1].name)
  })

  it('makes one report per key when two processes create with the same keys at once', async () => {
    await seed(open())
    const count = 60
    const workers = ['up', 'down'].map((tag) => {
      const child = spawn(process.execPath, ['--import', 'tsx', path.join(__dirname, 'raceWorker.ts'), file, tag, String(count)], { stdio: ['pipe', 'pipe', 'inherit'] })
      let out = ''
      const ready = new Promise<void>((resolve) => child.stdout.on('data', (chunk: Buffer) => {
        out += chunk.toString()
        if (out.startsWith('ready\n')) resolve()
      }))
      const done = new Promise<{ reportId: string; created: boolean }[]>((resolve, reject) => child.on('exit', (code) =>
        code === 0 ? resolve(JSON.parse(out.slice('ready\n'.length))) : reject(new Error(`worker ${tag} exited with ${code}`))))
      return { child, ready, done }
    })
    await Promise.all(workers.map((w) => w.ready))
    workers.forEach((w) => w.child.stdin.end('go\n'))
    const [a, b] = await Promise.all(workers.map((w) => w.done))

    // both won some keys, so the two really wrote at the same time
    expect(a.some((r) => r.created) && b.some((r) => r.created)).toBe(true)
    for (let n = 0; n < count; n++) {
      expect(a[n].reportId).toBe(b[n].reportId)
      expect(Number(a[n].created) + Number(b[n].created)).toBe(1)
    }
    const db = new Database(file, { readonly: true })
    expect(db.prepare('SELECT count(*) AS n FROM reports').get()).toEqual({ n: count })
    expect(db.prepare('SELECT count(*) AS n FROM tasks').get()).toEqual({ n: count })
    db.close()
  }, 30_000)
})
