import type { Deps } from '../ports'

// A scheduled job (DESIGN.md "Jobs"): `(deps, now) → { changed, more }`. It works through a
// bounded batch and says whether more is waiting, so a CloudBase timer run (60 s at most) can
// stop between batches and the next run resumes where it stopped. Running it twice at the
// same instant changes nothing the second time: every change it makes is a version-guarded
// transition, and what it changed no longer matches what it looks for.
export interface JobResult { changed: number; more: boolean }
export type Job = (deps: Deps, now: number) => Promise<JobResult>

/** The clock of a job run: every record it writes is stamped with the run's instant. */
export const at = <D extends Pick<Deps, 'clock'>>(deps: D, now: number): D => ({ ...deps, clock: { now: () => now } })

/** Runs a job batch after batch until it has nothing more or the budget is spent. */
export async function runJob(job: Job, deps: Deps, now: number, budget: { batches: number; untilMs?: number; clock?: () => number }): Promise<JobResult> {
  let changed = 0
  for (let i = 0; i < budget.batches; i++) {
    const result = await job(deps, now)
    changed += result.changed
    if (!result.more) return { changed, more: false }
    if (budget.untilMs !== undefined && (budget.clock ?? Date.now)() >= budget.untilMs) break
  }
  return { changed, more: true }
}
