import { join } from 'node:path'
import Database from 'better-sqlite3'
import { CONSENT } from '../../../shared/declarations/consent'
import { insidePoint, openTestStack, OTHER_RESIDENT, RESIDENT, type TestStack } from '../harness'
import { declareOnBehalf } from '../../../cloudfunctions/app/declarations/declareOnBehalf'
import { anonymiseExpired } from '../../../cloudfunctions/app/jobs/anonymiseExpired'
import { couple, person, threeRooms } from './declareFixtures'

// 代报 / 代申报: a volunteer or a grid worker files for a resident who phoned or walked in.
// The resident's name and phone reach the staff handling the case whole, the filer masked,
// and nobody else; they never land in the timeline, the messages, "me too" or the board, and
// the phone is stored sealed.

// a seeded stack per test: its opening alone can pass jest's 5 s on two busy cores
jest.setTimeout(60_000)
let t: TestStack
beforeEach(async () => { t = await openTestStack() })
afterEach(() => t.close())

const VOLUNTEER = 'u_volunteer_1'
const W1 = 'u_worker_1' // 莲花一村社区第1网格, which holds reports from the clear inside point
const W2 = 'u_worker_2' // the next grid of the same community: not the handling grid
const CDISP = 'u_cdisp_1' // 莲花一村社区's dispatcher
const CALLER = { name: '孙桂芳', phone: '13912345678' }

async function fileFor(filer: string, onBehalf = CALLER, requestId?: string) {
  const photo = await t.upload(filer)
  return t.call('resident', filer, 'reportOnBehalf', { category: 'garbage', description: '居民来电：楼下垃圾桶满了', photos: [photo], location: insidePoint(), onBehalf }, requestId)
}
const reportOf = async (reportId: string) => (await t.stack.deps.cases.getReport(reportId))!
const byPerson = (text: string) => [CALLER.name, CALLER.phone].filter((s) => text.includes(s))

describe('a report filed on behalf (代报)', () => {
  it('by a volunteer: the handling worker and the area dispatcher see the resident whole, the filer masked, nobody else at all', async () => {
    const filed = await fileFor(VOLUNTEER)
    expect(filed.ok).toBe(true)
    expect(filed.data).toMatchObject({ gridId: 'g-lianhua1-1', status: 'assigned' })
    const report = await reportOf(filed.data.reportId)
    expect(report).toMatchObject({ reporterId: VOLUNTEER, onBehalf: { name: CALLER.name, byId: VOLUNTEER, byRole: 'volunteer', phone: { masked: '139****5678' } } })
    expect(report.onBehalf!.phone.token).not.toContain(CALLER.phone)

    const forWorker = await t.call('worker', W1, 'getTask', { taskId: report.taskId })
    expect(forWorker.data.onBehalf).toEqual({ name: CALLER.name, phone: CALLER.phone, byName: expect.any(String), byRoleName: '志愿者' })
    const forDispatcher = await t.call('worker', CDISP, 'getTask', { taskId: report.taskId })
    expect(forDispatcher.data.onBehalf).toMatchObject({ name: CALLER.name, phone: CALLER.phone })

    const forFiler = await t.call('resident', VOLUNTEER, 'getMyReport', { reportId: report.id })
    expect(forFiler.data.onBehalf).toEqual({ nameMasked: '孙*芳', phoneMasked: '139****5678' })
    expect(byPerson(JSON.stringify(forFiler.data))).toEqual([])

    expect((await t.call('resident', OTHER_RESIDENT, 'getMyReport', { reportId: report.id })).error.code).toBe('FORBIDDEN')
    expect((await t.call('worker', 'u_worker_3', 'getTask', { taskId: report.taskId })).error.code).toBe('FORBIDDEN')
    expect((await t.call('worker', W2, 'getTask', { taskId: report.taskId })).error.code).toBe('FORBIDDEN')
  })

  it('says it was filed on behalf in the timeline and the messages, without the resident in them, nor in "me too" or the board', async () => {
    const filed = await fileFor(VOLUNTEER)
    const report = await reportOf(filed.data.reportId)
    const volunteer = (await t.stack.deps.reference.getUser(VOLUNTEER))!

    const timeline = await t.stack.deps.cases.listTimeline(report.taskId)
    expect(timeline[0]).toMatchObject({ action: 'submit', actorName: `志愿者 ${volunteer.name}`, text: '代居民反映「垃圾堆放」问题' })
    const task = await t.call('worker', W1, 'getTask', { taskId: report.taskId })
    expect(byPerson(JSON.stringify(timeline))).toEqual([])
    expect(byPerson(JSON.stringify(task.data.timeline))).toEqual([])

    const messages = (await t.call('user', W1, 'listMessages', { limit: 50 })).data.items.filter((m: { taskId?: string }) => m.taskId === report.taskId)
    expect(messages).toEqual([expect.objectContaining({ kind: 'task_assigned', title: '新任务：垃圾堆放（代报）' })])
    expect(byPerson(JSON.stringify(messages))).toEqual([])
    expect(byPerson(report.description)).toEqual([])

    const nearby = await t.call('resident', OTHER_RESIDENT, 'nearbyReports', { category: 'garbage', location: insidePoint() })
    expect(nearby.ok).toBe(true)
    expect(nearby.data.map((n: { reportId: string }) => n.reportId)).toContain(report.id)
    expect(byPerson(JSON.stringify(nearby.data))).toEqual([])

    const accepted = await t.call('worker', W1, 'acceptTask', { taskId: report.taskId, version: task.data.version })
    const resolved = await t.call('worker', W1, 'resolveTask', { taskId: report.taskId, version: accepted.data.version, text: '已联系保洁清运', photos: [await t.upload(W1)] })
    expect(resolved.data.status).toBe('resolved')
    const board = await t.call('user', OTHER_RESIDENT, 'gridBoard', { gridId: 'g-lianhua1-1' })
    expect(board.data.items.map((c: { caseNumber: string }) => c.caseNumber)).toContain(report.caseNumber)
    expect(byPerson(JSON.stringify(board.data))).toEqual([])
  })

  it('by a grid worker of another grid: routed by place, and the filer sees no more of the contact than anyone outside the handling grid', async () => {
    const filed = await fileFor(W2)
    expect(filed.ok).toBe(true)
    const report = await reportOf(filed.data.reportId)
    expect(report.onBehalf).toMatchObject({ byId: W2, byRole: 'grid_worker', name: CALLER.name })
    const forWorker = await t.call('worker', W1, 'getTask', { taskId: report.taskId })
    expect(forWorker.data.onBehalf).toMatchObject({ name: CALLER.name, phone: CALLER.phone, byRoleName: '网格员' })
    expect((await t.call('worker', W2, 'getTask', { taskId: report.taskId })).error.code).toBe('FORBIDDEN')
  })

  it('is refused to a resident, makes one report for one requestId, and names a bad phone', async () => {
    const resident = await fileFor(RESIDENT)
    expect(resident.error.code).toBe('FORBIDDEN')

    const first = await fileFor(VOLUNTEER, CALLER, 'req-ob-1')
    const again = await fileFor(VOLUNTEER, CALLER, 'req-ob-1')
    expect(again.data.reportId).toBe(first.data.reportId)
    const mine = await t.call('resident', VOLUNTEER, 'listMyReports', { limit: 50 })
    expect(mine.data.items.filter((r: { reportId: string }) => r.reportId === first.data.reportId)).toHaveLength(1)
    // submitReport keys its own requests: the same requestId there is another report
    const own = await t.call('resident', VOLUNTEER, 'submitReport', { category: 'garbage', description: '我自己看到的垃圾', photos: [await t.upload(VOLUNTEER)], location: insidePoint() }, 'req-ob-1')
    expect(own.data.reportId).not.toBe(first.data.reportId)

    const before = (await t.call('resident', VOLUNTEER, 'listMyReports', { limit: 50 })).data.items.length
    const bad = await fileFor(VOLUNTEER, { name: CALLER.name, phone: '12345' })
    expect(bad.error).toMatchObject({ code: 'VALIDATION', fields: { 'onBehalf.phone': expect.stringContaining('居民联系电话') } })
    expect((await t.call('resident', VOLUNTEER, 'listMyReports', { limit: 50 })).data.items).toHaveLength(before)
  })
})

describe('a declaration filed on behalf (代申报)', () => {
  it('by a grid worker: the verifier sees the resident whole, the filer masked, and the stored phone is sealed', async () => {
    const { a } = await threeRooms(t)
    const filer = a.workerId === W2 ? W1 : W2
    const made = await t.call('resident', filer, 'declareOnBehalf', { roomId: a.roomId, standing: 'owner', persons: couple(701), consentVersion: CONSENT.version, onBehalf: CALLER }, 'req-dob-1')
    expect(made.ok).toBe(true)
    expect(made.data.onBehalf).toEqual({ nameMasked: '孙*芳', phoneMasked: '139****5678' })
    expect(made.data.history).toEqual([expect.objectContaining({ actionName: '提交申报', note: '代申报' })])
    expect(byPerson(JSON.stringify(made.data))).toEqual([])
    const again = await t.call('resident', filer, 'declareOnBehalf', { roomId: a.roomId, standing: 'owner', persons: couple(701), consentVersion: CONSENT.version, onBehalf: CALLER }, 'req-dob-1')
    expect(again.data.id).toBe(made.data.id)

    const detail = await t.call('worker', a.workerId, 'getVerification', { declarationId: made.data.id })
    expect(detail.data.onBehalf).toEqual({ name: CALLER.name, phone: CALLER.phone, byName: expect.any(String), byRoleName: '网格员' })
    expect(detail.data.history[0].note).toBe('代申报')

    const db = new Database(join(t.dataDir, 'gridlink.sqlite'), { readonly: true })
    const row = db.prepare('SELECT * FROM declarations WHERE id = ?').get(made.data.id)
    db.close()
    expect(JSON.stringify(row)).toContain(CALLER.name)
    expect(JSON.stringify(row)).not.toContain(CALLER.phone)
    expect(JSON.stringify(row)).not.toContain(CALLER.phone.slice(3))
  })

  it('is re-checked against the host\'s clock, onBehalf included in the form it checks', async () => {
    const { a } = await threeRooms(t)
    const caller = (await t.stack.deps.reference.getUser(VOLUNTEER))!
    const today = new Date(t.stack.clock.now() + 8 * 3_600_000).toISOString().slice(0, 10)
    const yearAgo = { now: () => t.stack.clock.now() - 366 * 86_400_000 }
    const input = { roomId: a.roomId, standing: 'owner', persons: [person(711, '张晓明', { moveInDate: today })], consentVersion: CONSENT.version, onBehalf: CALLER } as any
    const late = await declareOnBehalf({ ...t.stack.deps, clock: yearAgo }, caller, input, undefined)
    expect(!late.ok && late.error.fields).toEqual({ 'persons.0.moveInDate': '入住日期不能晚于今天' })
    const badPhone = await declareOnBehalf(t.stack.deps, caller, { ...input, onBehalf: { name: CALLER.name, phone: '12345' } }, undefined)
    expect(!badPhone.ok && badPhone.error).toMatchObject({ code: 'VALIDATION', fields: { 'onBehalf.phone': expect.stringContaining('居民联系电话') } })
    expect(await t.stack.deps.declarations.roomResidents(a.roomId)).toEqual([])
    const mine = (await t.call('resident', VOLUNTEER, 'myResidence', {})).data.declarations
    expect(mine.filter((d: { roomId: string }) => d.roomId === a.roomId)).toEqual([])
  })

  it('loses the resident with its people when retention anonymises it', async () => {
    const { a } = await threeRooms(t)
    const made = await t.call('resident', VOLUNTEER, 'declareOnBehalf', { roomId: a.roomId, standing: 'owner', persons: couple(731), consentVersion: CONSENT.version, onBehalf: CALLER })
    expect(made.ok).toBe(true)
    const rejected = await t.call('worker', a.workerId, 'reviewDeclaration', { declarationId: made.data.id, version: 1, decision: 'reject', reason: '上门核实无此人居住' })
    expect(rejected.ok).toBe(true)
    const now = t.stack.clock.now() + (t.stack.deps.config.declarations.retentionDays + 1) * 86_400_000
    let run = await anonymiseExpired(t.stack.deps, now)
    while (run.more) run = await anonymiseExpired(t.stack.deps, now)
    const stored = (await t.stack.deps.declarations.get(made.data.id))!
    expect(stored.anonymisedAt).toBe(now)
    expect(stored.onBehalf).toBeUndefined()
    expect(byPerson(JSON.stringify(stored))).toEqual([])
    expect(stored.history[0].note).toBe('代申报')
  })

  it('is refused to a resident', async () => {
    const { a } = await threeRooms(t)
    const res = await t.call('resident', RESIDENT, 'declareOnBehalf', { roomId: a.roomId, standing: 'owner', persons: couple(721), consentVersion: CONSENT.version, onBehalf: CALLER })
    expect(res.error.code).toBe('FORBIDDEN')
  })
})
