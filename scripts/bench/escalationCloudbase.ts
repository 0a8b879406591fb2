import { JOBS } from '../../cloudfunctions/app/jobs'
import { runJob } from '../../cloudfunctions/app/jobs/job'
import type { BulkMoveResult } from '../../shared/api'
import { overdueBatch } from './cloudbaseFixtures'
import { World, type Tally } from './cloudbaseWorld'

// What the escalate job and a bulk move cost on CloudBase, counted at the wire database as the
// cost table is (cloudbaseCost.ts): the deployed runtime over the demo street, every message
// kind configured for subscription messages. The job sweeps tasks made through the real use
// cases, run just past the last one's deadline, then over new ones past their 80% warning; the bulk move reassigns new tasks of the
// worker's grid to another grid of the community, as the community's dispatcher.

export interface Counted extends Tally { changed: number }
export interface EscalationCosts {
  /** the job at the real clock before anything was made: what most runs (every 5 min) find */
  idle: Counted
  /** the sweep: every batch until nothing more, and how many tasks it moved */
  sweep: Counted
  /** the same job again at the sweep's instant */
  again: Counted
  /** new tasks run past 80% of their accept time, before the deadline: each holder warned once */
  warn: Counted
  bulk: Counted & { tasks: number; failed: number }
}

const job = async (w: World, now: number): Promise<Counted> => {
  const mark = w.mark()
  const { changed } = await runJob(JOBS.escalate, await w.rt.deps(), now, { batches: 1000 })
  return { ...w.since(mark), changed }
}

export async function escalationCosts(overdue: number, bulkTasks: number): Promise<EscalationCosts> {
  const w = await World.open()
  try {
    const idle = await job(w, Date.now())
    const instant = await overdueBatch(w, overdue)
    const sweep = await job(w, instant)
    const again = await job(w, instant)
    // made after the sweep: what it escalated has its next look later than these warnings
    const fresh = []
    for (let i = 0; i < overdue; i++) fresh.push(await w.task((await w.newCase()).taskId))
    const warnAt = Math.max(...fresh.map((t) => t.warnAt ?? 0)) + 1
    if (fresh.some((t) => t.dueAt === null || t.dueAt <= warnAt)) throw new Error('escalation costs: a warning instant past a deadline')
    const warn = await job(w, warnAt)
    const tasks = []
    for (let i = 0; i < bulkTasks; i++) {
      const c = await w.newCase()
      tasks.push({ taskId: c.taskId, version: c.version })
    }
    const mark = w.mark()
    const res = await w.call('areaDispatcher', 'admin', 'bulkMove', { tasks, move: { type: 'assign', gridId: w.grids.sibling } })
    if (!res.ok) throw new Error(`bulkMove on CloudBase: ${res.error.code} ${res.error.message}`)
    const result = res.data as BulkMoveResult
    return { idle, sweep, again, warn, bulk: { ...w.since(mark), changed: result.done, tasks: bulkTasks, failed: result.failed } }
  } finally {
    await w.close()
  }
}

/** Database requests of a tally: reads, writes and transaction requests, each counted against the 30 a second. */
export const requestsOf = (t: Tally) => t.reads + t.writes + t.transactions
