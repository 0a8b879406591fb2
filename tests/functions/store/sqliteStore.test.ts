import { spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import Database from 'better-sqlite3'
import { MIGRATIONS, migrate, schemaVersion, type Migration } from '../../../cloudfunctions/adapters/local/migrations'
import { openTasksSql } from '../../../cloudfunctions/adapters/local/sqliteCases'
import { openSqliteStore, type SqliteStore } from '../../../cloudfunctions/adapters/local/sqliteStore'
import { SEED, newCase } from './fixtures'

let dir: string
let file: string
const opened: SqliteStore[] = []
const open = () => {
  const store = openSqliteStore(file)
  opened.push(store)
  return store
}
const seed = (store: SqliteStore) =>
  store.transaction(() => {
    SEED.streets.forEach((s) => store.upsertStreet(s))
    SEED.communities.forEach((c) => store.upsertCommunity(c))
    SEED.grids.forEach((g) => store.upsertGrid(g))
    SEED.users.forEach((u) => store.upsertUser(u))
  })

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
    expect(store.isEmpty()).toBe(true)
  })

  it('keeps the data of an existing file when it is opened again', async () => {
    const first = open()
    seed(first)
    await first.createReport(newCase({ n: 1, requestKey: 'req-keep-0001' }))
    first.createSession('tok', 'u_res', 1)
    await first.close()
    opened.splice(0)

    const again = open()
    expect(again.isEmpty()).toBe(false)
    expect((await again.getReport('r_1'))?.id).toBe('r_1')
    expect(again.getSessionUser('tok')?.id).toBe('u_res')
    expect(await again.createReport(newCase({ n: 2, requestKey: 'req-keep-0001' }))).toEqual({ reportId: 'r_1', created: false })
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

  it('refuses a report whose task is missing, leaving nothing behind', async () => {
    const store = open()
    const input = newCase({ n: 1, requestKey: 'req-orphan-01' })
    // better-sqlite3 raises its errors from outside jest's realm, so match on the code
    await expect(store.createReport({ ...input, task: { ...input.task, id: 't_other' } })).rejects.toMatchObject({ code: 'SQLITE_CONSTRAINT_FOREIGNKEY' })
    expect(await store.getReport('r_1')).toBeNull()
    expect(await store.createReport(input)).toEqual({ reportId: 'r_1', created: true })
  })

  it('rolls back a transaction whose function is async, since it would commit too early', () => {
    const store = open()
    expect(() => store.transaction(async () => store.upsertStreet(SEED.streets[0]))).toThrow(/synchronous/)
    expect(store.isEmpty()).toBe(true)
    expect(store.transaction(() => 42)).toBe(42)
  })

  it('resolves a session token to its person and an unknown token to null', () => {
    const store = open()
    seed(store)
    store.createSession('tok-1', 'u_w1', 1)
    expect(store.getSessionUser('tok-1')).toEqual(SEED.users[2])
    expect(store.getSessionUser('tok-2')).toBeNull()
    expect(store.isEmpty()).toBe(false)
  })

  it('answers reference data from memory yet never stale after its own writes', async () => {
    const store = open()
    seed(store)
    store.createSession('tok-1', 'u_w1', 1)
    // read everything once, so each record is cached
    expect(store.getSessionUser('tok-1')?.name).toBe(SEED.users[2].name)
    expect((await store.getGrid('g1'))?.name).toBe(SEED.grids[0].name)
    const before = await store.listUsers()

    store.upsertUser({ ...SEED.users[2], name: '改名后的网格员' })
    store.upsertGrid({ ...SEED.grids[0], name: '改名后的网格', version: 2 })
    store.upsertUser({ id: 'u_new', name: '新居民', role: 'resident', phone: '', gridIds: [] })

    expect(store.getSessionUser('tok-1')?.name).toBe('改名后的网格员')
    expect((await store.getUser('u_w1'))?.name).toBe('改名后的网格员')
    expect(await store.getGrid('g1')).toMatchObject({ name: '改名后的网格', version: 2 })
    expect((await store.listUsers()).map((u) => u.id)).toEqual([...before.map((u) => u.id), 'u_new'].sort())
    // a cached record is shared, so it is frozen rather than open to a caller's edits
    expect(Object.isFrozen(await store.getUser('u_w1'))).toBe(true)
  })

  it('finds a record created after it was looked up and missed', async () => {
    const store = open()
    seed(store)
    expect(await store.getUser('u_later')).toBeNull()
    expect(store.getSessionUser('tok-later')).toBeNull()
    store.upsertUser({ id: 'u_later', name: '后来的人', role: 'resident', phone: '', gridIds: [] })
    store.createSession('tok-later', 'u_later', 1)
    expect((await store.getUser('u_later'))?.name).toBe('后来的人')
    expect(store.getSessionUser('tok-later')?.id).toBe('u_later')
  })

  it('makes one report per key when two processes create with the same keys at once', async () => {
    seed(open())
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
