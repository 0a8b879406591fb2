import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { ActionName, FunctionName } from '../../shared/contracts'
import type { User } from '../../shared/model'
import type { Role } from '../../shared/roles'
import { ROLES } from '../../shared/roles'
import { dispatch } from '../../cloudfunctions/app/dispatch'
import { openLocalStack, type LocalStack } from '../../cloudfunctions/local/stack'
import { samplePhoto } from '../../cloudfunctions/local/seed/samplePhoto'
import { DEMO_POINTS } from '../../cloudfunctions/local/seed/demoArea'
import { StoreWatch } from './storeSnapshot'
import { CONSENT } from '../../shared/declarations/consent'
import { checkCharacter } from '../../shared/identity/idDocuments'
import { offsetByMetres } from '../../shared/routing/geo'

// The fuzz suite's world: the seeded demo stack, one caller of each role, and the records a
// valid payload of every action names (a report of the resident's, a task in the worker's
// grid, one the worker accepted, one resolved and waiting for a rating, the callers' photos),
// and a task of its own for each move between people (issue 12), in the state that move needs,
// and a report of its own for each of the reporter's follow-ups (issue 13).

export interface World {
  stack: LocalStack
  watch: StoreWatch
  callers: Record<Role, User>
  photos: { resident: string[]; worker: string[]; admin: string[] }
  /** the resident's report, its task assigned and not yet accepted */
  assigned: { reportId: string; taskId: string; version: number }
  /** a task the grid worker accepted */
  accepted: { taskId: string; version: number }
  /** a report whose task is resolved: the resident may rate it */
  resolved: { reportId: string }
  /** a message of the grid worker's */
  messageId: string
  point: { lng: number; lat: number }
  /** the resident's pending declaration (its first person) in the worker's grid */
  declaration: { id: string; version: number; personId: string }
  /** the resident's verified household: a room and one resident of it */
  household: { roomId: string; residentId: string }
  /** an empty room of the worker's grid */
  freeRoomId: string
  /** one task per move, at the version it has now: each move is fuzzed on its own task */
  moves: MoveTasks
  /** the resident's reports for what a reporter does after submitting, one each, assigned and not yet accepted */
  followUp: { withdraw: string; addInfo: string; urge: string }
  /** issue 13: a duplicate of the worker's grid to merge into another open case (its 工单编号), and the volunteer's open patrol */
  neighbours: { merge: Ref; intoCaseNumber: string; patrolId: string }
  close(): Promise<void>
}

type Ref = { taskId: string; version: number }
export interface MoveTasks {
  /** assigned to the worker's grid: to escalate, to return, to supervise, to move in bulk */
  escalate: Ref
  return: Ref
  supervise: Ref
  bulk: Ref
  /** on the border with the neighbouring grid (DEMO_POINTS.onSharedBorder), and that grid's id */
  transfer: Ref & { toGridId: string }
  /** transferred into the worker's grid by the neighbour's worker */
  transferredIn: Ref
  /** accepted by the worker */
  extend: Ref
  /** accepted and asking for 延期: the community dispatcher decides */
  decide: Ref
  /** returned to the community dispatcher's queue: to assign */
  queued: Ref
  /** a task's 工单编号 */
  caseNumber: string
}

/** A valid payload of one action and the role that may send it. */
export interface Fixture {
  caller: Role
  valid: (w: World) => Record<string, unknown>
}

export type ActionKey = { [F in FunctionName]: `${F}.${ActionName<F>}` }[FunctionName]

// Partial so a new action reaches the suite's "every action has a fixture" test, which names it.
export const FIXTURES: Partial<Record<ActionKey, Fixture>> = {
  'user.me': { caller: 'resident', valid: () => ({}) },
  'user.catalogue': { caller: 'resident', valid: () => ({}) },
  // a dispatcher has no home grid, so the point is routed
  'user.myGrid': { caller: 'community_dispatcher', valid: (w) => ({ ...w.point }) },
  'user.listMessages': { caller: 'grid_worker', valid: () => ({ limit: 10 }) },
  'user.markMessagesRead': { caller: 'grid_worker', valid: (w) => ({ ids: [w.messageId] }) },
  'user.subscribeTemplates': { caller: 'resident', valid: () => ({}) },
  'user.recordGrants': { caller: 'resident', valid: () => ({ answers: { tmpl_report_accepted: 'accept', tmpl_report_resolved: 'reject' } }) },
  'resident.submitReport': {
    caller: 'resident',
    valid: (w) => ({ category: 'fire_escape_blocked', description: '消防通道被电动车堵住了', photos: [w.photos.resident[0]], location: { ...w.point, accuracyM: 15 }, address: '3栋2单元门口' }),
  },
  'resident.listMyReports': { caller: 'resident', valid: () => ({ limit: 10 }) },
  'resident.getMyReport': { caller: 'resident', valid: (w) => ({ reportId: w.assigned.reportId }) },
  'resident.rateReport': { caller: 'resident', valid: (w) => ({ reportId: w.resolved.reportId, stars: 4, solved: true, comment: '处理得很及时' }) },
  // after submitting, each on its own report; a fresh report is not yet due to be urged, so the urge reaches the machine's CONFLICT
  'resident.withdrawReport': { caller: 'resident', valid: (w) => ({ reportId: w.followUp.withdraw, reason: '邻居已经帮忙挪走了' }) },
  'resident.addReportInfo': { caller: 'resident', valid: (w) => ({ reportId: w.followUp.addInfo, text: '电动车还在充电，有安全隐患', photos: [w.photos.resident[1]] }) },
  'resident.urgeReport': { caller: 'resident', valid: (w) => ({ reportId: w.followUp.urge }) },
  'worker.listInbox': { caller: 'grid_worker', valid: () => ({ limit: 10 }) },
  'worker.getTask': { caller: 'grid_worker', valid: (w) => ({ taskId: w.assigned.taskId }) },
  'worker.acceptTask': { caller: 'grid_worker', valid: (w) => ({ taskId: w.assigned.taskId, version: w.assigned.version }) },
  'worker.resolveTask': {
    caller: 'grid_worker',
    valid: (w) => ({ taskId: w.accepted.taskId, version: w.accepted.version, text: '已联系物业清走电动车', photos: [w.photos.worker[0]] }),
  },
  'admin.listQueue': { caller: 'community_dispatcher', valid: (w) => ({ scope: 'community', id: w.callers.community_dispatcher.communityId, limit: 10 }) },
  'user.listCommunities': { caller: 'resident', valid: () => ({}) },
  'user.communityMap': { caller: 'resident', valid: (w) => ({ communityId: w.callers.community_dispatcher.communityId }) },
  'user.locatePoint': { caller: 'volunteer', valid: (w) => ({ location: { ...w.point } }) },
  'user.listBuildings': { caller: 'resident', valid: (w) => ({ communityId: w.callers.community_dispatcher.communityId }) },
  'user.setHomeGrid': { caller: 'resident', valid: (w) => ({ gridId: w.callers.grid_worker.gridIds[0] }) },
  'user.bindStaff': { caller: 'resident', valid: () => ({ code: 'ABCD2345' }) },
  'admin.importGrids': {
    caller: 'district_admin',
    valid: () => ({ geojson: JSON.stringify({ type: 'FeatureCollection', features: [] }), from: 'wgs84', apply: false }),
  },
  'admin.importRoster': { caller: 'district_admin', valid: () => ({ csv: '姓名,工作电话,角色,所属编码\n张三,13900000001,网格员,440304005001001\n', apply: false }) },
  'admin.importBuildings': { caller: 'district_admin', valid: (w) => ({ csv: `社区编码,楼栋,单元,房号,经度,纬度\n440304005001,3栋,1单元,301,${w.point.lng},${w.point.lat}\n`, apply: false }) },
  'admin.listStaff': { caller: 'community_dispatcher', valid: (w) => ({ communityId: w.callers.community_dispatcher.communityId, limit: 10 }) },
  'admin.issueBindingCode': { caller: 'community_dispatcher', valid: (w) => ({ userId: w.callers.grid_worker.id }) },
  'admin.unbindStaff': { caller: 'community_dispatcher', valid: (w) => ({ userId: w.callers.grid_worker.id }) },
  'admin.setLeave': {
    caller: 'district_admin',
    valid: (w) => ({ userId: w.callers.grid_worker.id, from: Date.UTC(2030, 0, 1), until: Date.UTC(2030, 0, 8), substituteId: w.callers.grid_leader.id, note: '年假' }),
  },
  'admin.endLeave': { caller: 'district_admin', valid: (w) => ({ userId: w.callers.grid_worker.id }) },
  'admin.setStaffPhoto': { caller: 'district_admin', valid: (w) => ({ userId: w.callers.grid_worker.id, photo: w.photos.admin[0] }) },
  'user.nearBuildings': { caller: 'resident', valid: (w) => ({ location: { ...w.point } }) },
  'resident.declareResidence': {
    caller: 'resident',
    valid: (w) => ({ roomId: w.freeRoomId, standing: 'tenant', consentVersion: CONSENT.version, persons: [fuzzPerson('44030519850612201')] }),
  },
  'resident.amendDeclaration': {
    caller: 'resident',
    valid: (w) => ({ declarationId: w.declaration.id, version: w.declaration.version, standing: 'owner', consentVersion: CONSENT.version, persons: [fuzzPerson('44030519790301105')] }),
  },
  'resident.withdrawDeclaration': { caller: 'resident', valid: (w) => ({ declarationId: w.declaration.id, version: w.declaration.version }) },
  'resident.declareMoveOut': {
    caller: 'resident',
    valid: (w) => ({ roomId: w.household.roomId, residentIds: [w.household.residentId], moveOutDate: '2025-06-30', consentVersion: CONSENT.version }),
  },
  'resident.myResidence': { caller: 'resident', valid: () => ({}) },
  'worker.listVerifications': { caller: 'grid_worker', valid: () => ({ limit: 10 }) },
  'worker.getVerification': { caller: 'grid_worker', valid: (w) => ({ declarationId: w.declaration.id }) },
  'worker.reviewDeclaration': { caller: 'grid_worker', valid: (w) => ({ declarationId: w.declaration.id, version: w.declaration.version, decision: 'ask_more', reason: '请补充租赁合同' }) },
  'worker.revealPersonField': { caller: 'grid_worker', valid: (w) => ({ declarationId: w.declaration.id, personId: w.declaration.personId, field: 'phone', reason: '电话联系住户核实' }) },
  'worker.listRegister': { caller: 'grid_worker', valid: () => ({ limit: 10 }) },
  'admin.listAudit': { caller: 'district_admin', valid: () => ({ limit: 10 }) },
  // the moves between people: each on its own task, so one that succeeds leaves the others' to fuzz
  'worker.escalateTask': { caller: 'grid_worker', valid: (w) => ({ ...w.moves.escalate, reason: '需要社区协调处理' }) },
  'worker.transferTask': { caller: 'grid_worker', valid: (w) => ({ ...w.moves.transfer, reason: '问题位置在相邻网格一侧' }) },
  'worker.refuseTransfer': { caller: 'grid_worker', valid: (w) => ({ ...w.moves.transferredIn, reason: '不在本网格范围' }) },
  'worker.returnTask': { caller: 'grid_worker', valid: (w) => ({ ...w.moves.return, reason: '不属于网格处理范围' }) },
  'worker.requestExtension': { caller: 'grid_worker', valid: (w) => ({ ...w.moves.extend, days: 3, reason: '需要等配件到货' }) },
  'admin.listConsole': { caller: 'community_dispatcher', valid: () => ({ view: 'all', level: 'grid', limit: 10 }) },
  'admin.consoleCounts': { caller: 'community_dispatcher', valid: (w) => ({ communityId: w.callers.community_dispatcher.communityId }) },
  'admin.findCase': { caller: 'community_dispatcher', valid: (w) => ({ caseNumber: w.moves.caseNumber }) },
  'admin.assignTask': { caller: 'community_dispatcher', valid: (w) => ({ ...w.moves.queued, gridId: w.callers.grid_worker.gridIds[0], assigneeId: w.callers.grid_worker.id }) },
  'admin.decideExtension': { caller: 'community_dispatcher', valid: (w) => ({ ...w.moves.decide, approve: false, reason: '请按原期限办结' }) },
  'admin.superviseTask': { caller: 'community_dispatcher', valid: (w) => ({ ...w.moves.supervise, note: '请加快处理进度' }) },
  'admin.bulkMove': {
    caller: 'community_dispatcher',
    valid: (w) => ({ tasks: [w.moves.bulk, w.moves.supervise], move: { type: 'supervise', note: '请加快处理进度' } }),
  },
  // issue 13: "me too", merging, 代报, volunteers' points and patrols, the public board
  'resident.nearbyReports': { caller: 'volunteer', valid: (w) => ({ category: 'fire_escape_blocked', location: { ...w.point } }) },
  'resident.joinReport': { caller: 'volunteer', valid: (w) => ({ reportId: w.assigned.reportId, location: { ...w.point } }) },
  'worker.mergeReports': { caller: 'grid_worker', valid: (w) => ({ ...w.neighbours.merge, intoCaseNumber: w.neighbours.intoCaseNumber, reason: '同一处消防通道堵塞' }) },
  'resident.reportOnBehalf': {
    caller: 'grid_worker',
    valid: (w) => ({
      category: 'fire_escape_blocked', description: '居民来电：消防通道被电动车堵住了', photos: [w.photos.worker[0]], location: { ...w.point }, address: '3栋2单元门口',
      onBehalf: { name: '李阿姨', phone: '13912345678' },
    }),
  },
  'resident.declareOnBehalf': {
    caller: 'grid_worker',
    valid: (w) => ({ roomId: w.freeRoomId, standing: 'tenant', consentVersion: CONSENT.version, persons: [fuzzPerson('44030519881120203')], onBehalf: { name: '林小雨', phone: '13712345678' } }),
  },
  'resident.myPoints': { caller: 'volunteer', valid: () => ({ limit: 10 }) },
  'resident.startPatrol': { caller: 'volunteer', valid: (w) => ({ location: { ...w.point } }) },
  'resident.checkInPatrol': { caller: 'volunteer', valid: (w) => ({ patrolId: w.neighbours.patrolId, location: { ...w.point } }) },
  'resident.endPatrol': { caller: 'volunteer', valid: (w) => ({ patrolId: w.neighbours.patrolId, location: { ...w.point } }) },
  'resident.listPatrols': { caller: 'volunteer', valid: () => ({ limit: 10 }) },
  'user.leaderboard': { caller: 'resident', valid: (w) => ({ communityId: w.callers.community_dispatcher.communityId }) },
  'user.gridBoard': { caller: 'resident', valid: (w) => ({ gridId: w.callers.grid_worker.gridIds[0], limit: 10 }) },
}

/** A person of a valid declaration: a resident ID with its check character, relation 本人. */
function fuzzPerson(body17: string) {
  return { name: '林小雨', document: { idKind: 'resident', idNumber: body17 + checkCharacter(body17) }, phone: '13712345678', relation: 'self', moveInDate: '2024-05-01' }
}

const DEMO_IDS: Record<Role, string> = {
  resident: 'u_resident_1', volunteer: 'u_volunteer_1', grid_worker: 'u_worker_1', grid_leader: 'u_leader_1',
  community_dispatcher: 'u_cdisp_1', street_dispatcher: 'u_sdisp_1', district_admin: 'u_admin_1',
}

export async function openFuzzWorld(): Promise<World> {
  const dir = mkdtempSync(join(tmpdir(), 'gridlink-fuzz-'))
  const stack = await openLocalStack({ dataDir: dir, seed: true })
  const user = async (id: string) => (await stack.store.reference.getUser(id)) ?? broken(`no demo user ${id}`)
  const call = async (fn: string, caller: User, action: string, payload: unknown) => {
    const answer = await dispatch(stack.deps, fn, { action, payload }, caller)
    return answer.ok ? (answer.data as any) : broken(`${fn}.${action} while building the world: ${JSON.stringify(answer.error)}`)
  }
  const upload = async (owner: User) => {
    const saved = await stack.files.saveFile(owner.id, 'image/png', samplePhoto([200, 80, 60], 16))
    return 'error' in saved ? broken(saved.error) : saved.id
  }

  const resident = await user(DEMO_IDS.resident)
  const point = { ...DEMO_POINTS.insideClear.point }
  const photos = { resident: [await upload(resident), await upload(resident)], worker: [] as string[], admin: [await upload(await user(DEMO_IDS.district_admin))] }
  const submit = () => call('resident', resident, 'submitReport', { category: 'fire_escape_blocked', description: '消防通道被电动车堵住了', photos: [photos.resident[0]], location: point })
  const first = await submit()
  // the grid the demo point routes to decides who the grid staff callers are
  const grid = (await stack.store.reference.getGrid(first.gridId)) ?? broken(`no grid ${first.gridId}`)
  const worker = await user(grid.workerIds[0])
  const callers = { ...Object.fromEntries(await Promise.all(ROLES.map(async (r) => [r, await user(DEMO_IDS[r])]))), grid_worker: worker, grid_leader: await user(grid.leaderId!) } as Record<Role, User>
  photos.worker.push(await upload(worker), await upload(worker))

  const firstTask = (await stack.store.cases.getReport(first.reportId))!.taskId
  const second = await submit()
  const secondTask = (await stack.store.cases.getReport(second.reportId))!.taskId
  const accepted = await call('worker', worker, 'acceptTask', { taskId: secondTask, version: 1 })
  const third = await submit()
  const thirdTask = (await stack.store.cases.getReport(third.reportId))!.taskId
  const thirdAccepted = await call('worker', worker, 'acceptTask', { taskId: thirdTask, version: 1 })
  await call('worker', worker, 'resolveTask', { taskId: thirdTask, version: thirdAccepted.version, text: '已联系物业清走电动车', photos: [photos.worker[1]] })
  const messages = await stack.store.messages.listMessages(worker.id, { limit: 1 })

  // two rooms of the worker's grid the demo seed left empty: a household verified in one, a declaration pending in the other
  const occupied = new Set((await stack.deps.declarations.listRegister({ gridId: grid.id, movedOut: false }, { limit: 50 })).items.map((r) => r.roomId))
  const free = (await stack.deps.buildings.listBuildings({ gridId: grid.id })).flatMap((b) => b.rooms.map((r) => r.id)).filter((id) => !occupied.has(id)).reverse()
  const declare = (roomId: string, body17: string) =>
    call('resident', resident, 'declareResidence', { roomId, standing: 'owner', consentVersion: CONSENT.version, persons: [{ ...fuzzPerson(body17), name: '周建华' }] })
  const verified = await declare(free[0], '44030519700815303')
  await call('worker', worker, 'reviewDeclaration', { declarationId: verified.id, version: verified.version, decision: 'approve' })
  const pending = await declare(free[1], '44030519920229101')

  const moves = await moveTasks(stack, call, submit, callers, photos.resident[1])
  // a minute apart, as moveTasks paces its reports, for the per-minute create limit
  const pacedReport = async () => (stack.clock.advance(1), (await submit()).reportId as string)
  const followUp = { withdraw: await pacedReport(), addInfo: await pacedReport(), urge: await pacedReport() }
  const taskRef = async (reportId: string) => {
    const task = (await stack.store.cases.getTask((await stack.store.cases.getReport(reportId))!.taskId)) ?? broken(`no task of ${reportId}`)
    return { taskId: task.id, version: task.version, caseNumber: task.caseNumber }
  }
  const duplicate = await taskRef(await pacedReport())
  const original = await taskRef(await pacedReport())
  const patrol = await call('resident', callers.volunteer, 'startPatrol', { location: point })
  const neighbours = { merge: { taskId: duplicate.taskId, version: duplicate.version }, intoCaseNumber: original.caseNumber, patrolId: patrol.id as string }

  const watch = new StoreWatch(join(dir, 'gridlink.sqlite'))
  return {
    stack, watch, callers, photos, point,
    assigned: { reportId: first.reportId, taskId: firstTask, version: 1 },
    accepted: { taskId: secondTask, version: accepted.version },
    resolved: { reportId: third.reportId },
    messageId: messages.items[0]?.id ?? broken('the worker has no message'),
    declaration: { id: pending.id, version: pending.version, personId: pending.persons[0].id },
    household: { roomId: free[0], residentId: verified.persons[0].id },
    freeRoomId: free[2] ?? broken('no third empty room in the worker grid'),
    moves,
    followUp,
    neighbours,
    async close() {
      watch.close()
      await stack.close()
      rmSync(dir, { recursive: true, force: true })
    },
  }
}

type Call = (fn: string, caller: User, action: string, payload: unknown) => Promise<any>

/** A task for each move, made through the real actions so each is in a state the workflow reaches. */
async function moveTasks(stack: LocalStack, call: Call, submit: () => Promise<any>, callers: Record<Role, User>, photo: string): Promise<MoveTasks> {
  const worker = callers.grid_worker
  const taskOf = async (reportId: string): Promise<Ref> => {
    const task = (await stack.store.cases.getTask((await stack.store.cases.getReport(reportId))!.taskId)) ?? broken(`no task of ${reportId}`)
    return { taskId: task.id, version: task.version }
  }
  // a minute between the resident's reports: the world makes more of them than the per-minute create limit allows
  const paced = <T>(create: () => Promise<T>) => (stack.clock.advance(1), create())
  const fresh = async () => taskOf((await paced(submit)).reportId)
  const moved = async (ref: Ref, by: User, fn: string, action: string, payload: Record<string, unknown> = {}) => {
    const after = await call(fn, by, action, { ...ref, ...payload })
    return { taskId: ref.taskId, version: after.version as number }
  }
  const report = async (location: { lng: number; lat: number }) =>
    taskOf((await paced(() => call('resident', callers.resident, 'submitReport', { category: 'fire_escape_blocked', description: '消防通道被电动车堵住了', photos: [photo], location }))).reportId)

  const border = DEMO_POINTS.onSharedBorder
  const neighbourId = border.expected.neighbourGridIds[0]
  const neighbour = (await stack.store.reference.getGrid(neighbourId)) ?? broken(`no grid ${neighbourId}`)
  const neighbourWorker = (await stack.store.reference.getUser(neighbour.workerIds[0])) ?? broken(`no worker of ${neighbourId}`)
  // 10 m east of the shared border: inside the neighbour's grid, flagged with the worker's
  const transferredIn = await moved(await report(offsetByMetres(border.point, 10, 0)), neighbourWorker, 'worker', 'transferTask', { toGridId: worker.gridIds[0], reason: '问题位置在相邻网格一侧' })
  const accepted = async () => moved(await fresh(), worker, 'worker', 'acceptTask')
  const decide = await moved(await accepted(), worker, 'worker', 'requestExtension', { days: 2, reason: '需要等配件到货' })
  const queued = await moved(await fresh(), worker, 'worker', 'returnTask', { reason: '不属于网格处理范围' })
  const caseNumber = (await stack.store.cases.getTask(queued.taskId))!.caseNumber
  return {
    escalate: await fresh(), return: await fresh(), supervise: await fresh(), bulk: await fresh(),
    transfer: { ...(await report(border.point)), toGridId: neighbourId },
    transferredIn, extend: await accepted(), decide, queued, caseNumber,
  }
}

function broken(why: string): never {
  throw new Error(why)
}
