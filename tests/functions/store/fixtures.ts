import type { Cases, FileRecord, Files, MessageCentre, NewReport, Patrols, Points, ReferenceData, TaskChange } from '../../../cloudfunctions/app/ports'
import type { Community, Grid, Message, Street, Task, TimelineEvent, User } from '../../../shared/model'
import type { Level } from '../../../shared/levels'
import { isOpen, type TaskStatus } from '../../../shared/workflow/status'
import type { TimelineAction } from '../../../shared/workflow/timeline'

/** The ports a store adapter provides. */
export interface Store { reference: ReferenceData; cases: Cases; messages: MessageCentre; files: Files; points: Points; patrols: Patrols }

// Records for the store suites: one street, one community, three grids, a few people.

export interface SeedData { streets: Street[]; communities: Community[]; grids: Grid[]; users: User[]; files: FileRecord[] }

const T0 = Date.UTC(2025, 2, 3, 1, 0) // a Monday, 09:00 in Shanghai
export const HOUR = 3_600_000
export const at = (hours: number) => T0 + hours * HOUR

const square = (x: number): [number, number][][] => [[[x, 31], [x + 0.01, 31], [x + 0.01, 31.01], [x, 31.01], [x, 31]]]

export const SEED: SeedData = {
  streets: [{ id: 's1', name: '示范街道', district: '示范区', hotline: '021-12345', polygon: square(121), dispatcherIds: ['u_sdisp'] }],
  communities: [{ id: 'c1', name: '示范社区', streetId: 's1', dispatcherIds: ['u_disp'] }],
  grids: ['g1', 'g2', 'g3'].map((id, i) => ({
    id, name: `第${i + 1}网格`, communityId: 'c1', streetId: 's1', geometry: { type: 'Polygon' as const, coordinates: square(121 + i * 0.01) }, version: 1, workerIds: [`u_w${i + 1}`],
  })),
  users: [
    { id: 'u_res', name: '张居民', role: 'resident', phone: '13800000001', gridIds: [], homeGridId: 'g1' },
    { id: 'u_vol', name: '李志愿', role: 'volunteer', phone: '13800000002', gridIds: [] },
    { id: 'u_w1', name: '王网格', role: 'grid_worker', phone: '021-0001', gridIds: ['g1'], communityId: 'c1', streetId: 's1' },
    { id: 'u_w2', name: '赵网格', role: 'grid_worker', phone: '021-0002', gridIds: ['g2'], communityId: 'c1', streetId: 's1' },
    { id: 'u_disp', name: '钱分拨', role: 'community_dispatcher', phone: '021-0009', gridIds: [], communityId: 'c1', streetId: 's1' },
    { id: 'u_sdisp', name: '孙街道', role: 'street_dispatcher', phone: '021-0010', gridIds: [], streetId: 's1' },
  ],
  files: [{ id: 'f_1', ownerId: 'u_res', mime: 'image/jpeg', size: 1234, createdAt: at(0) }],
}

export interface CaseOptions {
  n: number
  reporterId?: string
  gridId?: string | null
  createdAt?: number
  dueAt?: number | null
  status?: TaskStatus
  requestKey?: string | null
  /** suffix that keeps ids apart when the same n is created twice on purpose */
  tag?: string
  level?: Level
  /** where it waits: by default its grid, or the community c1's queue without one */
  queue?: Task['queue']
  /** by default c1 of s1, where the seed's grids lie */
  area?: Task['area']
  /** by default its deadline while open, none once finished */
  checkAt?: number | null
  caseNumber?: string
}

/** The Shanghai day (UTC+8) of an instant as 工单编号 begin: YYYYMMDD. */
export const shanghaiDay = (ms: number) => new Date(ms + 8 * HOUR).toISOString().slice(0, 10).replace(/-/g, '')

/** A 工单编号 of its day that no other (n, tag) of a suite shares: n and the tag in the five digits. */
export function caseNumberOf(n: number, tag: string, createdAt: number): string {
  if (!Number.isInteger(n) || n < 0 || n > 999) throw new RangeError(`fixture case n must be 0–999, got ${n}`)
  const tagCode = tag === '' ? 0 : ([...tag].reduce((sum, c) => sum + c.charCodeAt(0), 0) % 97) + 1
  return `${shanghaiDay(createdAt)}${String(n * 100 + tagCode).padStart(5, '0')}`
}

/** A submitted report with its task, its first timeline event and the worker's message. */
export function newCase(o: CaseOptions): NewReport {
  const id = `${o.n}${o.tag ?? ''}`
  const createdAt = o.createdAt ?? at(o.n)
  const gridId = o.gridId === undefined ? 'g1' : o.gridId
  const status = o.status ?? 'assigned'
  const dueAt = o.dueAt === undefined ? createdAt + 4 * HOUR : o.dueAt
  const caseNumber = o.caseNumber ?? caseNumberOf(o.n, o.tag ?? '', createdAt)
  const task: Task = {
    id: `t_${id}`, kind: 'report', reportId: `r_${id}`, caseNumber, category: 'garbage', gridId,
    queue: o.queue ?? (gridId ? { scope: 'grid', id: gridId } : { scope: 'community', id: 'c1' }),
    area: o.area ?? { communityId: 'c1', streetId: 's1' },
    level: o.level ?? 'grid', status, assigneeId: 'u_w1', acceptedById: null,
    acceptDueAt: createdAt + 4 * HOUR, resolveDueAt: null, dueAt,
    reopenCount: 0, returnCount: 0, warnAt: isOpen(status) ? dueAt : null,
    checkAt: o.checkAt !== undefined ? o.checkAt : isOpen(status) ? dueAt : null,
    version: 1, createdAt, updatedAt: createdAt, acceptedAt: null, resolvedAt: null, closedAt: null,
  }
  return {
    requestKey: o.requestKey === undefined ? null : o.requestKey,
    report: {
      id: `r_${id}`, caseNumber, reporterId: o.reporterId ?? 'u_res', category: 'garbage', description: `楼下垃圾堆放 ${id}`,
      photos: ['f_1'], location: { lng: 121.005, lat: 31.005, accuracyM: 15 }, address: '示范路 1 号',
      routing: { outcome: 'inside', gridId, gridVersion: 1, mapGeneration: 1, neighbourGridIds: [], distanceM: 0, communityId: 'c1', streetId: 's1' },
      taskId: task.id, createdAt,
    },
    task,
    events: [event(task.id, 'submit', createdAt, 'u_res', '提交了报事')],
    messages: [message(`m_${id}_assigned`, 'u_w1', 'task_assigned', createdAt, task)],
  }
}

export function event(taskId: string, action: TimelineAction, when: number, actorId: string, text: string): TimelineEvent {
  return { id: `e_${taskId}_${action}_${when}`, taskId, at: when, actorId, actorName: actorId, action, text }
}

export function message(id: string, userId: string, kind: Message['kind'], createdAt: number, task?: Task): Message {
  return {
    id, userId, kind, title: '新的任务', body: '您有一件新的报事待签收', createdAt, readAt: null,
    ...(task ? { taskId: task.id, reportId: task.reportId } : {}),
  }
}

/** The worker accepts (签收) the task they saw at `task.version`. */
export function acceptChange(task: Task, when: number, expectedVersion = task.version): TaskChange {
  return {
    task: {
      ...task, status: 'accepted', acceptedById: 'u_w1', acceptedAt: when, resolveDueAt: when + 24 * HOUR, dueAt: when + 24 * HOUR,
      warnAt: when + 20 * HOUR, checkAt: when + 20 * HOUR, version: expectedVersion + 1, updatedAt: when,
    },
    expectedVersion,
    events: [event(task.id, 'accept', when, 'u_w1', '网格员已签收')],
    messages: [{ ...message(`m_${task.id}_accepted_${when}`, 'u_res', 'report_accepted', when, task), title: '已签收', body: '您的报事已被签收' }],
  }
}

/** Everything a change could have touched, to compare before and after a refused one. */
export async function snapshot(store: Store, taskId: string, reportId: string, userIds: string[]) {
  return {
    task: await store.cases.getTask(taskId),
    report: await store.cases.getReport(reportId),
    timeline: await store.cases.listTimeline(taskId),
    messages: await Promise.all(userIds.map((u) => store.messages.listMessages(u, { limit: 100 }))),
    unread: await Promise.all(userIds.map((u) => store.messages.countUnread(u))),
  }
}

/** Walks every page of a list, failing loudly on a cursor that does not advance. */
export async function allPages<T>(fetch: (cursor?: string) => Promise<{ items: T[]; nextCursor: string | null }>): Promise<T[][]> {
  const pages: T[][] = []
  let cursor: string | undefined
  do {
    const page = await fetch(cursor)
    pages.push(page.items)
    if (page.nextCursor === cursor) throw new Error('cursor did not advance')
    cursor = page.nextCursor ?? undefined
    if (pages.length > 1000) throw new Error('too many pages')
  } while (cursor)
  return pages
}
