import { applyTaskAction } from '../../../shared/workflow/taskMachine'
import type { Deps } from '../ports'
import { message, pushQuietly, reportAudience, SYSTEM_ACTOR, timelineEvent } from '../records'
import { at, type JobResult } from './job'
import { machineContext } from '../tasks/limits'
import { grantQuietly } from '../volunteers/points'

// A resolved case its reporter has not rated within the rating window (7 days, DESIGN.md)
// closes as unrated, with a timeline line and a message to the reporter. A resolved task's
// dueAt is the end of its rating window, so the job reads only what is due. A rating that
// arrives while the job runs meets the same version guard: one of the two wins, the other
// changes nothing.

/** Tasks per batch: one CloudBase transaction each, well inside a 60 s timer run. */
export const CLOSE_UNRATED_BATCH = 100

export async function closeUnrated(deps: Deps, now: number, batch = CLOSE_UNRATED_BATCH): Promise<JobResult> {
  const d = at(deps, now)
  const due = await d.cases.listDue(now, batch, ['resolved'])
  const reports = new Map((await d.cases.getReports(due.map((t) => t.reportId))).map((r) => [r.id, r]))
  let changed = 0
  for (const task of due) {
    const report = reports.get(task.reportId)
    const next = applyTaskAction(task, { type: 'close_unrated' }, machineContext(d, SYSTEM_ACTOR.id, now, task.category))
    if (!next.ok || !report) continue
    const refs = { reportId: report.id, taskId: task.id }
    const events = [timelineEvent(d, task.id, SYSTEM_ACTOR, 'close_unrated', '居民7天内未评价，系统自动结案')]
    const messages = reportAudience(report).map((id) => message(d, id, 'report_closed', '您的反映已结案', '处理结果发布7天内未收到评价，已自动结案；如问题仍在，欢迎再次反映', refs))
    if (!(await d.cases.saveTaskChange({ task: next.value, expectedVersion: task.version, events, messages }))) continue
    changed++
    // heals a volunteer's grant the resolve lost (granted once per case)
    await grantQuietly(d, report, next.value)
    await pushQuietly(d, messages)
  }
  return { changed, more: due.length === batch }
}
