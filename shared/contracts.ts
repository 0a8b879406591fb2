import type * as z from 'zod'
import type { Category } from './catalogue'
import type { Message } from './model'
import type {
  AuditView, BindingCode, BulkMoveResult, ConsoleCounts, ConsolePage, BuildingImportResult, DeclarationView, MyResidence, RegisterPage, RevealedField, VerificationDetail, VerificationSummary, BuildingListItem, CommunityListItem, CommunityMap, NearBuilding, GridImportResult, Me, MyGrid, Page, PointPlace, ReportDetail, ReportSummary,
  RosterImportResult, StaffRecord, SubmitReportResult, SubscribeTemplates, TaskDetail, TaskSummary,
  GridBoard, Leaderboard, MyPoints, NearbyReport, PatrolView,
} from './api'
import { importBuildingsSchema, importGridsSchema, importRosterSchema, listStaffSchema, setLeaveSchema, setStaffPhotoSchema, staffRefSchema } from './schemas/admin'
import { bindStaffSchema } from './schemas/binding'
import {
  amendDeclarationSchema, declarationRefSchema, declareMoveOutSchema, declareResidenceSchema, listRegisterSchema, revealPersonFieldSchema, reviewDeclarationSchema,
  withdrawDeclarationSchema,
} from './schemas/declaration'
import { listBuildingsSchema, nearBuildingsSchema } from './schemas/building'
import { communityMapSchema, locatePointSchema, setHomeGridSchema } from './schemas/map'
import { pageSchema, rateReportSchema, reportRefSchema, submitReportSchema } from './schemas/report'
import { addReportInfoSchema, urgeReportSchema, withdrawReportSchema } from './schemas/followUp'
import { acceptTaskSchema, markReadSchema, resolveTaskSchema, taskRefSchema } from './schemas/task'
import { queuePageSchema } from './schemas/queue'
import {
  assignTaskSchema, consoleCountsSchema, decideExtensionSchema, escalateTaskSchema, findCaseSchema, listConsoleSchema, refuseTransferSchema,
  requestExtensionSchema, returnTaskSchema, superviseTaskSchema, transferTaskSchema,
} from './schemas/moves'
import { bulkMoveSchema } from './schemas/bulkMove'
import { emptySchema, pointQuerySchema, recordGrantsSchema } from './schemas/user'
import { joinReportSchema, mergeReportsSchema, nearbyReportsSchema } from './schemas/meToo'
import { leaderboardSchema, listPatrolsSchema, myPointsSchema, patrolPointSchema, startPatrolSchema } from './schemas/volunteers'
import { gridBoardSchema } from './schemas/board'
import { declareOnBehalfSchema, reportOnBehalfSchema } from './schemas/onBehalf'

// Every function's actions, declared once: the payload schema, the result type and whether
// the action creates (only creates receive the envelope's requestId, which makes them
// idempotent). The client's `Api` type and the server's action table both derive from this;
// who may call each action is the policy table's business (cloudfunctions/app/policy.ts).

export interface Contract<S extends z.ZodType = z.ZodType, R = unknown, C extends boolean = boolean> {
  schema: S
  creates: C
  /** phantom: the result type, never set at run time */
  readonly result?: R
}

/** `action<Result>()(schema)`: the result type is named, the schema's type is inferred. */
const action = <R>() => <S extends z.ZodType>(schema: S): Contract<S, R, false> => ({ schema, creates: false })
const create = <R>() => <S extends z.ZodType>(schema: S): Contract<S, R, true> => ({ schema, creates: true })

export const CONTRACTS = {
  user: {
    me: action<Me>()(emptySchema),
    catalogue: action<Category[]>()(emptySchema),
    myGrid: action<MyGrid>()(pointQuerySchema),
    listCommunities: action<CommunityListItem[]>()(emptySchema),
    communityMap: action<CommunityMap>()(communityMapSchema),
    locatePoint: action<PointPlace>()(locatePointSchema),
    listBuildings: action<BuildingListItem[]>()(listBuildingsSchema),
    nearBuildings: action<NearBuilding[]>()(nearBuildingsSchema),
    setHomeGrid: action<Me>()(setHomeGridSchema),
    bindStaff: action<Me>()(bindStaffSchema),
    listMessages: action<Page<Message> & { unread: number }>()(pageSchema),
    markMessagesRead: action<{ unread: number }>()(markReadSchema),
    subscribeTemplates: action<SubscribeTemplates>()(emptySchema),
    recordGrants: action<{ recorded: number }>()(recordGrantsSchema),
    leaderboard: action<Leaderboard>()(leaderboardSchema),
    gridBoard: action<GridBoard>()(gridBoardSchema),
  },
  resident: {
    submitReport: create<SubmitReportResult>()(submitReportSchema),
    listMyReports: action<Page<ReportSummary>>()(pageSchema),
    getMyReport: action<ReportDetail>()(reportRefSchema),
    rateReport: action<ReportDetail>()(rateReportSchema),
    withdrawReport: action<ReportDetail>()(withdrawReportSchema),
    addReportInfo: action<ReportDetail>()(addReportInfoSchema),
    urgeReport: action<ReportDetail>()(urgeReportSchema),
    declareResidence: create<DeclarationView>()(declareResidenceSchema),
    amendDeclaration: action<DeclarationView>()(amendDeclarationSchema),
    withdrawDeclaration: action<DeclarationView>()(withdrawDeclarationSchema),
    declareMoveOut: create<DeclarationView>()(declareMoveOutSchema),
    myResidence: action<MyResidence>()(emptySchema),
    nearbyReports: action<NearbyReport[]>()(nearbyReportsSchema),
    joinReport: action<ReportDetail>()(joinReportSchema),
    reportOnBehalf: create<SubmitReportResult>()(reportOnBehalfSchema),
    declareOnBehalf: create<DeclarationView>()(declareOnBehalfSchema),
    myPoints: action<MyPoints>()(myPointsSchema),
    startPatrol: create<PatrolView>()(startPatrolSchema),
    checkInPatrol: action<PatrolView>()(patrolPointSchema),
    endPatrol: action<PatrolView>()(patrolPointSchema),
    listPatrols: action<Page<PatrolView>>()(listPatrolsSchema),
  },
  worker: {
    listInbox: action<Page<TaskSummary>>()(pageSchema),
    getTask: action<TaskDetail>()(taskRefSchema),
    acceptTask: action<TaskDetail>()(acceptTaskSchema),
    resolveTask: action<TaskDetail>()(resolveTaskSchema),
    listVerifications: action<Page<VerificationSummary>>()(pageSchema),
    getVerification: action<VerificationDetail>()(declarationRefSchema),
    reviewDeclaration: action<VerificationDetail>()(reviewDeclarationSchema),
    revealPersonField: action<RevealedField>()(revealPersonFieldSchema),
    listRegister: action<RegisterPage>()(listRegisterSchema),
    escalateTask: action<TaskDetail>()(escalateTaskSchema),
    transferTask: action<TaskDetail>()(transferTaskSchema),
    refuseTransfer: action<TaskDetail>()(refuseTransferSchema),
    returnTask: action<TaskDetail>()(returnTaskSchema),
    requestExtension: action<TaskDetail>()(requestExtensionSchema),
    mergeReports: action<TaskDetail>()(mergeReportsSchema),
  },
  admin: {
    listQueue: action<Page<TaskSummary>>()(queuePageSchema),
    importGrids: action<GridImportResult>()(importGridsSchema),
    importRoster: action<RosterImportResult>()(importRosterSchema),
    importBuildings: action<BuildingImportResult>()(importBuildingsSchema),
    listStaff: action<Page<StaffRecord>>()(listStaffSchema),
    issueBindingCode: action<BindingCode>()(staffRefSchema),
    unbindStaff: action<StaffRecord>()(staffRefSchema),
    setLeave: action<StaffRecord>()(setLeaveSchema),
    endLeave: action<StaffRecord>()(staffRefSchema),
    setStaffPhoto: action<StaffRecord>()(setStaffPhotoSchema),
    listAudit: action<Page<AuditView>>()(pageSchema),
    listConsole: action<ConsolePage>()(listConsoleSchema),
    consoleCounts: action<ConsoleCounts>()(consoleCountsSchema),
    findCase: action<TaskSummary>()(findCaseSchema),
    assignTask: action<TaskDetail>()(assignTaskSchema),
    decideExtension: action<TaskDetail>()(decideExtensionSchema),
    superviseTask: action<TaskDetail>()(superviseTaskSchema),
    bulkMove: action<BulkMoveResult>()(bulkMoveSchema),
  },
} as const

export type Contracts = typeof CONTRACTS
export type FunctionName = keyof Contracts
export type ActionName<F extends FunctionName> = keyof Contracts[F] & string

type SchemaOf<C> = C extends Contract<infer S, unknown, boolean> ? S : never
/** What the client sends (before defaults) and what the use case receives (after parsing). */
export type PayloadOf<F extends FunctionName, A extends ActionName<F>> = z.input<SchemaOf<Contracts[F][A]>>
export type InputOf<F extends FunctionName, A extends ActionName<F>> = z.output<SchemaOf<Contracts[F][A]>>
export type ResultOf<F extends FunctionName, A extends ActionName<F>> = Contracts[F][A] extends Contract<z.ZodType, infer R, boolean> ? R : never

/** The client's view of the whole API: per function and action, its payload and result. */
export type Api = { [F in FunctionName]: { [A in ActionName<F>]: { payload: PayloadOf<F, A>; result: ResultOf<F, A> } } }

export const FUNCTION_NAMES = Object.keys(CONTRACTS) as FunctionName[]

/** Every registered action as `function.action`, for tables that must cover them all. */
export const ALL_ACTIONS: { fn: FunctionName; action: string }[] = FUNCTION_NAMES.flatMap((fn) => Object.keys(CONTRACTS[fn]).map((action) => ({ fn, action })))
