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
import { demoPeople } from '../../cloudfunctions/local/seed/people'
import { CaptureServer, errorReply, wxReply, type CapturedRequest } from '../../tests/functions/cloudbase/captureServer'
import { sdkEnv, TEST_ENV_ID } from '../../tests/functions/cloudbase/sdkEnv'
import { WireDb } from '../../tests/functions/cloudbase/wireDb'

// The CloudBase functions as deployed — openRuntime with the SDKs pointed (TOOLCHAIN.md's
// env vars) at a capture server that the wire database answers — over the demo street,
// with every message kind configured for subscription messages. It counts, at the wire,
// what each call costs: database reads, writes and transaction requests, open-API calls.

/** newcomer: a WeChat account seen for the first time (a resident record is made on its first call) */
export type Who = 'resident' | 'worker' | 'dispatcher' | 'admin' | 'newcomer'
export interface Case { reportId: string; taskId: string; version: number }

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
    const rt = openRuntime(loadCloudbaseSettings({ ...process.env, GRIDLINK_SUBSCRIBE_TEMPLATES: JSON.stringify(TEMPLATES) }))
    const { users, staff, dispatchers } = demoPeople(DEMO_STREET.id, DEMO_COMMUNITIES, DEMO_GRIDS)
    const grids = DEMO_GRIDS.map((g) => ({ ...g, workerIds: [staff.get(g.id)!.workerId], leaderId: staff.get(g.id)!.leaderId }))
    const communities = DEMO_COMMUNITIES.map((c) => ({ ...c, dispatcherIds: [dispatchers.get(c.id)!] }))
    await upsertReference(rt.store.db, { streets: [DEMO_STREET], communities, grids, users, files: [] })
    const sdb = rt.store.db
    for (const u of users) {
      // the identity a first call or a staff binding leaves: openid → user, and the openid on the user for pushes
      await sdb.collection(COLLECTIONS.identities).doc(`o_${u.id}`).set({ userId: u.id, createdAt: Date.now() })
      await sdb.collection(COLLECTIONS.users).doc(u.id).update({ openid: `o_${u.id}` })
      // staff granted their messages on earlier taps (one-time grants, counted down per message)
      if (u.role === 'resident' || u.role === 'volunteer') continue
      for (const kind of ['task_assigned', 'task_reopened', 'report_closed'] as const) {
        const templateId = TEMPLATES[kind]!.id
        await sdb.collection(COLLECTIONS.grants).doc(grantId(u.id, templateId)).set({ userId: u.id, templateId, oneTime: 1000, longTerm: false, updatedAt: Date.now() })
      }
    }
    const people = { resident: 'u_resident_1', worker: staff.get(GRID)!.workerId, dispatcher: dispatchers.get(QUEUE_COMMUNITY)!, admin: 'u_admin_1', newcomer: 'newcomer_1' }
    const world = new World(server, db, rt, people, restore)
    const before = world.mark()
    await rt.deps()
    world.coldStart = world.since(before)
    await world.seedReports()
    return world
  }

  async close() {
    this.restore()
    await this.server.close()
  }

  /** One invocation as a deployed function runs it: the caller from the context's OPENID, then the action router. */
  async call(who: Who, fn: string, action: string, payload: object, requestId?: string): Promise<ApiResponse<unknown>> {
    const caller = await this.rt.identity.caller({ getWXContext: () => ({ OPENID: `o_${this.people[who]}` }) })
    return dispatch(await this.rt.deps(), fn, { action, payload, ...(requestId ? { requestId } : {}) }, caller)
  }

  /** Like call, for the state a fixture needs: a failure stops the run. */
  async must<T>(who: Who, fn: string, action: string, payload: object, requestId?: string): Promise<T> {
    const res = await this.call(who, fn, action, payload, requestId)
    if (!res.ok) throw new Error(`${fn}.${action} as ${who} failed: ${res.error.code} ${res.error.message}`)
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
