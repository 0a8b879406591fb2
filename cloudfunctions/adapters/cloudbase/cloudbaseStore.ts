import type { Db } from '@cloudbase/database'
import type { Clock, FileRecord, NewReport, PageOf, PageQuery, Store, TaskChange } from '../../app/ports'
import type { Community, Grid, Message, Report, Street, Task, TimelineEvent, User } from '../../../shared/model'
import { inOrder } from '../local/rows'
import { createReport, saveTaskChange } from './cases'
import { chunks, COLLECTIONS, fileDocId, fromDoc, isDuplicate, type Doc } from './docs'
import { readAll } from './keyset'
import * as lists from './lists'
import { verifyUploads, type Storage } from './uploads'

// The Store on the CloudBase document database (@cloudbase/node-sdk). It behaves as the
// SQLite store does: both pass tests/functions/store/storeContract.ts.

/** Stored on a user document for pushes and identity; never part of the User record. */
export const USER_QUERY_FIELDS = ['openid'] as const
const FILE_FIELDS = ['id', 'ownerId', 'mime', 'size', 'createdAt'] as const

export interface CloudbaseStoreOptions {
  /** checks `cloud://` photo ids the files collection does not know yet */
  storage?: Storage
  /** the env id; upload ids of other envs are refused */
  env?: string
  clock?: Clock
}

export class CloudbaseStore implements Store {
  constructor(
    readonly db: Db,
    private readonly opts: CloudbaseStoreOptions = {},
  ) {}

  private async byId<T>(collection: string, id: string, queryOnly: readonly string[] = []): Promise<T | null> {
    const res = await this.db.collection(collection).doc(id).get()
    const doc = (res.data as Doc[])[0]
    return doc ? fromDoc<T>(doc, queryOnly) : null
  }

  /** Documents by _id in the order asked, unknown ids skipped, 1,000 ids a query. */
  async docsByIds(collection: string, ids: string[]): Promise<Doc[]> {
    const unique = [...new Set(ids)]
    const _ = this.db.command
    const found: Doc[] = []
    for (const part of chunks(unique)) {
      const res = await this.db.collection(collection).where({ _id: _.in(part) }).limit(part.length).get()
      found.push(...(res.data as Doc[]))
    }
    const byId = new Map(found.map((d) => [d._id, d]))
    return unique.flatMap((id) => byId.get(id) ?? [])
  }

  getUser(id: string) {
    return this.byId<User>(COLLECTIONS.users, id, USER_QUERY_FIELDS)
  }

  async getUsers(ids: string[]): Promise<User[]> {
    if (ids.length === 0) return []
    return (await this.docsByIds(COLLECTIONS.users, ids)).map((d) => fromDoc<User>(d, USER_QUERY_FIELDS))
  }

  async listUsers(): Promise<User[]> {
    return (await readAll(this.db, COLLECTIONS.users)).map((d) => fromDoc<User>(d, USER_QUERY_FIELDS))
  }

  getGrid(id: string) {
    return this.byId<Grid>(COLLECTIONS.grids, id)
  }

  async listGrids(): Promise<Grid[]> {
    return (await readAll(this.db, COLLECTIONS.grids)).map((d) => fromDoc<Grid>(d))
  }

  getCommunity(id: string) {
    return this.byId<Community>(COLLECTIONS.communities, id)
  }

  getStreet(id: string) {
    return this.byId<Street>(COLLECTIONS.streets, id)
  }

  async listStreets(): Promise<Street[]> {
    return (await readAll(this.db, COLLECTIONS.streets)).map((d) => fromDoc<Street>(d))
  }

  /** Known files from the files collection; new uploads are checked with storage and recorded. */
  async getFiles(ids: string[]): Promise<FileRecord[]> {
    if (ids.length === 0) return []
    const known = (await this.docsByIds(COLLECTIONS.files, ids.map(fileDocId))).map(fileFromDoc)
    const missing = [...new Set(ids)].filter((id) => !known.some((f) => f.id === id))
    const fresh = this.opts.storage && missing.length > 0
      ? await verifyUploads(this.opts.storage, missing, this.opts.clock?.now() ?? Date.now(), this.opts.env)
      : []
    for (const file of fresh) await this.insertFile(file)
    return inOrder(ids, [...known, ...fresh])
  }

  createReport(input: NewReport) {
    return createReport(this.db, input)
  }

  getReport(id: string) {
    return this.byId<Report>(COLLECTIONS.reports, id)
  }

  async getReports(ids: string[]): Promise<Report[]> {
    if (ids.length === 0) return []
    return (await this.docsByIds(COLLECTIONS.reports, ids)).map((d) => fromDoc<Report>(d))
  }

  listReportsByReporter(reporterId: string, page: PageQuery): Promise<PageOf<Report>> {
    return lists.listReportsByReporter(this.db, reporterId, page)
  }

  getTask(id: string) {
    return this.byId<Task>(COLLECTIONS.tasks, id, lists.TASK_QUERY_FIELDS)
  }

  async getTasks(ids: string[]): Promise<Task[]> {
    if (ids.length === 0) return []
    return (await this.docsByIds(COLLECTIONS.tasks, ids)).map(lists.taskFromDoc)
  }

  listOpenTasksForGrids(gridIds: string[], page: PageQuery): Promise<PageOf<Task>> {
    return lists.listOpenTasksForGrids(this.db, gridIds, page)
  }

  saveTaskChange(change: TaskChange) {
    return saveTaskChange(this.db, change)
  }

  listTimeline(taskId: string): Promise<TimelineEvent[]> {
    return lists.listTimeline(this.db, taskId)
  }

  listMessages(userId: string, page: PageQuery): Promise<PageOf<Message>> {
    return lists.listMessages(this.db, userId, page)
  }

  countUnread(userId: string) {
    return lists.countUnread(this.db, userId)
  }

  markRead(userId: string, ids: string[] | 'all', at: number) {
    return lists.markRead(this.db, userId, ids, at)
  }

  /** Records a checked upload; recording the same file twice keeps the first record. */
  async insertFile(file: FileRecord): Promise<void> {
    try {
      await this.db.collection(COLLECTIONS.files).add({ _id: fileDocId(file.id), ...file })
    } catch (err) {
      if (!isDuplicate(err)) throw err
    }
  }
}

/** Only the record's fields: content-check state lives on the same document. */
function fileFromDoc(doc: Doc): FileRecord {
  return Object.fromEntries(FILE_FIELDS.map((k) => [k, doc[k]])) as unknown as FileRecord
}
