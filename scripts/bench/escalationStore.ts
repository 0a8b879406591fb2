import Database from 'better-sqlite3'
import { spawn } from 'node:child_process'
import { join } from 'node:path'
import { DEFAULT_CATALOGUE } from '../../shared/catalogue'
import type { Level } from '../../shared/levels'
import type { Grid, Report, Task } from '../../shared/model'
import { mulberry32 } from '../../shared/routing/cityGenerator'
import type { TaskStatus } from '../../shared/workflow/status'
import { queueAt } from '../../shared/workflow/taskMachine'
import { reportToRow, TASK_SELECT, taskToRow } from '../../cloudfunctions/adapters/local/rows'
import { CHECKS_SQL } from '../../cloudfunctions/adapters/local/taskQueries'
import { DEMO_POINTS } from '../../cloudfunctions/local/seed/demoArea'
import { openLocalStack } from '../../cloudfunctions/local/stack'

// The escalate job's store: a seeded local stack's file (the demo street's grids, people and
// schema, exactly as the store migrates it) with a city's worth of tasks and their reports
// written straight into it, a given number of them past their deadline and the rest not due.
// The tasks lie in the demo grids, so every move the job makes finds real places and people
// to name and tell.

const BATCH = 10_000
const HOUR = 3_600_000
const DAY = 24 * HOUR

/** Where an overdue task is, out of every 50: 35 a grid's (green), 10 the community's, 4 the street's, 1 the district's (red). */
function overdueLevel(k: number): Level {
  const r = k % 50
  return r < 35 ? 'grid' : r < 45 ? 'community' : r < 49 ? 'street' : 'district'
}

// not due: 70% finished, the rest open with their next look (warning or deadline) still ahead
const FINISHED: TaskStatus[] = ['closed', 'closed', 'closed', 'closed', 'closed', 'resolved', 'rejected']
const OPEN_HELD: TaskStatus[] = ['assigned', 'accepted', 'accepted', 'reopened', 'extension_requested', 'transferred']

export interface Fill { tasks: number; grids: number; overdue: number; seconds: number; fileMB: number; due: number; plan: string }

const key = (i: number) => i.toString(36).padStart(8, '0')

function taskAt(i: number, overdueEvery: number, grid: Grid, now: number, rnd: () => number): Task {
  const category = DEFAULT_CATALOGUE[i % DEFAULT_CATALOGUE.length].code
  const area = { communityId: grid.communityId, streetId: grid.streetId }
  const base = {
    id: `t_${key(i)}`, kind: 'report' as const, reportId: `r_${key(i)}`, caseNumber: String(1_000_000_000_000 + i), category, area,
    reopenCount: 0, returnCount: 0, acceptedAt: null, resolvedAt: null, closedAt: null,
  }
  const held = (status: TaskStatus, createdAt: number, dueAt: number, warnAt: number, checkAt: number): Task => {
    const accepted = status === 'accepted' || status === 'extension_requested'
    return {
      ...base, gridId: grid.id, queue: { scope: 'grid', id: grid.id }, level: 'grid', status, assigneeId: grid.workerIds[0], acceptedById: accepted ? grid.workerIds[0] : null,
      acceptDueAt: accepted ? createdAt + 4 * HOUR : dueAt, resolveDueAt: accepted ? dueAt : null, dueAt, warnAt, checkAt,
      ...(status === 'reopened' ? { reopenCount: 1 } : {}),
      ...(status === 'extension_requested' ? { extension: { days: 3, reason: '等待材料', byId: grid.workerIds[0], byName: '网格员', at: createdAt + HOUR } } : {}),
      acceptedAt: accepted ? createdAt + HOUR : null, version: accepted ? 3 : 2, createdAt, updatedAt: createdAt + HOUR,
    }
  }
  if (i % overdueEvery === 0) {
    // past its deadline; the job warned at 80%, so its next look is the deadline itself
    const k = i / overdueEvery
    const level = overdueLevel(k)
    const createdAt = Math.floor(now - (1 + rnd() * 9) * DAY)
    const dueAt = Math.floor(now - (60_000 + rnd() * 3 * DAY))
    const warnAt = dueAt - HOUR
    if (level === 'grid') return held(k % 2 === 0 ? 'assigned' : 'accepted', createdAt, dueAt, warnAt, dueAt)
    // escalated earlier and still waiting in that level's queue to be assigned
    return {
      ...base, gridId: null, queue: queueAt(level, area), level, status: 'escalated', assigneeId: null, acceptedById: null,
      acceptDueAt: dueAt, resolveDueAt: null, dueAt, warnAt, checkAt: dueAt, version: 3, createdAt, updatedAt: createdAt + DAY,
    }
  }
  if (rnd() < 0.7) {
    const status = FINISHED[Math.floor(rnd() * FINISHED.length)]
    const createdAt = Math.floor(now - (10 + rnd() * 720) * DAY)
    const done = status !== 'rejected'
    return {
      ...base, gridId: grid.id, queue: { scope: 'grid', id: grid.id }, level: 'grid', status, assigneeId: grid.workerIds[0], acceptedById: done ? grid.workerIds[0] : null,
      acceptDueAt: createdAt + 4 * HOUR, resolveDueAt: createdAt + 2 * DAY, dueAt: status === 'resolved' ? createdAt + 8 * DAY : null, warnAt: null, checkAt: null,
      ...(done ? { result: { text: '已清理完毕', photos: [], at: createdAt + DAY, byId: grid.workerIds[0] } } : {}),
      acceptedAt: done ? createdAt + HOUR : null, resolvedAt: done ? createdAt + DAY : null, closedAt: status === 'closed' ? createdAt + 2 * DAY : null,
      version: 4, createdAt, updatedAt: createdAt + 2 * DAY,
    }
  }
  // open, its warning and deadline ahead (from a minute to five days)
  const createdAt = Math.floor(now - rnd() * 3 * DAY)
  const dueAt = Math.floor(now + 2 * 60_000 + rnd() * 5 * DAY)
  const warnAt = Math.floor(now + 60_000 + (dueAt - now - 60_000) * 0.8 * rnd())
  return held(OPEN_HELD[Math.floor(rnd() * OPEN_HELD.length)], createdAt, dueAt, warnAt, warnAt)
}

function reportOf(task: Task, grid: Grid): Report {
  return {
    id: task.reportId, caseNumber: task.caseNumber, reporterId: `u_resident_${(Number.parseInt(task.id.slice(2), 36) % 8) + 1}`, category: task.category,
    description: '楼道口垃圾堆放三天没人清理，气味很大，请尽快处理', photos: [], location: { ...DEMO_POINTS.insideClear.point, accuracyM: 15 }, address: '莲花路 1 号 2 栋',
    routing: { outcome: 'inside', gridId: grid.id, gridVersion: grid.version, mapGeneration: 1, neighbourGridIds: [], distanceM: 0, communityId: grid.communityId, streetId: grid.streetId },
    taskId: task.id, createdAt: task.createdAt,
  }
}

/**
 * Seeds a stack in `dataDir`, then writes `tasks` tasks (every `tasks / overdue`-th past its
 * deadline) with one report each. The tables' secondary indexes are dropped for the fill and
 * built again from their own definitions, as a restore would; the rows go in through the
 * store's row mapping (taskToRow, reportToRow), 10,000 a transaction.
 */
export async function fillEscalationStore(dataDir: string, tasks: number, overdue: number, now: number): Promise<Fill> {
  const started = process.hrtime.bigint()
  const stack = await openLocalStack({ dataDir, seed: true })
  const grids = (await stack.deps.router.currentMap()).grids
  await stack.close()
  const file = join(dataDir, 'gridlink.sqlite')
  const db = new Database(file)
  try {
    // the fill is not what is measured: no journal (the store turns WAL on again when it opens
    // the file), no fsync, no key checks (every task has its report), a page cache for the index builds
    db.pragma('journal_mode = OFF')
    db.pragma('synchronous = OFF')
    db.pragma('foreign_keys = OFF')
    db.pragma('cache_size = -262144')
    const indexes = db.prepare<[], { name: string; sql: string }>(`SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name IN ('tasks', 'reports') AND sql IS NOT NULL`).all()
    for (const ix of indexes) db.exec(`DROP INDEX ${ix.name}`)
    const columns = TASK_SELECT.split(',').map((c) => c.trim())
    const insertTask = db.prepare(`INSERT INTO tasks (${columns.join(', ')}) VALUES (${columns.map((c) => `@${c}`).join(', ')})`)
    const insertReport = db.prepare('INSERT INTO reports (id, reporter_id, task_id, category, created_at, doc) VALUES (@id, @reporter_id, @task_id, @category, @created_at, @doc)')
    const every = Math.floor(tasks / overdue)
    const rnd = mulberry32(12)
    const batch = db.transaction((from: number, to: number) => {
      for (let i = from; i < to; i++) {
        const grid = grids[i % grids.length]
        const task = taskAt(i, every, grid, now, rnd)
        insertTask.run(taskToRow(task))
        insertReport.run(reportToRow(reportOf(task, grid)))
      }
    })
    for (let from = 0; from < tasks; from += BATCH) batch(from, Math.min(tasks, from + BATCH))
    for (const ix of indexes) db.exec(ix.sql)
    const due = db.prepare<[number], { n: number }>(`SELECT count(*) AS n FROM (${CHECKS_SQL.replace('@limit', '-1').replace('@before', '?')})`).get(now)?.n ?? 0
    const plan = db.prepare<[object], { detail: string }>(`EXPLAIN QUERY PLAN ${CHECKS_SQL}`).all({ before: now, limit: 100 }).map((r) => r.detail).join('; ')
    const fileMB = (db.prepare<[], { n: number }>('SELECT page_count * page_size AS n FROM pragma_page_count(), pragma_page_size()').get()?.n ?? 0) / 1024 ** 2
    return { tasks, grids: grids.length, overdue: Math.ceil(tasks / every), seconds: Number(process.hrtime.bigint() - started) / 1e9, fileMB, due, plan }
  } finally {
    db.close()
  }
}

/**
 * The fill in a Node process of its own: its garbage (two million rows made as records, then
 * mapped) is not the sweep's, so the sweep's memory is its own, and a young generation of
 * 64 MB spares it many of the scavenges that took a good part of its time (16 s → 11 s for
 * 200,000 tasks in one try on a shared machine).
 */
export function fillInChild(dataDir: string, tasks: number, overdue: number, now: number): Promise<Fill> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, ['--max-semi-space-size=64', '--import', 'tsx', __filename, dataDir, String(tasks), String(overdue), String(now)], { stdio: ['ignore', 'pipe', 'inherit'] })
    let out = ''
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()))
    child.on('error', fail)
    child.on('exit', (code) => (code === 0 ? done(JSON.parse(out.trim().split('\n').at(-1) ?? '') as Fill) : fail(new Error(`the escalation store's fill exited with ${code}`))))
  })
}

if (require.main === module) {
  const [dataDir, tasks, overdue, now] = process.argv.slice(2)
  fillEscalationStore(dataDir, Number(tasks), Number(overdue), Number(now)).then(
    // the last line of its output: anything the stack says on the way comes before it
    (fill) => process.stdout.write(`\n${JSON.stringify(fill)}\n`),
    (err: unknown) => {
      process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`)
      process.exit(1)
    },
  )
}
