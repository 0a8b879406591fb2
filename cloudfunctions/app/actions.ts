import type * as z from 'zod'
import { CONTRACTS, type ActionName, type Contract, type Contracts, type FunctionName } from '../../shared/contracts'
import type { User } from '../../shared/model'
import { ok, type Result } from '../../shared/result'
import { listMessages, markMessagesRead, me, myGrid } from './account/account'
import { listAudit } from './audit/listAudit'
import { importBuildings } from './buildings/importBuildings'
import { listBuildings, nearBuildings } from './buildings/listBuildings'
import { amendDeclaration } from './declarations/amendDeclaration'
import { declareMoveOut } from './declarations/declareMoveOut'
import { declareResidence } from './declarations/declareResidence'
import { myResidence } from './declarations/myResidence'
import { getVerification } from './declarations/verification/getVerification'
import { listVerifications } from './declarations/verification/listVerifications'
import { revealPersonField } from './declarations/verification/revealPersonField'
import { reviewDeclaration } from './declarations/verification/reviewDeclaration'
import { withdrawDeclaration } from './declarations/withdrawDeclaration'
import { importGridsAction } from './grids/importGridsAction'
import { communityMap, listCommunities, locatePoint, setHomeGrid } from './map/communityMap'
import type { Deps } from './ports'
import { bindStaff, issueBindingCode, unbindStaff } from './staff/bindingCodes'
import { importRoster } from './staff/importRoster'
import { endLeave, setLeave } from './staff/leave'
import { listStaff } from './staff/listStaff'
import { setStaffPhoto } from './staff/staffPhoto'
import { listQueue } from './queues/listQueue'
import { listRegister } from './register/listRegister'
import { getMyReport, listMyReports } from './reports/readReports'
import { rateReport } from './reports/rateReport'
import { addReportInfo, urgeReport, withdrawReport } from './reports/followUp'
import { submitReport } from './reports/submitReport'
import { getTask, listInbox } from './tasks/readTasks'
import { acceptTask, resolveTask } from './tasks/handleTask'
import { assignTask, decideExtension, escalateTask, refuseTransfer, requestExtension, returnTask, superviseTask, transferTask } from './tasks/moves/moveActions'
import { bulkMove } from './tasks/moves/bulkMove'
import { consoleCounts, findCase, listConsole } from './console/listConsole'
import { joinReport, nearbyReports } from './reports/meToo'
import { mergeReports } from './tasks/moves/mergeReports'
import { gridBoard } from './board/gridBoard'
import { leaderboard, myPoints } from './volunteers/points'
import { checkInPatrol, endPatrol, listPatrols, startPatrol } from './volunteers/patrols'
import { reportOnBehalf } from './reports/reportOnBehalf'
import { declareOnBehalf } from './declarations/declareOnBehalf'

// Every action's use case, bound to its contract (shared/contracts.ts): a handler receives
// the payload as its schema parsed it, and only creates receive the requestId. Who may call
// each is in policy.ts; docs/api.md describes each entry.

type Handler<C> = C extends Contract<infer S, infer R, infer K>
  ? K extends true
    ? (deps: Deps, caller: User, input: z.output<S>, requestId: string | undefined) => Promise<Result<R>>
    : (deps: Deps, caller: User, input: z.output<S>) => Promise<Result<R>>
  : never

export type Handlers = { [F in FunctionName]: { [A in ActionName<F>]: Handler<Contracts[F][A]> } }

export const HANDLERS: Handlers = {
  user: {
    me: (d, c) => me(d, c),
    catalogue: async (d) => ok(d.config.catalogue),
    myGrid,
    listCommunities: (d, c) => listCommunities(d, c),
    communityMap,
    locatePoint,
    listBuildings,
    nearBuildings,
    setHomeGrid,
    bindStaff,
    listMessages,
    markMessagesRead,
    subscribeTemplates: async (d) => ok(d.subscriptions.templates()),
    recordGrants: async (d, c, p) => ok({ recorded: await d.subscriptions.record(c.id, p.answers) }),
    leaderboard,
    gridBoard,
  },
  resident: {
    submitReport, listMyReports, getMyReport, rateReport, withdrawReport, addReportInfo, urgeReport,
    declareResidence, amendDeclaration, withdrawDeclaration, declareMoveOut, myResidence,
    nearbyReports, joinReport, reportOnBehalf, declareOnBehalf, myPoints, startPatrol, checkInPatrol, endPatrol, listPatrols,
  },
  worker: {
    listInbox, getTask, acceptTask, resolveTask, listVerifications, getVerification, reviewDeclaration, revealPersonField, listRegister,
    escalateTask, transferTask, refuseTransfer, returnTask, requestExtension, mergeReports,
  },
  admin: {
    listQueue, importGrids: importGridsAction, importRoster, importBuildings, listStaff, issueBindingCode, unbindStaff, setLeave, endLeave, setStaffPhoto, listAudit,
    listConsole, consoleCounts, findCase, assignTask, decideExtension, superviseTask, bulkMove,
  },
}

/** The contract and handler of `fn.action`, or undefined for anything not registered. */
export function lookupAction(fn: string, action: string): { contract: Contract; run: (deps: Deps, caller: User, input: unknown, requestId?: string) => Promise<Result<unknown>> } | undefined {
  if (!Object.hasOwn(CONTRACTS, fn)) return undefined
  const contracts = CONTRACTS[fn as FunctionName] as Record<string, Contract>
  if (!Object.hasOwn(contracts, action)) return undefined
  const run = (HANDLERS[fn as FunctionName] as Record<string, (...args: unknown[]) => Promise<Result<unknown>>>)[action]
  const contract = contracts[action]
  return { contract, run: (deps, caller, input, requestId) => (contract.creates ? run(deps, caller, input, requestId) : run(deps, caller, input)) }
}
