import { mkdtempSync, rmSync } from 'node:fs'
import type { Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { ALL_ACTIONS } from '../../../shared/contracts'
import { ROLES, type Role } from '../../../shared/roles'
import { createHost } from '../../../cloudfunctions/local/host'
import { openLocalStack, type LocalStack } from '../../../cloudfunctions/local/stack'
import { dispatch } from '../../../cloudfunctions/app/dispatch'
import { UNLIMITED } from '../../../cloudfunctions/app/limits'
import { CONSENT } from '../../../shared/declarations/consent'
import { buildWorld, CALLERS, POINTS, RELATIONS, type Relation, type World } from './matrixWorld'
import { MORE_CELLS as MOVE_CELLS, MOVE_ROWS, refusedCall, taskAt, TASK_STAFF, type Payload, type Row } from './matrixRows'
import { NEIGHBOUR_CELLS, NEIGHBOUR_ROWS } from './neighbourRows'

// The authorization matrix: every registered action × every role × every relation of the
// record to the caller (own, same grid, other grid, same community, other community, other
// street), each cell sent through the real handlers of the local host over HTTP. The
// expectations below are written out by hand, not derived from the policy table: widening a
// rule there must make a cell here fail. A cell is "allowed" when the answer is anything but
// FORBIDDEN (a CONFLICT from a stale version still means the caller got through). The rows of
// tasks' moves between people, and the cells the relations cannot name, are in matrixRows.ts.

const ONLY_OWN = (make: (w: World, caller: string) => unknown): Payload => (w, c, r) => (r === 'own' ? make(w, c) : null)
const reportOf = (w: World, caller: string, r: Relation) => (r === 'own' ? w.ownReports[caller] : w.subjects[r])

const MATRIX: Record<string, Row> = { ...MOVE_ROWS, ...NEIGHBOUR_ROWS }
const MORE_CELLS = { ...MOVE_CELLS, ...NEIGHBOUR_CELLS }

const ALL_ROLES_OWN = Object.fromEntries(ROLES.map((r) => [r, ['own']])) as Record<Role, Relation[]>
const REPORTERS_OWN = { resident: ['own'], volunteer: ['own'] } as const

MATRIX['user.me'] = { payload: ONLY_OWN(() => ({})), allowed: ALL_ROLES_OWN }
MATRIX['user.catalogue'] = { payload: ONLY_OWN(() => ({})), allowed: ALL_ROLES_OWN }
MATRIX['user.myGrid'] = { payload: ONLY_OWN(() => ({ ...POINTS.same_grid })), allowed: ALL_ROLES_OWN }
MATRIX['user.listMessages'] = { payload: ONLY_OWN(() => ({})), allowed: ALL_ROLES_OWN }
MATRIX['user.markMessagesRead'] = { payload: ONLY_OWN((w) => ({ ids: [w.foreignMessageId] })), allowed: ALL_ROLES_OWN }
MATRIX['user.subscribeTemplates'] = { payload: ONLY_OWN(() => ({})), allowed: ALL_ROLES_OWN }
MATRIX['user.recordGrants'] = { payload: ONLY_OWN(() => ({ answers: {} })), allowed: ALL_ROLES_OWN }
MATRIX['resident.submitReport'] = {
  payload: (w, c, r) => (r === 'own' ? null : { category: 'garbage', description: '楼道里堆满了杂物', photos: [w.photos[c]], location: POINTS[r] }),
  allowed: Object.fromEntries(['resident', 'volunteer'].map((role) => [role, ['same_grid', 'other_grid', 'same_community', 'other_community', 'other_street']])),
}
MATRIX['resident.listMyReports'] = { payload: ONLY_OWN(() => ({})), allowed: REPORTERS_OWN }
MATRIX['resident.getMyReport'] = { payload: (w, c, r) => ({ reportId: reportOf(w, c, r)?.reportId ?? w.subjects.same_grid.reportId }), allowed: REPORTERS_OWN }
MATRIX['resident.rateReport'] = { payload: (w, c, r) => ({ reportId: reportOf(w, c, r)?.reportId ?? w.subjects.same_grid.reportId, stars: 5, solved: true }), allowed: REPORTERS_OWN }
// after submitting: 撤回, 补充说明, 催办 on one's own report. Allowed cells write nothing: the words are
// ones the content check refuses (CONTENT_REJECTED), and a fresh report is not yet due to be urged (CONFLICT)
const REFUSED_WORDS = '楼下有人办假证'
const ownOrOther = (w: World, c: string, r: Relation) => reportOf(w, c, r)?.reportId ?? w.subjects.same_grid.reportId
MATRIX['resident.withdrawReport'] = { payload: (w, c, r) => ({ reportId: ownOrOther(w, c, r), reason: REFUSED_WORDS }), allowed: REPORTERS_OWN }
MATRIX['resident.addReportInfo'] = { payload: (w, c, r) => ({ reportId: ownOrOther(w, c, r), text: REFUSED_WORDS, photos: [] }), allowed: REPORTERS_OWN }
MATRIX['resident.urgeReport'] = { payload: (w, c, r) => ({ reportId: ownOrOther(w, c, r) }), allowed: REPORTERS_OWN }
MATRIX['worker.listInbox'] = { payload: ONLY_OWN(() => ({})), allowed: { grid_worker: ['own'], grid_leader: ['own'] } }
// a task: its grid's staff, and the dispatchers of its area (C1's, S1's, the district's) wherever it waits
MATRIX['worker.getTask'] = { payload: (w, _c, r) => ({ taskId: taskAt(w, r).taskId }), allowed: TASK_STAFF }
// version 99 is stale on purpose: an allowed caller gets CONFLICT and nothing changes
MATRIX['worker.acceptTask'] = { payload: (w, _c, r) => ({ taskId: taskAt(w, r).taskId, version: 99 }), allowed: { grid_worker: ['own', 'same_grid'], grid_leader: ['own', 'same_grid'] } }
MATRIX['worker.resolveTask'] = {
  payload: (w, c, r) => ({ taskId: taskAt(w, r).taskId, version: 99, text: '已到现场处理完毕', photos: [w.photos[c]] }),
  // only the worker who accepted it, or the grid's leader, may resolve (办结)
  allowed: { grid_worker: ['own'], grid_leader: ['own', 'same_grid'] },
}
MATRIX['admin.listQueue'] = {
  payload: (_w, _c, r) => ({ same_community: { scope: 'community', id: 'C1' }, other_community: { scope: 'community', id: 'C2' }, other_street: { scope: 'street', id: 'S2' } } as Record<string, unknown>)[r] ?? null,
  allowed: {
    community_dispatcher: ['same_community'],
    street_dispatcher: ['same_community', 'other_community'],
    district_admin: ['same_community', 'other_community', 'other_street'],
  },
}

// The map a resident sees: anyone may look; only a resident or volunteer picks a grid of their own
MATRIX['user.listCommunities'] = { payload: ONLY_OWN(() => ({})), allowed: ALL_ROLES_OWN }
MATRIX['user.communityMap'] = { payload: ONLY_OWN(() => ({ communityId: 'C1' })), allowed: ALL_ROLES_OWN }
MATRIX['user.locatePoint'] = { payload: ONLY_OWN(() => ({ location: POINTS.same_grid })), allowed: ALL_ROLES_OWN }
// the address picker: names and room ids only, for anyone signed in
MATRIX['user.listBuildings'] = { payload: ONLY_OWN(() => ({ communityId: 'C1' })), allowed: ALL_ROLES_OWN }
MATRIX['user.setHomeGrid'] = { payload: ONLY_OWN(() => ({ gridId: 'G1' })), allowed: REPORTERS_OWN }
// a code nobody issued: a resident gets through to "no such code", staff (already bound) are refused
MATRIX['user.bindStaff'] = { payload: ONLY_OWN(() => ({ code: 'ABCD2345' })), allowed: REPORTERS_OWN }

// The map, the roster and the building registry are the district office's alone (dry runs: nothing changes)
const DISTRICT_ONLY = { district_admin: ['own'] } as const
MATRIX['admin.importGrids'] = { payload: ONLY_OWN(() => ({ geojson: JSON.stringify({ type: 'FeatureCollection', features: [] }), from: 'gcj02', apply: false })), allowed: DISTRICT_ONLY }
MATRIX['admin.importRoster'] = { payload: ONLY_OWN(() => ({ csv: '姓名,工作电话,角色,所属编码\n', apply: false })), allowed: DISTRICT_ONLY }
MATRIX['admin.importBuildings'] = { payload: ONLY_OWN(() => ({ csv: '社区编码,楼栋,房号,经度,纬度\n', apply: false })), allowed: DISTRICT_ONLY }

// Staff records by where they sit: G1's worker (C1), G3's worker (C2, same street), G4's (S2)
const STAFF_AT: Record<string, string> = { same_community: 'w_g1', other_community: 'w_g3', other_street: 'w_g4' }
const SUBSTITUTE_OF: Record<string, string> = { w_g1: 'w_g2', w_g3: 'l_g3', w_g4: 'l_g4' }
const AREA_DISPATCHERS = {
  community_dispatcher: ['same_community'],
  street_dispatcher: ['same_community', 'other_community'],
  district_admin: ['same_community', 'other_community', 'other_street'],
} as const
const staffPayload = (make: (userId: string) => unknown): Payload => (_w, _c, r) => (STAFF_AT[r] ? make(STAFF_AT[r]) : null)
MATRIX['admin.listStaff'] = {
  payload: (_w, _c, r) => ({ same_community: { communityId: 'C1' }, other_community: { communityId: 'C2' }, other_street: { streetId: 'S2' } } as Record<string, unknown>)[r] ?? null,
  allowed: AREA_DISPATCHERS,
}
MATRIX['admin.issueBindingCode'] = { payload: staffPayload((userId) => ({ userId })), allowed: AREA_DISPATCHERS }
MATRIX['admin.unbindStaff'] = { payload: staffPayload((userId) => ({ userId })), allowed: AREA_DISPATCHERS }
// a leave far in the future: it changes who covers nothing the other rows look at
const LEAVE_FROM = Date.UTC(2030, 0, 1)
MATRIX['admin.setLeave'] = {
  payload: staffPayload((userId) => ({ userId, from: LEAVE_FROM, until: LEAVE_FROM + 7 * 86_400_000, substituteId: SUBSTITUTE_OF[userId] })),
  allowed: AREA_DISPATCHERS,
}
MATRIX['admin.endLeave'] = { payload: staffPayload((userId) => ({ userId })), allowed: AREA_DISPATCHERS }
// a photo the caller uploaded (anyone else's is refused before the record is touched, as VALIDATION)
MATRIX['admin.setStaffPhoto'] = { payload: (w, c, r) => (STAFF_AT[r] ? { userId: STAFF_AT[r], photo: w.photos[c] } : null), allowed: AREA_DISPATCHERS }

// Residence declarations: a household is its declarant's alone; verification and the register are the grid's staff's
const declarationAt = (w: World, c: string, r: Relation) => (r === 'own' ? w.ownDeclarations[c] ?? null : (w.declarations as Record<string, { id: string; personId: string }>)[r] ?? null)
const GRID_STAFF_SAME_GRID = { grid_worker: ['same_grid'], grid_leader: ['same_grid'] } as const
const freshPerson = (w: World) => ({ name: '新住户', document: { idKind: 'resident', idNumber: w.nextIdNumber() }, phone: '13800000000', relation: 'self', moveInDate: '2024-01-01' })
MATRIX['user.nearBuildings'] = { payload: ONLY_OWN(() => ({ location: POINTS.same_grid })), allowed: ALL_ROLES_OWN }
MATRIX['resident.declareResidence'] = {
  payload: ONLY_OWN((w, c) => ({ roomId: w.freeRooms[c], standing: 'owner', consentVersion: CONSENT.version, persons: [freshPerson(w)] })),
  allowed: REPORTERS_OWN,
}
// version 99 is stale: the declarant gets CONFLICT, anyone else FORBIDDEN, and nothing changes
MATRIX['resident.amendDeclaration'] = {
  payload: (w, c, r) => { const d = declarationAt(w, c, r); return d && { declarationId: d.id, version: 99, standing: 'owner', consentVersion: CONSENT.version, persons: [freshPerson(w)] } },
  allowed: REPORTERS_OWN,
}
MATRIX['resident.withdrawDeclaration'] = { payload: (w, c, r) => { const d = declarationAt(w, c, r); return d && { declarationId: d.id, version: 99 } }, allowed: REPORTERS_OWN }
// own: the caller's verified household (res, vol); same_grid: another resident's household at G1
MATRIX['resident.declareMoveOut'] = {
  payload: (w, c, r) => {
    const h = r === 'own' ? (w.households as Record<string, { roomId: string; residentId: string }>)[c] : r === 'same_grid' ? w.households.res2 : undefined
    return h ? { roomId: h.roomId, residentIds: [h.residentId], moveOutDate: '2024-06-01', consentVersion: CONSENT.version } : null
  },
  allowed: REPORTERS_OWN,
}
MATRIX['resident.myResidence'] = { payload: ONLY_OWN(() => ({})), allowed: REPORTERS_OWN }
MATRIX['worker.listVerifications'] = { payload: ONLY_OWN(() => ({})), allowed: { grid_worker: ['own'], grid_leader: ['own'] } }
MATRIX['worker.getVerification'] = { payload: (w, c, r) => { const d = r === 'own' ? null : declarationAt(w, c, r); return d && { declarationId: d.id } }, allowed: GRID_STAFF_SAME_GRID }
MATRIX['worker.reviewDeclaration'] = {
  payload: (w, c, r) => { const d = r === 'own' ? null : declarationAt(w, c, r); return d && { declarationId: d.id, version: 99, decision: 'reject', reason: '矩阵测试' } },
  allowed: GRID_STAFF_SAME_GRID,
}
// an allowed reveal is real: the audit test below finds it
MATRIX['worker.revealPersonField'] = {
  payload: (w, c, r) => { const d = r === 'own' ? null : declarationAt(w, c, r); return d && { declarationId: d.id, personId: d.personId, field: 'idNumber', reason: '矩阵测试核对证件' } },
  allowed: GRID_STAFF_SAME_GRID,
}
// the register of the caller's own grid (G1) and of grids elsewhere
MATRIX['worker.listRegister'] = {
  payload: (_w, _c, r) => ({ own: { gridId: 'G1' }, other_grid: { gridId: 'G2' }, other_community: { gridId: 'G3' }, other_street: { gridId: 'G4' } } as Record<string, unknown>)[r] ?? null,
  allowed: { grid_worker: ['own'], grid_leader: ['own'] },
}
MATRIX['admin.listAudit'] = { payload: ONLY_OWN(() => ({})), allowed: DISTRICT_ONLY }

let dir: string
let stack: LocalStack
let server: Server
let base: string
let world: World
const tokens: Record<string, string> = {}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'gridlink-matrix-'))
  // abuse limits off: the world alone sends each resident past the per-minute create limit
  stack = await openLocalStack({ dataDir: dir, seed: false, limits: UNLIMITED })
  world = await buildWorld(stack, async (fn, userId, action, payload) => dispatch(stack.deps, fn, { action, payload }, await stack.deps.reference.getUser(userId)))
  server = createHost(stack, { dev: true, webDir: '/nonexistent-web-dir' })
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  for (const userId of Object.values(CALLERS)) {
    const login = await (await fetch(`${base}/api/_dev/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ userId }) })).json() as any
    tokens[userId] = login.data.token
  }
}, 60_000)
afterAll(async () => {
  await new Promise((r) => server.close(r))
  await stack.close()
  rmSync(dir, { recursive: true, force: true })
})

const send = async (fn: string, action: string, token: string, payload: unknown) =>
  (await fetch(`${base}/api/${fn}`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ action, payload }) })).json() as Promise<any>

describe('the authorization matrix', () => {
  it('has a row for every registered action, and no row for an action that does not exist', () => {
    const registered = ALL_ACTIONS.map((a) => `${a.fn}.${a.action}`).sort()
    expect(Object.keys(MATRIX).sort()).toEqual(registered)
  })

  const cells = ALL_ACTIONS.flatMap(({ fn, action }) => ROLES.flatMap((role) => RELATIONS.map((relation) => ({ fn, action, role, relation }))))
  it.each(Object.keys(MATRIX).sort())('%s: every role and relation gets what the matrix says, over HTTP', async (name) => {
    const [fn, action] = name.split('.')
    const row = MATRIX[name]
    const outcomes: string[] = []
    const expected: string[] = []
    for (const { role, relation } of cells.filter((c) => c.fn === fn && c.action === action)) {
      const caller = CALLERS[role]
      const payload = row.payload(world, caller, relation)
      if (payload === null) continue
      const res = await send(fn, action, tokens[caller], payload)
      // any error but FORBIDDEN is the caller getting through to the record (a stale version, a state)
      expect(res.ok ? res.data?.results?.[0]?.code : res.error.code).not.toBe('INTERNAL')
      const allowed = !(row.refused ?? refusedCall)(res)
      outcomes.push(`${role}/${relation}: ${allowed ? 'allowed' : 'forbidden'}`)
      expected.push(`${role}/${relation}: ${(row.allowed[role] ?? []).includes(relation) ? 'allowed' : 'forbidden'}`)
    }
    expect(outcomes.length).toBeGreaterThan(0)
    expect(outcomes).toEqual(expected)
  })

  it.each(Object.keys(MORE_CELLS))('%s: every role gets what the cell says, over HTTP', async (name) => {
    const cell = MORE_CELLS[name]
    const outcomes: string[] = []
    for (const role of ROLES) {
      const res = await send(cell.fn, cell.action, tokens[CALLERS[role]], cell.payload(world))
      expect(res.ok ? res.data?.results?.[0]?.code : res.error.code).not.toBe('INTERNAL')
      outcomes.push(`${role}: ${(cell.refused ?? refusedCall)(res) ? 'forbidden' : 'allowed'}`)
    }
    expect(outcomes).toEqual(ROLES.map((role) => `${role}: ${cell.allowed.includes(role) ? 'allowed' : 'forbidden'}`))
  })

  it("a community dispatcher cannot touch another community's queue or tasks, at their current version, and nothing of it changes", async () => {
    const c2Task = world.subjects.other_community
    const before = await stack.deps.cases.getTask(c2Task.taskId)
    const timeline = (await stack.deps.cases.listTimeline(c2Task.taskId)).length
    const current = { taskId: c2Task.taskId, version: before!.version }
    const tries: [string, string, unknown][] = [
      ['admin', 'listQueue', { scope: 'community', id: 'C2' }],
      ['admin', 'listConsole', { view: 'queue', communityId: 'C2' }],
      ['admin', 'consoleCounts', { communityId: 'C2' }],
      ['admin', 'findCase', { caseNumber: c2Task.caseNumber }],
      ['worker', 'getTask', { taskId: c2Task.taskId }],
      ['admin', 'assignTask', { ...current, gridId: 'G3' }],
      ['admin', 'superviseTask', { ...current, note: '请加快处理进度' }],
      ['worker', 'escalateTask', { ...current, reason: '需要街道协调' }],
      ['admin', 'decideExtension', { ...current, approve: false, reason: '请按原期限办结' }],
    ]
    for (const [fn, action, payload] of tries) expect(`${action}: ${(await send(fn, action, tokens.cdisp, payload)).error?.code}`).toBe(`${action}: FORBIDDEN`)
    const bulk = await send('admin', 'bulkMove', tokens.cdisp, { tasks: [current], move: { type: 'supervise', note: '请加快处理进度' } })
    expect(bulk.data).toEqual({ done: 0, failed: 1, results: [expect.objectContaining({ taskId: c2Task.taskId, ok: false, code: 'FORBIDDEN' })] })
    expect(await stack.deps.cases.getTask(c2Task.taskId)).toEqual(before)
    expect(await stack.deps.cases.listTimeline(c2Task.taskId)).toHaveLength(timeline)
  })

  it("a community dispatcher cannot assign their own queue's task to another community's grid, and it stays in the queue", async () => {
    const queued = world.subjects.same_community
    const before = await stack.deps.cases.getTask(queued.taskId)
    const res = await send('admin', 'assignTask', tokens.cdisp, { taskId: queued.taskId, version: before!.version, gridId: 'G3' })
    expect(res.error).toEqual(expect.objectContaining({ code: 'FORBIDDEN', fields: { gridId: expect.any(String) } }))
    const bulk = await send('admin', 'bulkMove', tokens.cdisp, { tasks: [{ taskId: queued.taskId, version: before!.version }], move: { type: 'assign', gridId: 'G3' } })
    expect(bulk.data.results).toEqual([expect.objectContaining({ ok: false, code: 'FORBIDDEN' })])
    expect(await stack.deps.cases.getTask(queued.taskId)).toEqual(before)
  })

  it("a community dispatcher's console lists their community's tasks and none of another community's or street's", async () => {
    const page = await send('admin', 'listConsole', tokens.cdisp, { view: 'all', limit: 50 })
    expect(page.data.nextCursor).toBeNull()
    const ids = page.data.items.map((t: { taskId: string }) => t.taskId)
    expect(ids).toEqual(expect.arrayContaining([world.subjects.same_grid.taskId, world.subjects.same_community.taskId, world.moved.atCommunity.taskId]))
    expect(ids).not.toContain(world.subjects.other_community.taskId)
    expect(ids).not.toContain(world.subjects.other_street.taskId)
    expect(page.data.area).toEqual(expect.objectContaining({ scope: 'community', id: 'C1' }))
  })

  it('a caller without a session is refused every action, whatever the payload', async () => {
    for (const { fn, action } of ALL_ACTIONS) {
      const res = await (await fetch(`${base}/api/${fn}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ action, payload: {} }) })).json() as any
      expect(res.error.code).toBe('UNAUTHENTICATED')
    }
  })

  it("only the declarant sees a household: another resident's and a volunteer's residence lists none of it, the register is the grid's", async () => {
    const res2 = await send('resident', 'myResidence', tokens.res, {})
    expect(res2.ok).toBe(true)
    const rooms = (r: any) => r.data.households.map((h: { roomId: string }) => h.roomId)
    expect(rooms(res2)).toEqual([world.households.res.roomId])
    expect(rooms(await send('resident', 'myResidence', tokens.vol, {}))).toEqual([world.households.vol.roomId])
    const register = await send('worker', 'listRegister', tokens.w_g1, { gridId: 'G1' })
    expect(register.data.items.map((p: { id: string }) => p.id)).toEqual(expect.arrayContaining([world.households.res2.residentId]))
    expect(JSON.stringify(register.data)).not.toMatch(/44030519900101\d{3}[\dX]/)
  })

  it("every allowed reveal of the matrix is in the audit log: who, whose, why; refused ones are not", async () => {
    const log = await send('admin', 'listAudit', tokens.admin, { limit: 50 })
    const entries = (log.data.items as { actorName: string; declarationId: string; reason: string }[]).filter((e) => e.reason === '矩阵测试核对证件')
    expect(entries.map((e) => `${e.actorName}:${e.declarationId}`).sort()).toEqual([`l_g1:${world.declarations.same_grid.id}`, `w_g1:${world.declarations.same_grid.id}`])
  })

  it("a reporter's follow-ups on another's report are refused and leave it as it was; on their own, the matrix's got through and wrote nothing", async () => {
    const theirs = world.subjects.same_grid
    const own = world.ownReports.res
    const [theirsBefore, ownBefore] = [await stack.deps.cases.getTask(theirs.taskId), await stack.deps.cases.getTask(own.taskId)]
    const tries: [string, Record<string, string>][] = [['withdrawReport', {}], ['addReportInfo', { text: '垃圾越来越多了' }], ['urgeReport', {}]]
    for (const [action, extra] of tries) expect(`${action}: ${(await send('resident', action, tokens.res, { reportId: theirs.reportId, ...extra })).error?.code}`).toBe(`${action}: FORBIDDEN`)
    expect(await stack.deps.cases.getTask(theirs.taskId)).toEqual(theirsBefore)
    const answers = [
      (await send('resident', 'withdrawReport', tokens.res, { reportId: own.reportId, reason: REFUSED_WORDS })).error?.code,
      (await send('resident', 'addReportInfo', tokens.res, { reportId: own.reportId, text: REFUSED_WORDS })).error?.code,
      (await send('resident', 'urgeReport', tokens.res, { reportId: own.reportId })).error?.code,
    ]
    expect(answers).toEqual(['CONTENT_REJECTED', 'CONTENT_REJECTED', 'CONFLICT'])
    expect(await stack.deps.cases.getTask(own.taskId)).toEqual(ownBefore)
  })

  it("marking another person's message read changes nothing of theirs", async () => {
    const before = await stack.deps.messages.countUnread('res2')
    await send('user', 'markMessagesRead', tokens.res, { ids: [world.foreignMessageId] })
    expect(await stack.deps.messages.countUnread('res2')).toBe(before)
  })
})
