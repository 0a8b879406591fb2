import Database from 'better-sqlite3'
import { GroupCommit } from '../../../cloudfunctions/adapters/local/groupCommit'

describe('group commit', () => {
  const open = () => {
    const db = new Database(':memory:')
    db.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT NOT NULL)')
    return db
  }

  it('answers each of the writes that arrive together with its own result', async () => {
    const db = open()
    const group = new GroupCommit(db)
    const insert = db.prepare('INSERT INTO t (id, v) VALUES (?, ?)')
    let commits = 0
    const results = await Promise.all([1, 2, 3].map((i) => group.submit(() => { insert.run(i, `v${i}`); commits++; return i * 10 })))
    expect(results).toEqual([10, 20, 30])
    expect(db.prepare('SELECT count(*) AS n FROM t').get()).toEqual({ n: 3 })
    expect(commits).toBe(3)
  })

  it('rolls back and rejects only the write that failed', async () => {
    const db = open()
    const group = new GroupCommit(db)
    const insert = db.prepare('INSERT INTO t (id, v) VALUES (?, ?)')
    const outcomes = await Promise.allSettled([
      group.submit(() => insert.run(1, 'a')),
      group.submit(db.transaction(() => { insert.run(2, 'b'); insert.run(1, 'duplicate') })),
      group.submit(() => insert.run(3, 'c')),
    ])
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'fulfilled'])
    expect(db.prepare('SELECT id FROM t ORDER BY id').all()).toEqual([{ id: 1 }, { id: 3 }])
  })

  it('answers nobody before the commit: a write is visible once its promise resolves', async () => {
    const db = open()
    const group = new GroupCommit(db)
    const pending = group.submit(() => db.prepare('INSERT INTO t (id, v) VALUES (7, ?)').run('x'))
    expect(db.prepare('SELECT count(*) AS n FROM t').get()).toEqual({ n: 0 })
    await pending
    expect(db.prepare('SELECT count(*) AS n FROM t').get()).toEqual({ n: 1 })
  })
})
