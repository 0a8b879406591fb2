import { escalationLevel } from '../../../shared/workflow/taskMachine'
import type { Deps } from '../ports'
import { moveTask } from '../tasks/moves/moveTask'
import { at, type JobResult } from './job'

// Deadlines (docs/workflow.md "The escalate job"): every open task whose checkAt has passed is
// looked at once. Past its deadline it goes one level up (grid → community → street →
// district) with that level's deadlines, and the new holder and the previous one are told; a
// red task past its deadline is marked for supervision (超期督办), which ends its checks.
// Before the deadline, at 80% of its working time, the holder is warned and the next check is
// the deadline itself. Each is one version-guarded move (moveTask.ts), so a crash between two
// leaves each task either moved whole or untouched, a second run at the same instant finds
// nothing (every move pushed checkAt past it), and a person acting on the task at the same
// moment wins or loses against the job as against anyone: one outcome, one timeline line.
// On CloudBase the moves are spaced (`escalateGapMs`), as the retention job's writes are.

/** Tasks per batch: one transaction each, well inside a 60 s timer run. */
export const ESCALATE_BATCH = 100

export async function escalate(deps: Deps, now: number, batch = ESCALATE_BATCH): Promise<JobResult> {
  const d = at(deps, now)
  const due = await d.cases.listChecks(now, batch)
  const reports = new Map((await d.cases.getReports(due.map((t) => t.reportId))).map((r) => [r.id, r]))
  let changed = 0
  for (const task of due) {
    const report = reports.get(task.reportId)
    if (!report) continue
    const pastDeadline = task.dueAt !== null && task.dueAt <= now
    const input = !pastDeadline
      ? ({ type: 'warn' } as const)
      : escalationLevel(task)
        ? ({ type: 'escalate', reason: '超过处理时限' } as const)
        : ({ type: 'escalate_overdue' } as const)
    const moved = await moveTask(d, null, { task, report }, task.version, input, pastDeadline ? 'deadline' : null)
    if (moved.ok) changed++
    // paced on CloudBase, so a backlog never takes the environment past its requests a second
    if (d.config.workflow.escalateGapMs > 0) await new Promise((r) => setTimeout(r, d.config.workflow.escalateGapMs))
  }
  return { changed, more: due.length === batch }
}
