import type { Db } from '@cloudbase/database'
import type { Cases, NewReport, PageOf, PageQuery, QueueRef, TaskChange } from '../../app/ports'
import type { Report, Task } from '../../../shared/model'
import type { TaskStatus } from '../../../shared/workflow/status'
import { createReport, saveTaskChange } from './cases'
import { COLLECTIONS, fromDoc } from './docs'
import { listInboxWithAssigned } from './inbox'
import * as lists from './lists'
import { byId, docsByIds } from './reads'

// Cases on the CloudBase document database: the writes that must land whole are
// transactions (cases.ts), the lists each run on one index (lists.ts, docs/deploy.md).
export class CloudbaseCases implements Cases {
  constructor(private readonly db: Db) {}

  createReport(input: NewReport) {
    return createReport(this.db, input)
  }

  getReport(id: string) {
    return byId<Report>(this.db, COLLECTIONS.reports, id)
  }

  async getReports(ids: string[]): Promise<Report[]> {
    return (await docsByIds(this.db, COLLECTIONS.reports, ids)).map((d) => fromDoc<Report>(d))
  }

  listReportsByReporter(reporterId: string, page: PageQuery): Promise<PageOf<Report>> {
    return lists.listReportsByReporter(this.db, reporterId, page)
  }

  getTask(id: string) {
    return byId<Task>(this.db, COLLECTIONS.tasks, id, lists.TASK_QUERY_FIELDS)
  }

  async getTasks(ids: string[]): Promise<Task[]> {
    return (await docsByIds(this.db, COLLECTIONS.tasks, ids)).map(lists.taskFromDoc)
  }

  listOpenTasksForGrids(gridIds: string[], page: PageQuery, alsoAssignedTo?: string): Promise<PageOf<Task>> {
    return alsoAssignedTo === undefined ? lists.listOpenTasksForGrids(this.db, gridIds, page) : listInboxWithAssigned(this.db, gridIds, alsoAssignedTo, page)
  }

  listQueue(queue: QueueRef, page: PageQuery): Promise<PageOf<Task>> {
    return lists.listQueue(this.db, queue, page)
  }

  listDue(before: number, limit: number, statuses: readonly TaskStatus[]): Promise<Task[]> {
    return lists.listDue(this.db, before, limit, statuses)
  }

  saveTaskChange(change: TaskChange) {
    return saveTaskChange(this.db, change)
  }

  listTimeline(taskId: string) {
    return lists.listTimeline(this.db, taskId)
  }
}
