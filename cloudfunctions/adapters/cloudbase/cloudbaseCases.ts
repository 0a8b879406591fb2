import type { Db } from '@cloudbase/database'
import type { AreaFilter, AreaRef, Cases, NearbyQuery, NewReport, PageOf, PageQuery, QueueRef, TaskChange } from '../../app/ports'
import type { Report, Task } from '../../../shared/model'
import type { TaskStatus } from '../../../shared/workflow/status'
import { countArea, findByCaseNumber, listArea, listChecks } from './areaLists'
import { nextCaseSequence } from './caseSequences'
import { createReport, saveTaskChange } from './cases'
import { COLLECTIONS, fromDoc, type Doc } from './docs'
import { listInboxWithAssigned } from './inbox'
import * as lists from './lists'
import { listNearbyReports, listResolvedForGrid } from './nearbyLists'
import { byId, docsByIds } from './reads'

// Cases on the CloudBase document database: the writes that must land whole are
// transactions (cases.ts, caseSequences.ts), the lists each run on one index (lists.ts,
// inbox.ts, areaLists.ts; docs/deploy.md).
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

  async getTask(id: string): Promise<Task | null> {
    const res = await this.db.collection(COLLECTIONS.tasks).doc(id).get()
    const doc = (res.data as Doc[])[0]
    return doc ? lists.taskFromDoc(doc) : null
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

  listArea(area: AreaRef, filter: AreaFilter, page: PageQuery): Promise<PageOf<Task>> {
    return listArea(this.db, area, filter, page)
  }

  countArea(area: AreaRef, filter: AreaFilter): Promise<number> {
    return countArea(this.db, area, filter)
  }

  findByCaseNumber(caseNumber: string): Promise<Task | null> {
    return findByCaseNumber(this.db, caseNumber)
  }

  listChecks(before: number, limit: number): Promise<Task[]> {
    return listChecks(this.db, before, limit)
  }

  nextCaseSequence(day: string): Promise<number> {
    return nextCaseSequence(this.db, day)
  }

  saveTaskChange(change: TaskChange) {
    return saveTaskChange(this.db, change)
  }

  listTimeline(taskId: string) {
    return lists.listTimeline(this.db, taskId)
  }

  listNearbyReports(query: NearbyQuery): Promise<Report[]> {
    return listNearbyReports(this.db, query)
  }

  listResolvedForGrid(gridId: string, page: PageQuery): Promise<PageOf<Task>> {
    return listResolvedForGrid(this.db, gridId, page)
  }
}
