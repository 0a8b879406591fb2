import Database from 'better-sqlite3'
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { JOBS } from '../../cloudfunctions/app/jobs'
import { runJob } from '../../cloudfunctions/app/jobs/job'
import { openLocalStack } from '../../cloudfunctions/local/stack'
import { hrMs } from './types'

// The escalate job (cloudfunctions/app/jobs/escalate.ts) over a filled store
// (escalationStore.ts), as the local scheduler runs it: runJob, batch after batch of
// ESCALATE_BATCH, until nothing more is due; then again at the same instant.

export interface Sweep {
  seconds: number
  changed: number
  batches: number
  /** kB: the process's resident set before the sweep, and its peak during it (Linux; null elsewhere) */
  rssBeforeKB: number | null
  peakKB: number | null
  second: { changed: number; ms: number }
  /** what the sweep left in the file: tasks by level and state it moved, timeline lines and messages stamped at `now` */
  moved: Record<string, number>
  /** red tasks past their deadline, marked for supervision (超期督办) rather than escalated */
  supervised: number
  events: number
  messages: number
}

const kb = (field: string): number | null => {
  try {
    return Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(readFileSync('/proc/self/status', 'utf8'))?.[1] ?? NaN)
  } catch {
    return null
  }
}

/** Resets the kernel's peak-RSS mark (VmHWM) to the current RSS, so the next peak is the sweep's own. */
function resetPeak(): boolean {
  try {
    writeFileSync('/proc/self/clear_refs', '5')
    return true
  } catch {
    return false
  }
}

export async function sweepEscalations(dataDir: string, now: number): Promise<Sweep> {
  const stack = await openLocalStack({ dataDir, seed: true })
  let batches = 0
  // counts the batches the job takes without changing it: runJob calls the job once a batch
  const counted = (deps: Parameters<typeof JOBS.escalate>[0], at: number) => {
    batches++
    return JOBS.escalate(deps, at)
  }
  const run = async () => {
    global.gc?.()
    const reset = resetPeak()
    const rssBeforeKB = kb('VmRSS')
    const t = process.hrtime.bigint()
    const first = await runJob(counted, stack.deps, now, { batches: Number.MAX_SAFE_INTEGER })
    const seconds = hrMs(t) / 1000
    const peakKB = reset ? kb('VmHWM') : null
    const s = process.hrtime.bigint()
    const second = await runJob(JOBS.escalate, stack.deps, now, { batches: Number.MAX_SAFE_INTEGER })
    return { first, seconds, rssBeforeKB, peakKB, second: { changed: second.changed, ms: hrMs(s) } }
  }
  let measured: Awaited<ReturnType<typeof run>>
  try {
    measured = await run()
  } finally {
    await stack.close()
  }
  const { first, seconds, rssBeforeKB, peakKB, second } = measured
  const db = new Database(join(dataDir, 'gridlink.sqlite'), { readonly: true })
  try {
    const moved = Object.fromEntries(db.prepare<[number], { k: string; n: number }>(`SELECT level || ' ' || status AS k, count(*) AS n FROM tasks WHERE updated_at = ? GROUP BY k ORDER BY k`).all(now).map((r) => [r.k, r.n]))
    const supervised = db.prepare<[number], { n: number }>(`SELECT count(*) AS n FROM tasks WHERE updated_at = ? AND json_extract(extra, '$.supervision.overdue') = 1`).get(now)?.n ?? 0
    const events = db.prepare<[number], { n: number }>('SELECT count(*) AS n FROM timeline WHERE at = ?').get(now)?.n ?? 0
    const messages = db.prepare<[number], { n: number }>('SELECT count(*) AS n FROM messages WHERE created_at = ?').get(now)?.n ?? 0
    return { seconds, changed: first.changed, batches, rssBeforeKB, peakKB, second, moved, supervised, events, messages }
  } finally {
    db.close()
  }
}
