import { JOBS, type JobName } from '../app/jobs'
import { runJob } from '../app/jobs/job'
import type { Deps } from '../app/ports'
import type { MovableClock } from './clock'

// The local host's timer: every job of the jobs wing on the host's clock, which
// `POST /api/_dev/clock` moves, so a deadline can be seen passing without waiting. CloudBase
// runs the same jobs from timer triggers (one function each, cloudfunctions/<job>/).

/** How often the jobs run on their own (CloudBase's triggers run hourly; locally more often is cheap). */
export const JOB_INTERVAL_MS = 60_000
/** Batches one run may take before it yields to requests; the next run resumes. */
const BATCHES_PER_RUN = 50

export interface Scheduler {
  /** Runs every job now (after the clock moved); resolves when they have run. */
  runNow(): Promise<Record<JobName, number>>
  stop(): void
}

export function startScheduler(deps: Deps, clock: MovableClock, intervalMs = JOB_INTERVAL_MS): Scheduler {
  let running: Promise<Record<JobName, number>> | null = null
  const runAll = async () => {
    const changed = {} as Record<JobName, number>
    for (const [name, job] of Object.entries(JOBS) as [JobName, (typeof JOBS)[JobName]][]) {
      try {
        changed[name] = (await runJob(job, deps, clock.now(), { batches: BATCHES_PER_RUN })).changed
      } catch (err) {
        // one failing job must not stop the others, nor the host; the next run tries again
        console.error(`job ${name} failed`, err)
        changed[name] = 0
      }
    }
    return changed
  }
  const runNow = () => {
    // a run in progress is waited for, then one more starts: it sees the newest clock
    const after = running ?? Promise.resolve(null)
    const next = after.then(runAll).finally(() => {
      if (running === next) running = null
    })
    running = next
    return next
  }
  const timer = intervalMs > 0 ? setInterval(() => void runNow(), intervalMs) : null
  timer?.unref()
  return { runNow, stop: () => timer && clearInterval(timer) }
}
