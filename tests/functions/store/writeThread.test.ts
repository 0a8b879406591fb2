import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import Database from 'better-sqlite3'
import { WriteThread, type Step } from '../../../cloudfunctions/adapters/local/writeThread'

// The write thread on a real file: its own connection, group transactions, answers only
// after COMMIT. A second connection (like the host's) checks what is on disk.

let dir: string
let file: string
let reader: Database.Database
const threads: WriteThread[] = []

const thread = () => {
  const t = new WriteThread({ file, pragmas: ['journal_mode = WAL', 'synchronous = FULL'], busyTimeoutMs: 5000 })
  threads.push(t)
  return t
}
const insert = (id: number, v: string): Step => ({ sql: 'INSERT INTO t (id, v) VALUES (?, ?)', params: [id, v] })
const ids = () => reader.prepare<[], { id: number }>('SELECT id FROM t ORDER BY id').all().map((r) => r.id)

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gridlink-writer-'))
  file = path.join(dir, 'w.sqlite')
  reader = new Database(file)
  reader.pragma('journal_mode = WAL')
  reader.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT NOT NULL)')
})
afterEach(async () => {
  await Promise.all(threads.splice(0).map((t) => t.close()))
  reader.close()
  fs.rmSync(dir, { recursive: true, force: true })
})

describe('the write thread', () => {
  it('answers each job of a group with its own changes, and every answered write is in the file', async () => {
    const w = thread()
    const outcomes = await Promise.all([1, 2, 3].map((i) => w.run([insert(i, `v${i}`), { sql: 'UPDATE t SET v = ? WHERE id <= ?', params: ['x', i] }])))
    expect(outcomes).toEqual([
      { stoppedAt: null, changes: [1, 1] },
      { stoppedAt: null, changes: [1, 2] },
      { stoppedAt: null, changes: [1, 3] },
    ])
    expect(ids()).toEqual([1, 2, 3])
  })

  it('rolls back and rejects only the job that failed, with the SQLite error code', async () => {
    const w = thread()
    const outcomes = await Promise.allSettled([
      w.run([insert(1, 'a')]),
      w.run([insert(2, 'b'), insert(1, 'duplicate')]),
      w.run([insert(3, 'c')]),
    ])
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'fulfilled'])
    expect((outcomes[1] as PromiseRejectedResult).reason).toMatchObject({ code: 'SQLITE_CONSTRAINT_PRIMARYKEY' })
    expect(ids()).toEqual([1, 3])
  })

  it("stops a job quietly at an 'expect: changed' step that changed nothing, keeping nothing of it", async () => {
    const w = thread()
    await w.run([insert(1, 'a')])
    const guard: Step = { sql: 'UPDATE t SET v = ? WHERE id = ? AND v = ?', params: ['b', 1, 'stale'], expect: 'changed' }
    const [stopped, other] = await Promise.all([w.run([insert(5, 'e'), guard, insert(6, 'f')]), w.run([insert(7, 'g')])])
    expect(stopped).toEqual({ stoppedAt: 1, changes: [] })
    expect(other).toEqual({ stoppedAt: null, changes: [1] })
    expect(ids()).toEqual([1, 7])
  })

  it("fails the whole job at an 'expect: required' step that changed nothing", async () => {
    const w = thread()
    const missing: Step = { sql: 'UPDATE t SET v = ? WHERE id = ?', params: ['b', 99], expect: 'required', missing: 'row 99 is missing' }
    await expect(w.run([insert(7, 'g'), missing])).rejects.toThrow('row 99 is missing')
    expect(ids()).toEqual([])
  })

  it('answers nobody before the commit: once a job resolves, another connection reads it', async () => {
    const w = thread()
    const pending = w.run([insert(8, 'h')])
    expect(ids()).toEqual([])
    await pending
    expect(ids()).toEqual([8])
  })

  it('gathers the jobs of one turn into one transaction', async () => {
    const w = thread()
    const before = reader.pragma('data_version', { simple: true }) as number
    await Promise.all(Array.from({ length: 50 }, (_, i) => w.run([insert(100 + i, 'x')])))
    // data_version moves once per commit made by another connection (SQLite docs)
    const commits = (reader.pragma('data_version', { simple: true }) as number) - before
    expect(ids()).toHaveLength(50)
    expect(commits).toBeLessThanOrEqual(2)
  })

  it('finishes the jobs already made before it closes, and refuses new ones after', async () => {
    const w = thread()
    const jobs = Array.from({ length: 20 }, (_, i) => w.run([insert(200 + i, 'y')]))
    const closed = w.close()
    await expect(w.run([insert(300, 'z')])).rejects.toThrow('closed')
    await Promise.all(jobs)
    await closed
    expect(ids()).toHaveLength(20)
  })

  it('fails only the jobs whose SQL does not prepare, and reuses each statement it was sent', async () => {
    const w = thread()
    const bad: Step = { sql: 'INSERT INTO no_such_table VALUES (?)', params: [1] }
    const outcomes = await Promise.allSettled([w.run([insert(1, 'a')]), w.run([bad]), w.run([insert(2, 'b')])])
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'fulfilled'])
    expect((outcomes[1] as PromiseRejectedResult).reason.message).toMatch(/no such table/)
    // the same SQL again, now sent by number: still refused, and the good one still runs
    await expect(w.run([bad])).rejects.toThrow(/no such table/)
    await w.run([insert(3, 'c')])
    expect(ids()).toEqual([1, 2, 3])
  })

  it('fails the jobs of a thread that cannot open its file, and says why', async () => {
    const w = new WriteThread({ file: path.join(dir, 'no', 'such', 'folder', 'x.sqlite'), pragmas: [], busyTimeoutMs: 100 })
    threads.push(w)
    await expect(w.run([insert(1, 'a')])).rejects.toThrow(/unable to open|directory does not exist/i)
  })
})
