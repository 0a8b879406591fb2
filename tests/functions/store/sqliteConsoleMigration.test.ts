import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import Database from 'better-sqlite3'
import { MIGRATIONS, migrate, schemaVersion } from '../../../cloudfunctions/adapters/local/migrations'
import { openSqliteStore, type SqliteStore } from '../../../cloudfunctions/adapters/local/sqliteStore'
import { HOUR, SEED } from './fixtures'

// Migration 9 on a file written before it: every task gets its area, a 工单编号 numbered per
// Shanghai day in created order (its report shows the same), the escalate job's next look and
// the new fields' defaults; the day sequences go on after the numbers given.

const V9 = MIGRATIONS.findIndex((m) => m.version === 9)
const MAR_3_0900 = Date.UTC(2025, 2, 3, 1, 0) // 09:00 in Shanghai
const MAR_4_0030 = Date.UTC(2025, 2, 3, 16, 30) // still 3 March in UTC, 4 March in Shanghai

interface OldTask { id: string; gridId: string | null; queue: [string, string]; status: string; createdAt: number; dueAt: number | null; routedTo?: [string, string] }

// created out of id order, so the numbering must follow created_at rather than the id
const OLD: OldTask[] = [
  { id: 't_a', gridId: 'g1', queue: ['grid', 'g1'], status: 'assigned', createdAt: MAR_3_0900, dueAt: MAR_3_0900 + 4 * HOUR },
  { id: 't_b', gridId: 'g2', queue: ['grid', 'g2'], status: 'accepted', createdAt: MAR_3_0900 + HOUR, dueAt: MAR_3_0900 + 30 * HOUR },
  { id: 't_c', gridId: null, queue: ['community', 'c1'], status: 'submitted', createdAt: MAR_3_0900 + HOUR / 2, dueAt: MAR_3_0900 + 2 * HOUR },
  { id: 't_d', gridId: null, queue: ['street', 's1'], status: 'escalated', createdAt: MAR_3_0900 + 3 * HOUR, dueAt: null },
  { id: 't_e', gridId: 'g1', queue: ['grid', 'g1'], status: 'closed', createdAt: MAR_4_0030, dueAt: null },
  { id: 't_f', gridId: 'g_removed', queue: ['grid', 'g_removed'], status: 'resolved', createdAt: MAR_4_0030 + HOUR, dueAt: MAR_4_0030 + 100 * HOUR, routedTo: ['c1', 's1'] },
]

let dir: string
let file: string
let store: SqliteStore | null = null

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gridlink-v9-'))
  file = path.join(dir, 'gridlink.sqlite')
})
afterEach(async () => {
  await store?.close()
  store = null
  fs.rmSync(dir, { recursive: true, force: true })
})

/** A file at v8 holding the seed's map and the old tasks, rows as v8 wrote them. */
function writeV8File() {
  const db = new Database(file)
  migrate(db, MIGRATIONS.slice(0, V9))
  expect(schemaVersion(db)).toBe(8)
  for (const s of SEED.streets) db.prepare('INSERT INTO streets (id, doc) VALUES (?, ?)').run(s.id, JSON.stringify(s))
  for (const c of SEED.communities) db.prepare('INSERT INTO communities (id, street_id, doc) VALUES (?, ?, ?)').run(c.id, c.streetId, JSON.stringify(c))
  for (const g of SEED.grids) db.prepare('INSERT INTO grids (id, community_id, street_id, version, doc) VALUES (?, ?, ?, ?, ?)').run(g.id, g.communityId, g.streetId, g.version, JSON.stringify(g))
  const task = db.prepare(`INSERT INTO tasks (id, report_id, kind, category, grid_id, queue_scope, queue_id, level, status, assignee_id,
    accepted_by_id, accept_due_at, resolve_due_at, due_at, reopen_count, version, created_at, updated_at, extra)
    VALUES (@id, @report, 'report', 'garbage', @grid, @scope, @queue, 'grid', @status, NULL, NULL, @created, NULL, @due, 0, 1, @created, @created, '{}')`)
  const report = db.prepare('INSERT INTO reports (id, reporter_id, task_id, category, created_at, doc) VALUES (?, ?, ?, ?, ?, ?)')
  db.transaction(() => {
    for (const t of OLD) {
      task.run({ id: t.id, report: `r${t.id}`, grid: t.gridId, scope: t.queue[0], queue: t.queue[1], status: t.status, created: t.createdAt, due: t.dueAt })
      const routing = { gridId: t.gridId, communityId: t.routedTo?.[0] ?? null, streetId: t.routedTo?.[1] ?? null }
      report.run(`r${t.id}`, 'u_res', t.id, 'garbage', t.createdAt, JSON.stringify({ description: '旧报事', routing }))
    }
  })()
  db.close()
}

describe('migration 9 on a file with tasks', () => {
  it('numbers every task per Shanghai day in created order, on its report too', async () => {
    writeV8File()
    store = openSqliteStore(file)
    const numbers = Object.fromEntries((await store.cases.getTasks(OLD.map((t) => t.id))).map((t) => [t.id, t.caseNumber]))
    expect(numbers).toEqual({
      t_a: '2025030300001', t_c: '2025030300002', t_b: '2025030300003', t_d: '2025030300004',
      t_e: '2025030400001', t_f: '2025030400002',
    })
    for (const t of OLD) expect((await store.cases.getReport(`r${t.id}`))?.caseNumber).toBe(numbers[t.id])
    expect((await store.cases.findByCaseNumber('2025030300002'))?.id).toBe('t_c')
  })

  it('goes on with each day after the numbers it gave, and starts a new day at 1', async () => {
    writeV8File()
    store = openSqliteStore(file)
    expect(await store.cases.nextCaseSequence('20250303')).toBe(5)
    expect(await store.cases.nextCaseSequence('20250304')).toBe(3)
    expect(await store.cases.nextCaseSequence('20250305')).toBe(1)
  })

  it("gives each task its area: its grid's, its queue's, or where its report was routed", async () => {
    writeV8File()
    store = openSqliteStore(file)
    const areas = Object.fromEntries((await store.cases.getTasks(OLD.map((t) => t.id))).map((t) => [t.id, t.area]))
    const c1 = { communityId: 'c1', streetId: 's1' }
    expect(areas).toEqual({ t_a: c1, t_b: c1, t_c: c1, t_d: { communityId: null, streetId: 's1' }, t_e: c1, t_f: c1 })
    expect((await store.cases.listArea({ streetId: 's1' }, {}, { limit: 10 })).items.map((t) => t.id)).toEqual(['t_c', 't_a', 't_b', 't_d'])
    expect((await store.cases.listQueue({ scope: 'street', id: 's1' }, { limit: 10 })).items.map((t) => t.id)).toEqual(['t_d'])
  })

  it("sets an open task's next look and warning at its deadline, none for a finished one, and no returns", async () => {
    writeV8File()
    store = openSqliteStore(file)
    const tasks = await store.cases.getTasks(OLD.map((t) => t.id))
    expect(tasks.map((t) => [t.id, t.checkAt, t.warnAt, t.returnCount])).toEqual(OLD.map((t) => {
      const open = !['closed', 'resolved'].includes(t.status)
      return [t.id, open ? t.dueAt : null, open ? t.dueAt : null, 0]
    }))
    expect((await store.cases.listChecks(MAR_3_0900 + 48 * HOUR, 10)).map((t) => t.id)).toEqual(['t_c', 't_a', 't_b'])
  })
})
