import type { Task, TimelineEvent } from '../../../shared/model'
import { fromDoc, toDoc, type Doc } from './docs'

// A task as its document: a sort key for the inbox and queues, and the case's timeline. The
// console's fields are the task's own: `area.communityId` and `area.streetId` (nested, indexed
// as such), `caseNumber`, and `checkAt` for the escalate job (null sorts and compares as no
// number, so a finished task never falls due).

/**
 * Undated tasks sort last in the inbox, but the database sorts null first, so a task
 * document carries `dueKey`: its deadline, or this value (the largest Date) when it has none.
 */
export const UNDATED = 8_640_000_000_000_000

/** The fields only queries read, dropped on the way back. */
export const TASK_QUERY_FIELDS = ['dueKey', 'timeline'] as const

/**
 * A task document as its record. A document written before the console's fields existed
 * (CloudBase has no migrations) reads as lying in no known area, never returned, with
 * nothing for the escalate job to look at: the district still lists it.
 */
export function taskFromDoc(doc: Doc): Task {
  const task = fromDoc<Task>(doc, TASK_QUERY_FIELDS)
  return { ...task, area: task.area ?? { communityId: null, streetId: null }, returnCount: task.returnCount ?? 0, warnAt: task.warnAt ?? null, checkAt: task.checkAt ?? null }
}

export const taskToDoc = (task: Task, timeline: TimelineEvent[]) => toDoc(task, { dueKey: task.dueAt ?? UNDATED, timeline: timeline.map(eventEntry) })
/** A timeline line as kept in its task: without the task id it would only repeat. */
const eventEntry = (e: TimelineEvent) => {
  const { taskId, ...rest } = e
  return rest
}
export const eventsOf = (doc: Doc): TimelineEvent[] => ((doc.timeline ?? []) as Omit<TimelineEvent, 'taskId'>[]).map((e) => ({ ...e, taskId: doc._id }) as TimelineEvent)
