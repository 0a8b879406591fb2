import type { ApiResponse } from '../../shared/schemas/envelope'
import type { LngLat } from '../../shared/model'
import { grantId } from '../../cloudfunctions/adapters/cloudbase/grants'
import { upsertReference } from '../../cloudfunctions/adapters/cloudbase/reference'
import { openRuntime, type CloudbaseRuntime } from '../../cloudfunctions/adapters/cloudbase/runtime'
import { loadCloudbaseSettings } from '../../cloudfunctions/adapters/cloudbase/settings'
import { MESSAGE_KINDS, type Templates } from '../../cloudfunctions/adapters/cloudbase/templates'
import { COLLECTIONS } from '../../cloudfunctions/adapters/cloudbase/docs'
import { dispatch } from '../../cloudfunctions/app/dispatch'
import { DEMO_COMMUNITIES, DEMO_GRIDS, DEMO_POINTS, DEMO_STREET } from '../../cloudfunctions/local/seed/demoArea'
import { demoBuildingsCsv } from '../../cloudfunctions/local/seed/demoBuildings'
import { demoPeople } from '../../cloudfunctions/local/seed/people'
import type { DeclarationView, VerificationDetail } from '../../shared/api'
import { CONSENT } from '../../shared/declarations/consent'
import { shanghaiToday } from '../../shared/identity/calendarDate'
import { couple, person, type PersonPayload } from '../../tests/functions/app/declareFixtures'
import { CaptureServer, errorReply, wxReply, type CapturedRequest } from '../../tests/functions/cloudbase/captureServer'
import { sdkEnv, TEST_ENV_ID } from '../../tests/functions/cloudbase/sdkEnv'
import { WireDb } from '../../tests/functions/cloudbase/wireDb'

// The CloudBase functions as deployed — openRuntime with the SDKs pointed (TOOLCHAIN.md's
// env vars) at a capture server that the wire database answers — over the demo street,
// with every message kind configured for subscription messages. It counts, at the wire,
// what each call costs: database reads, writes and transaction requests, open-API calls.

/**
 * newcomer: a WeChat account seen for the first time (a resident record is made on its first call);
 * householder: a resident whose household of two the worker has verified;
 * dispatcher: the community dispatcher of the queue's community (新田, where far-off reports wait);
 * areaDispatcher: the community dispatcher of the worker's own community (莲花一村), who assigns,
 * supervises and decides extensions of the worker's tasks; neighbour: the worker of the grid
 * across the border from the worker's (田面第1网格), who receives a transfer
 */
export type Who = 'resident' | 'worker' | 'dispatcher' | 'areaDispatcher' | 'neighbour' | 'admin' | 'newcomer' | 'householder' | 'volunteer'
export interface Case { reportId: string; taskId: string; version: number }
/** A room of the worker's grid whose household the worker verified, and who lives there. */
export interface Household { roomId: string; residentIds: string[] }

export interface Tally {
  reads: number
  writes: number
  /** startTransaction, commitTransaction, abortTransaction */
  transactions: number
  openApi: number
  /** open-API calls by API name */
  apis: Record<string, number>
  storage: number
  /** database error codes answered (a conflict, or WIRE_DB_UNSUPPORTED for a query the fake does not model) */
  dbErrors: string[]
}

/** Templates for every message kind, so every message that can be pushed is. */
const TEMPLATES: Templates = Object.fromEntries(MESSAGE_KINDS.map((kind) => [kind, { id: `tpl-${kind}-000000`, fields: { thing1: 'title', thing2: 'body', time3: 'time' } }]))
const GRID = DEMO_POINTS.insideClear.expected.gridId as string
const QUEUE_COMMUNITY = DEMO_POINTS.farInCommunity.expected.communityId as string
/** the grid a report on the shared border may be transferred to, one tap from the worker's */
const NEIGHBOUR_GRID = DEMO_POINTS.onSharedBorder.expected.neighbourGridIds[0]
/** A field key ring for the bench only (app/privacy/keyRing.ts): declarations seal IDs and phones with it. */
const FIELD_KEYS = 'bench1:6b1f0c9e24d87a35f0e2c4b96d17a8e3f5c20b7d49e61a8c3f0d25b7e94c1a60'
/**
 * Abuse limits cost the same requests whatever their size (an increment and a read per rule):
 * the per-person ones are raised so the world can make, through the use cases, more
 * declarations a minute than a person may (the retention job's batch of 100), and more reports
 * a day (the escalation bench's hundreds of overdue tasks and its bulk move of 500).
 */
const RATE_LIMITS = { createsPerPersonMinute: { limit: 100_000, windowMs: 60_000 }, createsPerPersonDay: { limit: 100_000, windowMs: 86_400_000 } }
/** the register's buildings: four of 24 rooms in the worker's grid, about 30 m apart */
const BUILDING_POINTS: LngLat[] = [0, 1, 2, 3].map((k) => ({ lng: DEMO_POINTS.insideClear.point.lng + (k % 2) * 0.0003, lat: DEMO_POINTS.insideClear.point.lat + Math.floor(k / 2) * 0.0003 }))
/** residents whose households the worker verified before the run: the register's first page */
const REGISTERED = ['u_resident_4', 'u_resident_5', 'u_resident_6', 'u_resident_7', 'u_resident_8']

/** WeChat's answers: text passes, photos get a trace id, messages are delivered. */
let traces = 0
function openApi(req: CapturedRequest) {
  if (req.action !== 'wx.openApi') return undefined
  switch (req.openapi?.api) {
    case 'security.msgSecCheck':
      return wxReply({ result: { suggest: 'pass', label: 100 } })
    case 'security.mediaCheckAsync':
      return wxReply({ trace_id: `trace-${++traces}` })
    case 'subscribeMessage.send':
      return wxReply({})
    default:
      return errorReply('WIRE_UNKNOWN_OPENAPI', `no answer for ${req.openapi?.api}`)
  }
}

export class World {
  readonly people: Record<Who, string>
  /** what loading the use cases' dependencies cost: once per container, at its first invocation */
  coldStart: Tally | null = null
  private uploads = 0
  private requests = 0
  /** people declared so far: each gets an ID number of their own */
  private declaredPeople = 0
  private readonly usedRooms = new Set<string>()
  private household: Household | null = null
  private moves = 0

  private constructor(readonly server: CaptureServer, readonly db: WireDb, readonly rt: CloudbaseRuntime, people: Record<Who, string>, private readonly restore: () => void) {
    this.people = people
  }

  /** Starts the server, points the SDKs at it, seeds the demo street. `close()` undoes it all. */
  static async open(): Promise<World> {
    const server = await CaptureServer.start()
    const db = new WireDb()
    server.respond(db.responder).respond(openApi)
    const saved = Object.entries(sdkEnv(server)).map(([k, v]) => {
      const before = process.env[k]
      process.env[k] = v
      return [k, before] as const
    })
    const restore = () => saved.forEach(([k, v]) => (v === undefined ? delete process.env[k] : (process.env[k] = v)))
    try {
      return await World.build(server, db, restore)
    } catch (err) {
      restore()
      await server.close()
      throw err
    }
  }

  private static async build(server: CaptureServer, db: WireDb, restore: () => void): Promise<World> {
    const rt = openRuntime(loadCloudbaseSettings({
      ...process.env,
      GRIDLINK_SUBSCRIBE_TEMPLATES: JSON.stringify(TEMPLATES),
      GRIDLINK_FIELD_KEYS: FIELD_KEYS,
      GRIDLINK_RATE_LIMITS: JSON.stringify(RATE_LIMITS),
      // the escalate job's pacing spaces its moves in time and changes none of its requests: off, to count quickly
      GRIDLINK_ESCALATE_GAP_MS: '0',
    }))
    const { users, staff, dispatchers } = demoPeople(DEMO_STREET.id, DEMO_COMMUNITIES, DEMO_GRIDS)
    const grids = DEMO_GRIDS.map((g) => ({ ...g, workerIds: [staff.get(g.id)!.workerId], leaderId: staff.get(g.id)!.leaderId }))
    const communities = DEMO_COMMUNITIES.map((c) => ({ ...c, dispatcherIds: [dispatchers.get(c.id)!] }))
    await upsertReference(rt.store.db, { streets: [DEMO_STREET], communities, grids, users, files: [] })
    const sdb = rt.store.db
    for (const u of users) {
      // the identity a first call or a staff binding leaves: openid → user, and the openid on the user for pushes
      await sdb.collection(COLLECTIONS.identities).doc(`o_${u.id}`).set({ userId: u.id, createdAt: Date.now() })
      await sdb.collection(COLLECTIONS.users).doc(u.id).update({ openid: `o_${u.id}` })
      // staff granted their messages on earlier taps (one-time grants, counted down per message;
      // enough that the escalation bench's hundreds of tasks never run them out)
      if (u.role === 'resident' || u.role === 'volunteer') continue
      for (const kind of ['task_assigned', 'task_reopened', 'report_closed'] as const) {
        const templateId = TEMPLATES[kind]!.id
        await sdb.collection(COLLECTIONS.grants).doc(grantId(u.id, templateId)).set({ userId: u.id, templateId, oneTime: 100_000, longTerm: false, updatedAt: Date.now() })
      }
    }
    const home = DEMO_GRIDS.find((g) => g.id === GRID)!.communityId
    const people = {
      resident: 'u_resident_1', worker: staff.get(GRID)!.workerId, dispatcher: dispatchers.get(QUEUE_COMMUNITY)!, areaDispatcher: dispatchers.get(home)!,
      neighbour: staff.get(NEIGHBOUR_GRID)!.workerId, admin: 'u_admin_1', newcomer: 'newcomer_1', householder: 'u_resident_2', volunteer: 'u_volunteer_1',
    }
    const world = new World(server, db, rt, people, restore)
    const before = world.mark()
    await rt.deps()
    world.coldStart = world.since(before)
    await world.seedReports()
    await world.seedRegister()
    return world
  }

  async close() {
    this.restore()
    await this.server.close()
  }

  /** One invocation as a deployed function runs it: the caller from the context's OPENID, then the action router. */
  call(who: Who, fn: string, action: string, payload: object, requestId?: string): Promise<ApiResponse<unknown>> {
    return this.callAs(this.people[who], fn, action, payload, requestId)
  }

  /** Like call, for the state a fixture needs: a failure stops the run. */
  must<T>(who: Who, fn: string, action: string, payload: object, requestId?: string): Promise<T> {
    return this.mustAs<T>(this.people[who], fn, action, payload, requestId)
  }

  private async callAs(userId: string, fn: string, action: string, payload: object, requestId?: string): Promise<ApiResponse<unknown>> {
    const caller = await this.rt.identity.caller({ getWXContext: () => ({ OPENID: `o_${userId}` }) })
    return dispatch(await this.rt.deps(), fn, { action, payload, ...(requestId ? { requestId } : {}) }, caller)
  }

  private async mustAs<T>(userId: string, fn: string, action: string, payload: object, requestId?: string): Promise<T> {
    const res = await this.callAs(userId, fn, action, payload, requestId)
    if (!res.ok) throw new Error(`${fn}.${action} as ${userId} failed: ${res.error.code} ${res.error.message}`)
    return res.data as T
  }

  requestId = () => `bench-${String(++this.requests).padStart(6, '0')}`

  /** A photo id as wx.cloud.uploadFile returns it, in the owner's folder of this env. */
  upload(who: Who): string {
    const hex = (++this.uploads).toString(16).padStart(32, '0')
    return `cloud://${TEST_ENV_ID}.6772-${TEST_ENV_ID}-1300000000/photos/${this.people[who]}/${hex}.jpg`
  }

  /** The grants a reporter gives on the submit tap. */
  submitGrants(): Record<string, 'accept'> {
    return { [TEMPLATES.report_accepted!.id]: 'accept', [TEMPLATES.report_resolved!.id]: 'accept' }
  }

  reportPayload(at: LngLat = DEMO_POINTS.insideClear.point) {
    return { category: 'garbage', description: '楼道口垃圾堆放三天没人清理', address: '莲花路 1 号 2 栋', photos: [this.upload('resident')], location: { ...at, accuracyM: 15 } }
  }

  readonly queue = { scope: 'community' as const, id: QUEUE_COMMUNITY }

  /**
   * Grids the moves name: the worker's, the one across its border (a transfer), another of the
   * worker's community (a reassignment), and one of the queue's community (assigning what waits there).
   */
  readonly grids = {
    own: GRID,
    neighbour: NEIGHBOUR_GRID,
    sibling: DEMO_GRIDS.find((g) => g.communityId === DEMO_GRIDS.find((o) => o.id === GRID)!.communityId && g.id !== GRID)!.id,
    inQueueCommunity: DEMO_GRIDS.find((g) => g.communityId === QUEUE_COMMUNITY)!.id,
  }

  /** A task as stored now (its version and 工单编号 after the moves a fixture made). */
  async task(taskId: string) {
    const task = await this.rt.store.cases.getTask(taskId)
    if (!task) throw new Error(`cost world: no task ${taskId}`)
    return task
  }

  /** A new report as the reporter makes it: grants on the submit tap, then the submission. */
  async newCase(at?: LngLat): Promise<Case> {
    await this.must('resident', 'user', 'recordGrants', { answers: this.submitGrants() })
    const { reportId } = await this.must<{ reportId: string }>('resident', 'resident', 'submitReport', this.reportPayload(at), this.requestId())
    const report = (await this.rt.store.cases.getReport(reportId))!
    return { reportId, taskId: report.taskId, version: (await this.rt.store.cases.getTask(report.taskId))!.version }
  }

  async acceptedCase(): Promise<Case> {
    const c = await this.newCase()
    const task = await this.must<{ version: number }>('worker', 'worker', 'acceptTask', { taskId: c.taskId, version: c.version })
    return { ...c, version: task.version }
  }

  async resolvedCase(): Promise<Case> {
    const c = await this.acceptedCase()
    const task = await this.must<{ version: number }>('worker', 'worker', 'resolveTask', { taskId: c.taskId, version: c.version, text: '已到现场清理完毕，并提醒住户按时投放', photos: [this.upload('worker')] })
    return { ...c, version: task.version }
  }

  /** A room of the worker's grid (from the building registry) that no declaration has named yet. */
  async emptyRoom(): Promise<string> {
    const buildings = await this.rt.store.buildings.listBuildings({ gridId: GRID })
    const room = buildings.flatMap((b) => b.rooms).find((r) => !this.usedRooms.has(r.id))
    if (!room) throw new Error(`cost world: no room of ${GRID} is left to declare`)
    this.usedRooms.add(room.id)
    return room.id
  }

  /** People never declared before: valid ID numbers of their own (check character computed), a phone each. */
  newCouple = (): PersonPayload[] => couple(this.nextPeople(2))
  onePerson = (name: string, extra: Partial<PersonPayload> = {}): PersonPayload => person(this.nextPeople(1), name, extra)
  private nextPeople(n: number): number {
    const first = 100 + this.declaredPeople
    this.declaredPeople += n
    return first
  }

  declarePayload(roomId: string, persons: PersonPayload[], standing = 'owner') {
    return { roomId, standing, persons, consentVersion: CONSENT.version }
  }

  /** A household of two declared by `userId` in an empty room of the worker's grid: the pending declaration. */
  async declared(userId: string = this.people.resident, persons = this.newCouple(), roomId?: string): Promise<DeclarationView> {
    return this.mustAs<DeclarationView>(userId, 'resident', 'declareResidence', this.declarePayload(roomId ?? (await this.emptyRoom()), persons), this.requestId())
  }

  /** The worker's decision on a declaration of their grid. */
  review(d: Pick<DeclarationView, 'id' | 'version'>, decision: 'approve' | 'reject' | 'ask_more', reason?: string): Promise<VerificationDetail> {
    return this.must<VerificationDetail>('worker', 'worker', 'reviewDeclaration', { declarationId: d.id, version: d.version, decision, ...(reason ? { reason } : {}) })
  }

  /** A household declared and verified: its people are current residents of the room. */
  async verified(userId: string, persons = this.newCouple()): Promise<Household> {
    const d = await this.review(await this.declared(userId, persons), 'approve')
    const residents = await this.rt.store.declarations.roomResidents(d.roomId)
    return { roomId: d.roomId, residentIds: residents.map((r) => r.id) }
  }

  /** A household of two declared, verified, then moved out (declared and verified): residents past their stay. */
  async movedOut(): Promise<void> {
    const userId = REGISTERED[this.moves++ % REGISTERED.length]
    const { roomId, residentIds } = await this.verified(userId)
    const moveOut = await this.mustAs<DeclarationView>(userId, 'resident', 'declareMoveOut', { roomId, residentIds, moveOutDate: shanghaiToday(), consentVersion: CONSENT.version }, this.requestId())
    await this.review(moveOut, 'approve')
  }

  /** The householder's verified household of two (made once). */
  async verifiedHousehold(): Promise<Household> {
    this.household ??= await this.verified(this.people.householder)
    return this.household
  }

  /**
   * The building registry of the worker's grid (imported as the district office does) and a
   * few verified households in it, so the register, its coverage and the duplicate search have
   * something to read. The first declaration of a container also opens the field-key canary.
   */
  private async seedRegister() {
    const grid = DEMO_GRIDS.find((g) => g.id === GRID)!
    const csv = demoBuildingsCsv(DEMO_COMMUNITIES, [grid], new Map([[GRID, BUILDING_POINTS]]))
    const imported = await this.must<{ applied: boolean; problems: { message: string }[] }>('admin', 'admin', 'importBuildings', { csv, apply: true })
    if (!imported.applied) throw new Error(`cost world: the buildings were not imported: ${imported.problems[0]?.message}`)
    for (const userId of REGISTERED) await this.verified(userId)
    await this.verifiedHousehold()
  }

  /** A few reports in every state, so lists have something to show. */
  private async seedReports() {
    await this.newCase()
    await this.acceptedCase()
    await this.resolvedCase()
    await this.newCase(DEMO_POINTS.farInCommunity.point)
  }

  mark() {
    return { db: this.db.requests.length, wire: this.server.requests.length }
  }

  since(m: { db: number; wire: number }): Tally {
    const db = this.db.requests.slice(m.db)
    const wire = this.server.requests.slice(m.wire)
    const apis: Record<string, number> = {}
    for (const r of wire) if (r.openapi) apis[r.openapi.api] = (apis[r.openapi.api] ?? 0) + 1
    const kind = (k: string) => db.filter((r) => r.kind === k).length
    return {
      reads: kind('read'),
      writes: kind('write'),
      transactions: kind('transaction'),
      openApi: wire.filter((r) => r.action === 'wx.openApi').length,
      apis,
      storage: wire.filter((r) => r.action.startsWith('storage.')).length,
      dbErrors: db.flatMap((r) => r.error ?? []),
    }
  }
}
