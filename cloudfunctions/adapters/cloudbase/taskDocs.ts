import type { Task, TimelineEvent } from '../../../shared/model'
import { toDoc, type Doc } from './docs'

// A task as its document: a sort key for the inbox and queues, and the case's timeline.

/**
 * Undated tasks sort last in the inbox, but the database sorts null first, so a task
 * document carries `dueKey`: its deadline, or this value (the largest Date) when it has none.
 */
export const UNDATED = 8_640_000_000_000_000

export const taskToDoc = (task: Task, timeline: TimelineEvent[]) => toDoc(task, { dueKey: task.dueAt ?? UNDATED, timeline: timeline.map(eventEntry) })
/** A timeline line as kept in its task: without the task id it would only repeat. */
const eventEntry = (e: TimelineEvent) => {
  const { taskId, ...rest } = e
  return rest
}
export const eventsOf = (doc: Doc): TimelineEvent[] => ((doc.timeline ?? []) as Omit<TimelineEvent, 'taskId'>[]).map((e) => ({ ...e, taskId: doc._id }) as TimelineEvent)
