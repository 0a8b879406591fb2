import { DEMO_COMMUNITIES, DEMO_GRIDS, DEMO_POINTS } from '../../cloudfunctions/local/seed/demoArea'
import type { World, Who } from './cloudbaseWorld'

// One representative successful call per registered action, and the calls a report's life
// takes. A fixture's payload function first makes the state its call needs through the real
// use cases (not counted), then returns the payload of the call that is counted.

export interface Fixture {
  as: Who
  payload(w: World): Promise<object> | object
  /** creates carry a requestId, as the client sends one */
  creates?: boolean
}

export const FIXTURES: Record<string, Fixture> = {
  'user.me': { as: 'resident', payload: () => ({}) },
  'user.catalogue': { as: 'resident', payload: () => ({}) },
  'user.myGrid': { as: 'resident', payload: () => ({}) },
  'user.listMessages': { as: 'worker', payload: () => ({ limit: 20 }) },
  'user.markMessagesRead': {
    as: 'worker',
    payload: async (w) => {
      const page = await w.must<{ items: { id: string }[] }>('worker', 'user', 'listMessages', { limit: 1 })
      return { ids: page.items.map((m) => m.id) }
    },
  },
  'user.subscribeTemplates': { as: 'resident', payload: () => ({}) },
  'user.recordGrants': { as: 'resident', payload: (w) => ({ answers: w.submitGrants() }) },
  'resident.submitReport': { as: 'resident', creates: true, payload: (w) => w.reportPayload() },
  'resident.listMyReports': { as: 'resident', payload: () => ({ limit: 20 }) },
  'resident.getMyReport': { as: 'resident', payload: async (w) => ({ reportId: (await w.resolvedCase()).reportId }) },
  'resident.rateReport': { as: 'resident', payload: async (w) => ({ reportId: (await w.resolvedCase()).reportId, stars: 5, solved: true, comment: '处理很及时，谢谢网格员' }) },
  'worker.listInbox': { as: 'worker', payload: () => ({ limit: 20 }) },
  'worker.getTask': { as: 'worker', payload: async (w) => ({ taskId: (await w.acceptedCase()).taskId }) },
  'worker.acceptTask': {
    as: 'worker',
    payload: async (w) => {
      const c = await w.newCase()
      return { taskId: c.taskId, version: c.version }
    },
  },
  'worker.resolveTask': {
    as: 'worker',
    payload: async (w) => {
      const c = await w.acceptedCase()
      return { taskId: c.taskId, version: c.version, text: '已到现场清理完毕，并提醒住户按时投放', photos: [w.upload('worker')] }
    },
  },
  'admin.listQueue': { as: 'dispatcher', payload: (w) => ({ ...w.queue, limit: 20 }) },
  // the demo map again with one grid renamed: a real import (one changed grid, the generation moves)
  'admin.importGrids': { as: 'admin', payload: () => ({ geojson: demoMapFile(), from: 'gcj02', apply: true }) },
  'admin.importRoster': { as: 'admin', payload: () => ({ csv: ROSTER_FILE, apply: true }) },
  // a new building of 24 rooms in the first grid: one read of the community's buildings, one batch insert
  'admin.importBuildings': { as: 'admin', payload: () => ({ csv: BUILDINGS_FILE, apply: true }) },
  'admin.listStaff': { as: 'dispatcher', payload: (w) => ({ communityId: w.queue.id, limit: 20 }) },
  'admin.issueBindingCode': { as: 'admin', payload: (w) => ({ userId: w.people.worker }) },
  // the leader the newcomer bound to in user.bindStaff (the worker stays bound: later calls act as them)
  'admin.unbindStaff': { as: 'admin', payload: async (w) => ({ userId: await substituteOf(w) }) },
  'admin.setLeave': {
    as: 'admin',
    payload: async (w) => ({ userId: w.people.worker, from: Date.UTC(2030, 0, 1), until: Date.UTC(2030, 0, 8), substituteId: await substituteOf(w), note: '年假' }),
  },
  'admin.endLeave': { as: 'admin', payload: (w) => ({ userId: w.people.worker }) },
  // a photo the district office took and uploaded: stored, sent for review (one mediaCheckAsync), answered with its link
  'admin.setStaffPhoto': { as: 'admin', payload: (w) => ({ userId: w.people.worker, photo: w.upload('admin') }) },
  'user.listCommunities': { as: 'resident', payload: () => ({}) },
  'user.communityMap': { as: 'resident', payload: (w) => ({ communityId: w.queue.id }) },
  'user.locatePoint': { as: 'resident', payload: (w) => ({ location: w.reportPayload().location }) },
  'user.listBuildings': { as: 'resident', payload: (w) => ({ communityId: w.queue.id }) },
  'user.setHomeGrid': { as: 'resident', payload: () => ({ gridId: DEMO_GRIDS[0].id }) },
  // a code the district office issued to a staff member nobody has bound yet, typed by a new account
  'user.bindStaff': {
    as: 'newcomer',
    payload: async (w) => {
      const issued = await w.must<{ code: string }>('admin', 'admin', 'issueBindingCode', { userId: await substituteOf(w) })
      return { code: issued.code }
    },
  },
}

/** The leader of the worker's grid: the same area, so a substitute and a record to bind. */
async function substituteOf(w: World): Promise<string> {
  const worker = await w.rt.store.reference.getUser(w.people.worker)
  const grid = worker && (await w.rt.store.reference.getGrid(worker.gridIds[0]))
  if (!grid?.leaderId) throw new Error('cost world: the worker has no grid leader')
  return grid.leaderId
}

function demoMapFile(): string {
  const features = DEMO_GRIDS.map((g, i) => ({
    type: 'Feature',
    properties: { code: g.code, name: i === 0 ? `${g.name}（调整）` : g.name },
    geometry: g.geometry,
  }))
  return JSON.stringify({ type: 'FeatureCollection', features })
}

const ROSTER_FILE = ['姓名,工作电话,角色,所属编码,职责,办公时间', `王小明,13912340001,网格员,${DEMO_GRIDS[0].code},巡查走访,工作日 9:00-17:30`, `李小红,13912340002,网格员,${DEMO_GRIDS[1].code},巡查走访,工作日 9:00-17:30`].join('\n')

const BUILDINGS_FILE = [
  '社区编码,楼栋,单元,房号,经度,纬度,地址',
  ...Array.from({ length: 24 }, (_, i) => `${DEMO_COMMUNITIES[0].code},99栋,${i < 12 ? '1单元' : '2单元'},${Math.floor((i % 12) / 2) + 1}0${(i % 2) + 1},${DEMO_POINTS.insideClear.point.lng},${DEMO_POINTS.insideClear.point.lat},莲花一村99栋`),
].join('\n')

/**
 * A report's life from submission to rating: which calls, how often. The counts are
 * assumptions about use (docs/capacity.md says why each); change them here.
 */
export const REPORT_LIFE: { action: string; times: number; why: string }[] = [
  { action: 'user.me', times: 3, why: 'the reporter opens the app three times: to report, on the 签收 message, on the 办结 message' },
  { action: 'user.myGrid', times: 3, why: 'the home page shows the grid card each time' },
  { action: 'user.communityMap', times: 3, why: 'the grid card draws its community each time the app opens (kept for the rest of that visit)' },
  { action: 'user.listMessages', times: 6, why: 'the unread badge on each home visit (3), the message centre twice (reporter) and once (worker)' },
  { action: 'user.markMessagesRead', times: 2, why: 'opening the message centre marks its messages read (reporter, worker)' },
  { action: 'user.catalogue', times: 1, why: 'the report form loads the categories' },
  { action: 'user.subscribeTemplates', times: 3, why: 'before each tap that asks for grants: submit, accept, resolve' },
  { action: 'user.recordGrants', times: 3, why: 'the answers of those three asks' },
  { action: 'resident.submitReport', times: 1, why: 'the report' },
  { action: 'resident.listMyReports', times: 2, why: "the reporter's list, after each message" },
  { action: 'resident.getMyReport', times: 3, why: 'the reporter reads the case: after submitting, on 签收, on 办结' },
  { action: 'resident.rateReport', times: 1, why: 'the rating, which closes the case' },
  { action: 'worker.listInbox', times: 3, why: "the worker's inbox page: finding the task, after 签收, after 办结" },
  { action: 'worker.getTask', times: 2, why: 'the task page before 签收 and before 办结' },
  { action: 'worker.acceptTask', times: 1, why: '签收' },
  { action: 'worker.resolveTask', times: 1, why: '办结 with a photo' },
]
