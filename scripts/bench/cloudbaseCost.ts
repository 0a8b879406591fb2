import { ALL_ACTIONS } from '../../shared/contracts'
import { JOBS } from '../../cloudfunctions/app/jobs'
import { runJob } from '../../cloudfunctions/app/jobs/job'
import { DECLARATION_LIFE, FIXTURES, JOB_FIXTURES, REPORT_LIFE, type Life } from './cloudbaseFixtures'
import { World, type Tally } from './cloudbaseWorld'
import { row, type Row, type SectionRun } from './types'

// What each registered action costs in CloudBase, counted at the wire database
// (tests/functions/cloudbase/wireDb.ts): database reads, writes and transaction requests,
// open-API calls, per call. docs/capacity.md turns them into reports and declarations a day per tier.

/** The one place that knows the action table and the jobs: every registered `function.action`, every job. */
export function registered(): { actions: string[]; jobs: string[] } {
  return { actions: ALL_ACTIONS.map((a) => `${a.fn}.${a.action}`), jobs: Object.keys(JOBS) }
}

async function runRegisteredJob(w: World, name: string, now: number, batches = 1000) {
  return runJob(JOBS[name as keyof typeof JOBS], await w.rt.deps(), now, { batches })
}

/** The base tier as the design brief gives it (DESIGN.md); WeChat's quota page lists the same (docs/capacity.md). */
export const BASE_TIER = { requestsPerSecond: 30, readsPerDay: 50_000, writesPerDay: 30_000, functionCallsPerMonth: 200_000, runsPerFunction: 20 }
/** Seconds between two actions of one person using the app: an assumption for the concurrency estimate. */
export const THINK_S = 30

export interface ActionCost extends Tally { action: string; ok: boolean; error?: string; note?: string }
export interface JobCost extends Tally { job: string; run: string; changed: number }
export interface CostRun { actions: ActionCost[]; missing: string[]; coldStart: Tally; jobs: JobCost[] }

export async function measureCloudbaseCost(): Promise<CostRun> {
  const w = await World.open()
  try {
    const { actions: names, jobs: jobNames } = registered()
    const missing = names.filter((a) => !FIXTURES[a])
    const actions: ActionCost[] = []
    for (const action of names.filter((a) => FIXTURES[a])) {
      const fixture = FIXTURES[action]
      const [fn, name] = action.split('.')
      const payload = await fixture.payload(w)
      const mark = w.mark()
      const res = await w.call(fixture.as, fn, name, payload, fixture.creates ? w.requestId() : undefined)
      actions.push({ action, ok: res.ok, ...(res.ok ? {} : { error: `${res.error.code}: ${res.error.message}` }), ...(fixture.note ? { note: fixture.note } : {}), ...w.since(mark) })
    }
    const jobs: JobCost[] = []
    for (const job of jobNames) {
      for (const [run, now] of [['with nothing due', Date.now()], ['8 days on, everything due', Date.now() + 8 * 86_400_000]] as const) {
        const mark = w.mark()
        const { changed } = await runRegisteredJob(w, job, now)
        jobs.push({ job, run, changed, ...w.since(mark) })
      }
      const batch = JOB_FIXTURES[job]
      if (batch) {
        const now = await batch.prepare(w)
        const mark = w.mark()
        const { changed } = await runRegisteredJob(w, job, now, 1)
        jobs.push({ job, run: batch.run, changed, ...w.since(mark) })
      }
    }
    return { actions, missing, coldStart: w.coldStart!, jobs }
  } finally {
    await w.close()
  }
}

export interface LifeCost { reads: number; writes: number; transactions: number; openApi: number; invocations: number; unmeasured: string[] }

/** The sum over a life (a report's, REPORT_LIFE, unless another is given) of each call's cost. */
export function lifeCost(actions: ActionCost[], life: Life = REPORT_LIFE): LifeCost {
  const byName = new Map(actions.map((a) => [a.action, a]))
  const total: LifeCost = { reads: 0, writes: 0, transactions: 0, openApi: 0, invocations: 0, unmeasured: [] }
  for (const { action, times } of life) {
    const cost = byName.get(action)
    if (!cost) {
      total.unmeasured.push(action)
      continue
    }
    total.reads += times * cost.reads
    total.writes += times * cost.writes
    total.transactions += times * cost.transactions
    total.openApi += times * cost.openApi
    total.invocations += times
  }
  return total
}

/** What the base tier's quotas allow, from a life's cost: how many of them a day. */
export function capacity(life: LifeCost) {
  const requests = life.reads + life.writes + life.transactions
  return {
    byReads: Math.floor(BASE_TIER.readsPerDay / life.reads),
    byWrites: Math.floor(BASE_TIER.writesPerDay / life.writes),
    byWritesWithTransactions: Math.floor(BASE_TIER.writesPerDay / (life.writes + life.transactions)),
    byFunctionCalls: Math.floor(BASE_TIER.functionCallsPerMonth / 30 / life.invocations),
    requestsPerCall: requests / life.invocations,
    activeUsers: Math.floor((BASE_TIER.requestsPerSecond * THINK_S) / (requests / life.invocations)),
  }
}

/** Counts print as integers (formatValue would give 39.0). */
const count = (name: string, value: number, unit: string, extra: Parameters<typeof row>[3] = {}) => row(name, `${value.toLocaleString('en-US')} ${unit}`, '', extra)
const apis = (t: Tally) => Object.entries(t.apis).map(([api, n]) => `${n}× ${api.split('.').pop()}`).join(', ')

/** The rows of one life: its totals, and how many of it a day each base-tier quota allows. */
function lifeRows(actions: ActionCost[], life: Life, names: { life: string; unit: string }): Row[] {
  const cost = lifeCost(actions, life)
  const cap = capacity(cost)
  const { life: of, unit } = names
  return [
    count(`${of}: database reads`, cost.reads, 'reads'),
    count(`${of}: database writes`, cost.writes, 'writes', { note: `plus ${cost.transactions} transaction requests (start, commit, abort)` }),
    count(`${of}: open-API calls`, cost.openApi, 'calls'),
    count(`${of}: function invocations`, cost.invocations, 'calls'),
    count(`${unit} a day within 50,000 reads (base tier)`, cap.byReads, unit),
    count(`${unit} a day within 30,000 writes (base tier)`, cap.byWrites, unit, { note: `${cap.byWritesWithTransactions} if transaction requests count as writes` }),
    count(`${unit} a day within 200,000 function calls a month`, cap.byFunctionCalls, unit),
    row(`database requests per call, over ${of}`, cap.requestsPerCall, 'requests'),
    count(`people using the app at once within 30 requests/s, over ${of}`, cap.activeUsers, 'people', { note: `one action every ${THINK_S} s each` }),
    ...(cost.unmeasured.length ? [row(`${of}: unmeasured calls`, cost.unmeasured.join(', '), '')] : []),
  ]
}

export const cloudbaseCost: SectionRun = async (_opts, log) => {
  const run = await measureCloudbaseCost()
  const failed = run.actions.filter((a) => !a.ok || a.dbErrors.length > 0)
  for (const a of failed) log(`${a.action}: ${a.error ?? a.dbErrors.join(', ')}`)
  const rows: Row[] = [
    ...lifeRows(run.actions, REPORT_LIFE, { life: "a report's life", unit: 'reports' }),
    ...lifeRows(run.actions, DECLARATION_LIFE, { life: "a declaration's life", unit: 'declarations' }),
    count('cold start (once per container): database reads', run.coldStart.reads, 'reads', { note: 'map generation, grids, communities, streets' }),
    ...run.jobs.map((j) => row(`job ${j.job}, ${j.run}: reads / writes`, `${j.reads} / ${j.writes}`, '', { note: `${j.changed} changed, ${j.transactions} transaction requests, ${j.openApi} open-API calls` })),
    ...run.missing.map((a) => row(`${a}: no fixture`, '—', '', { note: 'add one to scripts/bench/cloudbaseFixtures.ts' })),
  ]
  const table = {
    columns: ['action', 'db reads', 'db writes', 'tx requests', 'open-API calls', 'storage calls', 'note'],
    rows: run.actions.map((a) => [a.action, a.reads, a.writes, a.transactions, a.openApi, a.storage, [a.note, apis(a), a.error, ...a.dbErrors].filter(Boolean).join('; ')]),
  }
  const section = {
    title: 'CloudBase cost per action',
    how: [
      'Each registered action runs once through the CloudBase runtime (openRuntime, the node-sdk and wx-server-sdk pointed at a local capture server); an in-memory wire database (tests/functions/cloudbase/wireDb.ts) answers the database requests and counts them. Payloads: scripts/bench/cloudbaseFixtures.ts.',
      'Counts are per call of a warm container and include resolving the caller (2 reads: identity, user). Open-API calls are msgSecCheck, mediaCheckAsync and subscribeMessage.send; every message kind has a template and people hold grants, so every push that can go out does.',
      `A report's life is the calls of REPORT_LIFE in that file, a declaration's those of DECLARATION_LIFE; the quotas are the base tier's as the design brief gives them. docs/capacity.md explains the model.`,
    ],
    rows,
    table,
  }
  return section
}
