import { readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { ESCALATE_BATCH } from '../../cloudfunctions/app/jobs/escalate'
import { MAX_BULK } from '../../shared/schemas/moves'
import { bulkReassign, BULK_GRIDS } from './bulkReassign'
import { BASE_TIER } from './cloudbaseCost'
import { escalationCosts, requestsOf, type Counted } from './escalationCloudbase'
import { fillInChild } from './escalationStore'
import { sweepEscalations } from './escalationSweep'
import { row, type Row, type SectionRun } from './types'

// Issue 12's escalation and moves at scale: the escalate job sweeping a city's store, a
// dispatcher's bulk reassignment of 500 tasks, and what both cost on CloudBase's base tier.

const SIZES = {
  full: { tasks: 1_000_000, overdue: 10_000, cloudOverdue: 200, bulk: MAX_BULK, cloudBulk: MAX_BULK },
  quick: { tasks: 100_000, overdue: 1_000, cloudOverdue: 50, bulk: MAX_BULK, cloudBulk: 50 },
}
/** Another size of store (BENCH_ESCALATION_TASKS=200000): 1% of it overdue, as in the documented run. */
const TASKS_OVERRIDE = Number(process.env.BENCH_ESCALATION_TASKS) || 0
/** The sweep's instant: a Wednesday, 10:00 in Shanghai, a working day on the calendar file, before any seeded task's deadline. */
const NOW = Date.UTC(2026, 5, 3, 2, 0, 0)
/** The timer function's budget for batches (cloudfunctions/adapters/cloudbase/entry.ts, JOB_BUDGET_MS) of its 60 s run. */
const JOB_BUDGET_S = 45
const ROOT = resolve(__dirname, '../..')
const functionJson = (fn: string) => JSON.parse(readFileSync(join(ROOT, 'cloudfunctions', fn, 'function.json'), 'utf8')) as { timeout?: number; timer?: string }

const n = (x: number) => Math.round(x).toLocaleString('en-US')
const count = (name: string, value: number, unit: string, extra: Parameters<typeof row>[3] = {}) => row(name, `${n(value)} ${unit}`, '', extra)
const perTask = (t: Counted) => ({ reads: t.reads / t.changed, writes: t.writes / t.changed, transactions: t.transactions / t.changed, openApi: t.openApi / t.changed })
const share = (part: number, whole: number) => `${((100 * part) / whole).toFixed(0)}%`

export const escalation: SectionRun = async (opts, log) => {
  const base = opts.quick ? SIZES.quick : SIZES.full
  const size = TASKS_OVERRIDE ? { ...base, tasks: TASKS_OVERRIDE, overdue: Math.max(1, Math.round(TASKS_OVERRIDE / 100)) } : base
  log(`storing ${n(size.tasks)} tasks with their reports, ${n(size.overdue)} past their deadline`)
  const dir = join(opts.tmpDir, 'sweep')
  const fill = await fillInChild(dir, size.tasks, size.overdue, NOW)
  log(`filled in ${fill.seconds.toFixed(0)} s (${fill.fileMB.toFixed(0)} MB); sweeping`)
  const sweep = await sweepEscalations(dir, NOW)
  log(`bulk reassignment of ${size.bulk} tasks on the local stack`)
  const bulk = await bulkReassign(join(opts.tmpDir, 'bulk'), size.bulk)
  log(`CloudBase: a sweep of ${size.cloudOverdue} overdue tasks, a bulk move of ${size.cloudBulk}`)
  const cloud = await escalationCosts(size.cloudOverdue, size.cloudBulk)

  const job = perTask(cloud.sweep)
  const warned = perTask(cloud.warn)
  const city = { reads: job.reads * fill.overdue + cloud.again.reads, writes: job.writes * fill.overdue, transactions: job.transactions * fill.overdue }
  const cityRequests = city.reads + city.writes + city.transactions
  const perRun = BASE_TIER.requestsPerSecond * JOB_BUDGET_S
  const runsNeeded = Math.ceil(cityRequests / perRun)
  const idleRunsPerDay = 24 * 12
  const moves = perTask(cloud.bulk)
  const bulkScale = size.bulk / cloud.bulk.tasks
  const bulkCloud = { reads: cloud.bulk.reads * bulkScale, writes: cloud.bulk.writes * bulkScale, transactions: cloud.bulk.transactions * bulkScale, openApi: cloud.bulk.openApi * bulkScale }
  const bulkRequests = bulkCloud.reads + bulkCloud.writes + bulkCloud.transactions
  const adminTimeout = functionJson('admin').timeout ?? 3
  const bulkSeconds = bulkRequests / BASE_TIER.requestsPerSecond
  const measuredBulk = cloud.bulk.tasks === size.bulk ? `measured on all ${n(size.bulk)}` : `measured on ${n(cloud.bulk.tasks)}, scaled ×${bulkScale.toFixed(0)}`
  const allMoved = sweep.changed === fill.overdue && fill.due === fill.overdue
  const rows: Row[] = [
    count('Stored tasks (each with its report)', fill.tasks, 'tasks', { note: `${n(fill.due)} due at the sweep's instant; filled in ${fill.seconds.toFixed(0)} s, ${n(fill.fileMB)} MB` }),
    count('Sweep: tasks moved', sweep.changed, 'tasks', { goal: `all ${n(fill.overdue)} overdue`, met: allMoved, note: `${Object.entries(sweep.moved).map(([k, v]) => `${n(v)} now ${k}`).join(', ')}; of the district's, ${n(sweep.supervised)} were red already and are marked 超期督办 instead` }),
    row('Sweep: wall time', sweep.seconds, 's', { note: `${sweep.batches} batches of ${ESCALATE_BATCH} (the last finds nothing more)` }),
    row('Sweep: per task', (sweep.seconds * 1000) / Math.max(1, sweep.changed), 'ms', { note: `${n(sweep.changed / sweep.seconds)} tasks/s; ${n(sweep.events)} timeline lines and ${n(sweep.messages)} messages written` }),
    sweep.peakKB === null ? row('Sweep: peak RSS', '—', '', { note: 'no /proc/self/status here' }) : row('Sweep: peak RSS', sweep.peakKB / 1024, 'MB', { note: `the process's peak while sweeping (VmHWM reset first); ${n((sweep.rssBeforeKB ?? 0) / 1024)} MB before it` }),
    count('Second run at the same instant: tasks moved', sweep.second.changed, 'tasks', { goal: '0', met: sweep.second.changed === 0, note: `${sweep.second.ms.toFixed(1)} ms` }),
    row('Sweep query uses the checks index', /USING INDEX tasks_checks/.test(fill.plan) ? 'yes' : 'no', '', { note: fill.plan }),
    row('CloudBase: escalate run with nothing due: reads / writes', `${cloud.idle.reads} / ${cloud.idle.writes}`, '', { note: `every 5 min: ${n(cloud.idle.reads * idleRunsPerDay)} reads a day (${share(cloud.idle.reads * idleRunsPerDay, BASE_TIER.readsPerDay)} of 50,000)` }),
    row('CloudBase: per escalated task: reads / writes / tx requests', `${job.reads.toFixed(2)} / ${job.writes.toFixed(2)} / ${job.transactions.toFixed(2)}`, '', { note: `measured on a sweep of ${n(cloud.sweep.changed)} tasks (${n(size.cloudOverdue)} made for it, the rest the world's own open ones) in batches of ${ESCALATE_BATCH}: ${cloud.sweep.reads} reads, ${cloud.sweep.writes} writes, ${cloud.sweep.transactions} tx, ${cloud.sweep.openApi} open-API calls; the run again at its instant: ${cloud.again.changed} moved, ${cloud.again.reads} read` }),
    row('CloudBase: per warned task (80% of its time gone): reads / writes / tx requests', `${warned.reads.toFixed(2)} / ${warned.writes.toFixed(2)} / ${warned.transactions.toFixed(2)}`, '', { note: `measured on ${n(cloud.warn.changed)} new tasks run past their warning, before their deadline: ${cloud.warn.reads} reads, ${cloud.warn.writes} writes, ${cloud.warn.transactions} tx, ${cloud.warn.openApi} open-API calls` }),
    count(`CloudBase: sweep of ${n(fill.overdue)} overdue tasks: reads`, city.reads, 'reads', { note: `${share(city.reads, BASE_TIER.readsPerDay)} of the base tier's 50,000 a day` }),
    count(`CloudBase: sweep of ${n(fill.overdue)} overdue tasks: writes`, city.writes, 'writes', { note: `${share(city.writes, BASE_TIER.writesPerDay)} of 30,000 a day; ${share(city.writes + city.transactions, BASE_TIER.writesPerDay)} if its ${n(city.transactions)} transaction requests count as writes` }),
    row(`CloudBase: sweep of ${n(fill.overdue)} at 30 requests/s`, cityRequests / BASE_TIER.requestsPerSecond / 60, 'min', { note: `${n(cityRequests)} requests; ${n(perRun)} fit one run's ${JOB_BUDGET_S} s budget, so ${runsNeeded} runs, ${((runsNeeded * 5) / 60).toFixed(1)} h at one run every 5 min` }),
    row(`Bulk reassign of ${n(bulk.tasks)} (local stack, dispatch)`, bulk.ms, 'ms', { note: `${(bulk.ms / bulk.tasks).toFixed(2)} ms a task; ${BULK_GRIDS.from} → ${BULK_GRIDS.to}` }),
    count(`Bulk reassign of ${n(bulk.tasks)}: done`, bulk.done, 'tasks', { goal: `all ${n(bulk.tasks)}`, met: bulk.done === bulk.tasks && bulk.verified === bulk.tasks, note: `${bulk.failed} failed${bulk.firstFailure ? ` (${bulk.firstFailure})` : ''}; ${n(bulk.verified)} found in the store held by ${BULK_GRIDS.to}, one version on, with their 改派 line` }),
    row(`CloudBase: bulk reassign of ${n(size.bulk)}: reads / writes / tx / open-API`, `${n(bulkCloud.reads)} / ${n(bulkCloud.writes)} / ${n(bulkCloud.transactions)} / ${n(bulkCloud.openApi)}`, '', { note: `${measuredBulk}; per task ${moves.reads.toFixed(1)} reads, ${moves.writes.toFixed(1)} writes, ${moves.transactions.toFixed(1)} tx, ${moves.openApi.toFixed(1)} pushes` }),
    row(`CloudBase: bulk reassign of ${n(size.bulk)} at 30 requests/s`, bulkSeconds, 's', { note: `${n(bulkRequests)} requests; the admin function's timeout is ${adminTimeout} s, so at the rate limit one call moves about ${n((adminTimeout * BASE_TIER.requestsPerSecond) / (requestsOf(cloud.bulk) / cloud.bulk.tasks))} tasks` }),
  ]
  const failed = [cloud.idle, cloud.sweep, cloud.again, cloud.warn, cloud.bulk].flatMap((t) => t.dbErrors)
  if (failed.length) rows.push(row('CloudBase: database errors answered', failed.join(', '), ''))
  return {
    title: 'Escalation and bulk moves',
    how: [
      `The sweep: a seeded local stack's SQLite file (demo street, schema from the store's migrations) holding ${n(fill.tasks)} tasks over the demo's ${fill.grids} grids, each with its report, written through the store's row mapping in transactions of 10,000 by a separate process (secondary indexes dropped and rebuilt from their own definitions). Every ${n(fill.tasks / fill.overdue)}th task is past its deadline at the sweep's instant (a Wednesday 10:00 in Shanghai): of each 50, 35 held by a grid (assigned or accepted), 10 waiting in their community's queue, 4 in the street's, 1 in the district's; of the rest, 70% finished and 30% open with their warning and deadline ahead.`,
      `Measured: \`runJob(escalate)\` (cloudfunctions/app/jobs), batch after batch of ${ESCALATE_BATCH} until nothing more, on the store as the host opens it (durable writes, one transaction a move with its timeline line and messages), then once more at the same instant. Peak RSS is the kernel's high-water mark, reset just before the sweep. The file is warm in the page cache.`,
      `Bulk reassign: a seeded stack, ${n(bulk.tasks)} reports submitted through the use case into one grid (plus 20 for an untimed warm-up bulk move), then \`admin.bulkMove\` \`{ type: 'assign' }\` through \`dispatch\` as the community's dispatcher, to another grid of the community; afterwards every task is read back.`,
      `CloudBase: the cost table's world (cloudbaseWorld.ts: the deployed runtime, requests counted at the wire database). The job runs once at the real clock (nothing due), then over ${n(size.cloudOverdue)} new tasks just past the last one's accept deadline, then again at that instant, then over as many new tasks past 80% of their accept time (a warning each); per-task figures are the sweep's totals over the tasks it moved, batch queries included, and the ${n(fill.overdue)}-task figures scale them. The quotas are the base tier's (docs/capacity.md "The quotas"); docs/capacity.md "Escalation and the console" explains them.`,
    ],
    rows,
  }
}
