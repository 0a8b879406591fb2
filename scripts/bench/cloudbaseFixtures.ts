import { DEMO_COMMUNITIES, DEMO_GRIDS, DEMO_POINTS } from '../../cloudfunctions/local/seed/demoArea'
import { CONSENT } from '../../shared/declarations/consent'
import { shanghaiToday } from '../../shared/identity/calendarDate'
import { ESCALATE_BATCH } from '../../cloudfunctions/app/jobs/escalate'
import type { Case, World, Who } from './cloudbaseWorld'

// One representative successful call per registered action, and the calls a report's life
// and a declaration's life take. A fixture's payload function first makes the state its call
// needs through the real use cases (not counted), then returns the payload of the call that
// is counted. Declarations name rooms of the worker's grid (cloudbaseWorld.ts seeds its
// building registry and a few verified households), so the worker verifies them.

export interface Fixture {
  as: Who
  payload(w: World): Promise<object> | object
  /** creates carry a requestId, as the client sends one */
  creates?: boolean
  /** what the counted call is made of, when its size is not obvious (shown in the table) */
  note?: string
}

/** Tasks in the bulk move fixture: a few, so the run stays quick; the escalation bench measures 500. */
export const BULK_FIXTURE_TASKS = 10

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
  // issue 13, what the reporter does after submitting: withdraw a case nobody has accepted yet
  'resident.withdrawReport': { as: 'resident', payload: async (w) => ({ reportId: (await w.newCase()).reportId, reason: '邻居已经清理了' }) },
  // a note with a photo on a case the worker is handling: the note checked (msgSecCheck), the photo sent for review
  'resident.addReportInfo': {
    as: 'resident',
    payload: async (w) => ({ reportId: (await w.acceptedCase()).reportId, text: '垃圾已经堆到楼道口，晚上有异味', photos: [w.upload('resident')] }),
  },
  // an accepted case past its resolve deadline. A deployed runtime's clock cannot be moved, so the
  // deadline is moved back on the stored task, as the escalate job would find it; the worker is told
  'resident.urgeReport': {
    as: 'resident',
    payload: async (w) => {
      const c = await w.acceptedCase()
      const task = await w.task(c.taskId)
      const past = Date.now() - 60_000
      const moved = await w.rt.store.cases.saveTaskChange({ task: { ...task, resolveDueAt: past, dueAt: past, version: task.version + 1 }, expectedVersion: task.version, events: [], messages: [] })
      if (!moved) throw new Error('cost world: the case to urge could not be made overdue')
      return { reportId: c.reportId }
    },
  },
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
  // 用当前位置查找附近楼栋 on the declaration form: the registry's buildings around the phone
  'user.nearBuildings': { as: 'resident', payload: () => ({ location: { ...DEMO_POINTS.insideClear.point } }) },
  // a household of two moving into an empty room of the worker's grid
  'resident.declareResidence': { as: 'resident', creates: true, payload: async (w) => w.declarePayload(await w.emptyRoom(), w.newCouple()) },
  // the householder adds their mother to the verified household; the worker asks for her phone; the answer adds it
  'resident.amendDeclaration': {
    as: 'householder',
    payload: async (w) => {
      const { roomId } = await w.verifiedHousehold()
      const mother = w.onePerson('王秀英', { relation: 'parent', phone: null })
      const asked = await w.review(await w.declared(w.people.householder, [mother], roomId), 'ask_more', '请补充老人的联系电话')
      return { declarationId: asked.id, version: asked.version, standing: 'owner', persons: [{ ...mother, phone: '13812340518' }], consentVersion: CONSENT.version }
    },
  },
  // a child declared into the household by mistake, withdrawn before the worker looks
  'resident.withdrawDeclaration': {
    as: 'householder',
    payload: async (w) => {
      const { roomId } = await w.verifiedHousehold()
      const d = await w.declared(w.people.householder, [w.onePerson('张小宇', { relation: 'child', phone: null })], roomId)
      return { declarationId: d.id, version: d.version }
    },
  },
  // one of the verified household's two moves out today
  'resident.declareMoveOut': {
    as: 'householder',
    creates: true,
    payload: async (w) => {
      const { roomId, residentIds } = await w.verifiedHousehold()
      return { roomId, residentIds: residentIds.slice(1), moveOutDate: shanghaiToday(), consentVersion: CONSENT.version }
    },
  },
  // 我的居住登记: the verified household and the householder's declarations (added, amended, withdrawn, moving out)
  'resident.myResidence': { as: 'householder', payload: () => ({}) },
  'worker.listVerifications': { as: 'worker', payload: () => ({ limit: 20 }) },
  'worker.getVerification': { as: 'worker', payload: async (w) => ({ declarationId: (await w.declared()).id }) },
  // approving a pending household of two: both enter the register
  'worker.reviewDeclaration': {
    as: 'worker',
    payload: async (w) => {
      const d = await w.declared()
      return { declarationId: d.id, version: d.version, decision: 'approve' }
    },
  },
  // the whole ID number of a pending declaration's first person, to compare with the card shown at the door
  'worker.revealPersonField': {
    as: 'worker',
    payload: async (w) => {
      const d = await w.declared()
      return { declarationId: d.id, personId: d.persons[0].id, field: 'idNumber', reason: '上门核对居民出示的身份证' }
    },
  },
  // the worker's grid (their first): a page of its register, its coverage and its buildings
  'worker.listRegister': { as: 'worker', payload: () => ({ limit: 20 }) },
  'admin.listAudit': { as: 'admin', payload: () => ({ limit: 20 }) },
  // issue 12's moves: each on a task made for it through the real use cases, at the version its actor saw
  'worker.escalateTask': { as: 'worker', payload: async (w) => ({ ...ref(await w.newCase()), reason: '涉及物业管理，需社区协调' }) },
  // a report on the border with 田面: routed to the worker's grid, flagged with the neighbour
  'worker.transferTask': {
    as: 'worker',
    payload: async (w) => ({ ...ref(await w.newCase(DEMO_POINTS.onSharedBorder.point)), toGridId: w.grids.neighbour, reason: '问题位置在田面社区一侧' }),
  },
  // the neighbour's worker refuses what the worker transferred to their grid
  'worker.refuseTransfer': {
    as: 'neighbour',
    payload: async (w) => {
      const c = await w.newCase(DEMO_POINTS.onSharedBorder.point)
      const moved = await w.must<{ version: number }>('worker', 'worker', 'transferTask', { ...ref(c), toGridId: w.grids.neighbour, reason: '问题位置在田面社区一侧' })
      return { taskId: c.taskId, version: moved.version, reason: '现场核实属莲花一村管辖' }
    },
  },
  'worker.returnTask': { as: 'worker', payload: async (w) => ({ ...ref(await w.newCase()), reason: '不属于网格处置范围，请重新派单' }) },
  'worker.requestExtension': { as: 'worker', payload: async (w) => ({ ...ref(await w.acceptedCase()), days: 3, reason: '需等待物业维修材料到货' }) },
  // the worker's community: its open tasks, all of them, the first page of 20 and the grids to assign to
  'admin.listConsole': { as: 'areaDispatcher', payload: () => ({ view: 'all', limit: 20 }) },
  'admin.consoleCounts': { as: 'areaDispatcher', payload: () => ({}), note: '7 counts: one per level, overdue, queued, extension requests' },
  // a 工单编号 a resident quotes on the phone
  'admin.findCase': { as: 'areaDispatcher', payload: async (w) => ({ caseNumber: (await w.task((await w.newCase()).taskId)).caseNumber }) },
  // what waits in the queue of 新田 (a report far from every grid), assigned to one of its grids
  'admin.assignTask': { as: 'dispatcher', payload: async (w) => ({ ...ref(await w.newCase(DEMO_POINTS.farInCommunity.point)), gridId: w.grids.inQueueCommunity }) },
  // a grid's task: its 延期 is the community's to decide
  'admin.decideExtension': {
    as: 'areaDispatcher',
    payload: async (w) => {
      const c = await w.acceptedCase()
      const asked = await w.must<{ version: number }>('worker', 'worker', 'requestExtension', { ...ref(c), days: 3, reason: '需等待物业维修材料到货' })
      return { taskId: c.taskId, version: asked.version, approve: true }
    },
  },
  'admin.superviseTask': { as: 'areaDispatcher', payload: async (w) => ({ ...ref(await w.newCase()), note: '居民多次反映，请今日处置' }) },
  // a few of the worker's new tasks reassigned to another grid of the community
  'admin.bulkMove': {
    as: 'areaDispatcher',
    note: `${BULK_FIXTURE_TASKS} tasks reassigned`,
    payload: async (w) => {
      const tasks = []
      for (let i = 0; i < BULK_FIXTURE_TASKS; i++) tasks.push(ref(await w.newCase()))
      return { tasks, move: { type: 'assign', gridId: w.grids.sibling } }
    },
  },
  // issue 13. "Me too": the open reports of a category around the point (one box query, their tasks, the photos' review)
  'resident.nearbyReports': {
    as: 'householder',
    payload: async (w) => {
      await w.newCase()
      return { category: w.reportPayload().category, location: w.reportPayload().location }
    },
  },
  // a neighbour joins the resident's new report from where they stand: the holder is told
  'resident.joinReport': { as: 'householder', payload: async (w) => ({ reportId: (await w.newCase()).reportId, location: w.reportPayload().location }) },
  // two neighbours report one problem: the householder's report merged into the resident's (both
  // tasks written: the target gains a follower, the duplicate is merged and its reporter told)
  'worker.mergeReports': {
    as: 'worker',
    payload: async (w) => {
      const original = await w.task((await w.newCase()).taskId)
      const payload = { ...w.reportPayload(), photos: [w.upload('householder')] }
      const { reportId } = await w.must<{ reportId: string }>('householder', 'resident', 'submitReport', payload, w.requestId())
      const duplicate = await w.task((await w.rt.store.cases.getReport(reportId))!.taskId)
      return { taskId: duplicate.id, version: duplicate.version, intoCaseNumber: original.caseNumber, reason: '同一处垃圾堆放，合并处理' }
    },
  },
  // 代报: the worker files for a resident who phoned; the phone sealed before it is written
  'resident.reportOnBehalf': {
    as: 'worker',
    creates: true,
    payload: (w) => ({ ...w.reportPayload(), photos: [w.upload('worker')], onBehalf: { name: '李秀兰', phone: '13912345678' } }),
  },
  'resident.declareOnBehalf': {
    as: 'worker',
    creates: true,
    payload: async (w) => ({ ...w.declarePayload(await w.emptyRoom(), w.newCouple()), onBehalf: { name: '李秀兰', phone: '13912345678' } }),
  },
  'resident.myPoints': { as: 'volunteer', payload: () => ({ limit: 20 }) },
  'user.leaderboard': { as: 'resident', payload: (w) => ({ communityId: w.queue.id }) },
  // the worker's grid after a case is resolved: a page of its resolved cases, their reports and photos' review
  'user.gridBoard': {
    as: 'resident',
    payload: async (w) => {
      await w.resolvedCase()
      return { gridId: w.grids.own, limit: 20 }
    },
  },
  'resident.startPatrol': {
    as: 'volunteer',
    creates: true,
    payload: async (w) => {
      await endOpenPatrol(w)
      return { location: w.reportPayload().location }
    },
  },
  'resident.checkInPatrol': { as: 'volunteer', payload: async (w) => ({ patrolId: await openPatrol(w), location: w.reportPayload().location }) },
  'resident.endPatrol': { as: 'volunteer', payload: async (w) => ({ patrolId: await openPatrol(w), location: w.reportPayload().location }) },
  'resident.listPatrols': { as: 'volunteer', payload: () => ({ limit: 20 }) },
}

/** The volunteer's open patrol, started (not counted) when there is none. */
async function openPatrol(w: World): Promise<string> {
  const open = await w.rt.store.patrols.openFor(w.people.volunteer)
  if (open) return open.id
  return (await w.must<{ id: string }>('volunteer', 'resident', 'startPatrol', { location: w.reportPayload().location }, w.requestId())).id
}

/** One patrol at a time: a counted start needs the last one ended. */
async function endOpenPatrol(w: World): Promise<void> {
  const open = await w.rt.store.patrols.openFor(w.people.volunteer)
  if (open) await w.must('volunteer', 'resident', 'endPatrol', { patrolId: open.id, location: w.reportPayload().location })
}

/** The task and version a move names. */
const ref = (c: Case) => ({ taskId: c.taskId, version: c.version })

/** A job's run over a world holding work for it, made by `prepare`, which returns the run's instant. */
export interface JobFixture { run: string; prepare(w: World): Promise<number> }

/** Runs of one batch beside each job's two runs (nothing due, 8 days on): for jobs with a batch of their own. */
export const JOB_FIXTURES: Record<string, JobFixture> = {
  // 50 households of two, each declared, verified, moved out and verified again, past retention:
  // a full batch of residents (100), each with its move-in and move-out declaration
  anonymiseExpired: {
    run: 'a full batch due (100 residents moved out)',
    prepare: async (w) => {
      for (let i = 0; i < 50; i++) await w.movedOut()
      const { retentionDays } = (await w.rt.deps()).config.declarations
      return Date.now() + (retentionDays + 1) * 86_400_000
    },
  },
  // 100 new tasks of the worker's grid, run just past the last one's accept deadline: each goes up
  // to the community. What the earlier runs escalated 8 days on has its next look after that.
  escalate: {
    run: 'a full batch due (100 tasks past their deadline)',
    prepare: async (w) => overdueBatch(w, ESCALATE_BATCH),
  },
}

/** `n` new tasks of the worker's grid, and the instant just past the last of their deadlines. */
export async function overdueBatch(w: World, n: number): Promise<number> {
  let last = 0
  for (let i = 0; i < n; i++) {
    const task = await w.task((await w.newCase()).taskId)
    last = Math.max(last, task.dueAt ?? 0)
  }
  return last + 1
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

/** The calls of one life (a report's, a declaration's), how often each is made, and why. */
export type Life = { action: string; times: number; why: string }[]

/**
 * A report's life from submission to rating: which calls, how often. The counts are
 * assumptions about use (docs/capacity.md says why each); change them here.
 */
export const REPORT_LIFE: Life = [
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
  { action: 'worker.listVerifications', times: 3, why: 'the inbox page loads its 待核查 list with the tasks each time it shows' },
  { action: 'worker.getTask', times: 2, why: 'the task page before 签收 and before 办结' },
  { action: 'worker.acceptTask', times: 1, why: '签收' },
  { action: 'worker.resolveTask', times: 1, why: '办结 with a photo' },
]

/**
 * A household's declaration from the first screen to verified, and the register once: which
 * calls, how often. The counts are assumptions about use (docs/capacity.md); change them here.
 * Nobody is asked for grants on these taps (subscriptions.ts has no declaration tap), so no
 * grant ask is counted and the declaration messages stay in the message centre.
 */
export const DECLARATION_LIFE: Life = [
  { action: 'user.me', times: 3, why: 'the declarant opens the app twice (to declare, on the 已核验 message); the register page asks who the worker is' },
  { action: 'user.myGrid', times: 2, why: "the declarant's home page shows the grid card each time" },
  { action: 'user.communityMap', times: 2, why: 'the grid card draws its community each time the app opens' },
  { action: 'user.listMessages', times: 4, why: "the unread badge on the declarant's two home visits, their message centre once (已核验), the worker's once (a new declaration)" },
  { action: 'user.markMessagesRead', times: 2, why: 'opening the message centre marks its messages read (declarant, worker)' },
  { action: 'user.listCommunities', times: 1, why: "declare/index's address picker starts from the community list (once a session)" },
  { action: 'user.nearBuildings', times: 1, why: '用当前位置查找附近楼栋' },
  { action: 'user.listBuildings', times: 1, why: "the community's buildings, units and rooms, when the nearby list is not enough or to check the room" },
  { action: 'resident.declareResidence', times: 1, why: 'the declaration: a household of two' },
  { action: 'resident.myResidence', times: 2, why: '我的居住登记: the page the form opens on after submitting, and again after the 已核验 message' },
  { action: 'worker.listInbox', times: 2, why: 'the inbox page loads its tasks with the 待核查 list each time it shows' },
  { action: 'worker.listVerifications', times: 2, why: 'the 待核查 list: finding the declaration, and back after verifying it' },
  { action: 'worker.getVerification', times: 1, why: 'the verification page' },
  { action: 'worker.revealPersonField', times: 1, why: 'one number shown whole, to compare with the card shown at the door' },
  { action: 'worker.reviewDeclaration', times: 1, why: 'approve: the household enters the register' },
  { action: 'worker.listRegister', times: 1, why: "the worker looks at the grid's register and coverage once" },
]
