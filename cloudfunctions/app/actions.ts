import * as z from 'zod'
import type { FunctionName } from '../../shared/api'
import type { User } from '../../shared/model'
import { ok, type Result } from '../../shared/result'
import type { Role } from '../../shared/roles'
import { rateReportSchema, reportRefSchema, submitReportSchema, pageSchema } from '../../shared/schemas/report'
import { acceptTaskSchema, markReadSchema, resolveTaskSchema, taskRefSchema } from '../../shared/schemas/task'
import { listMessages, markMessagesRead, me, myGrid } from './account/account'
import { ANYONE, GRID_STAFF, REPORTERS } from './authorize'
import type { Deps } from './ports'
import { getMyReport, listMyReports } from './reports/readReports'
import { rateReport } from './reports/rateReport'
import { submitReport } from './reports/submitReport'
import { getTask, listInbox } from './tasks/readTasks'
import { acceptTask, resolveTask } from './tasks/handleTask'

// Every function's actions: who may call it, the schema of its payload, and its use case.
// docs/api.md describes each entry; keep the two together.

export interface ActionDef {
  roles: readonly Role[]
  schema: z.ZodType
  run(deps: Deps, caller: User, payload: any, requestId?: string): Promise<Result<unknown>>
}

const empty = z.object({}, '提交内容必须是对象')
const grantsSchema = z.object(
  {
    answers: z
      .record(z.string().min(1, '模板编号不能为空').max(64, '模板编号过长'), z.enum(['accept', 'reject', 'ban', 'filter'], '订阅结果应为 accept、reject、ban 或 filter'), '订阅结果 answers 必须是对象')
      .refine((a) => Object.keys(a).length <= 10, '一次最多记录10个订阅结果'),
  },
  '提交内容必须是对象',
)
const point = z.object({ lng: z.number('经度必须是数字').optional(), lat: z.number('纬度必须是数字').optional() }, '提交内容必须是对象')

export const ACTIONS: Record<FunctionName, Record<string, ActionDef>> = {
  user: {
    me: { roles: ANYONE, schema: empty, run: (d, c) => me(d, c) },
    catalogue: { roles: ANYONE, schema: empty, run: async (d) => ok(d.config.catalogue) },
    myGrid: { roles: ANYONE, schema: point, run: myGrid },
    listMessages: { roles: ANYONE, schema: pageSchema, run: listMessages },
    markMessagesRead: { roles: ANYONE, schema: markReadSchema, run: markMessagesRead },
    subscribeTemplates: { roles: ANYONE, schema: empty, run: async (d) => ok(d.subscriptions.templates()) },
    recordGrants: { roles: ANYONE, schema: grantsSchema, run: async (d, c, p) => ok({ recorded: await d.subscriptions.record(c.id, p.answers) }) },
  },
  resident: {
    submitReport: { roles: REPORTERS, schema: submitReportSchema, run: submitReport },
    listMyReports: { roles: REPORTERS, schema: pageSchema, run: listMyReports },
    getMyReport: { roles: REPORTERS, schema: reportRefSchema, run: getMyReport },
    rateReport: { roles: REPORTERS, schema: rateReportSchema, run: rateReport },
  },
  worker: {
    listInbox: { roles: GRID_STAFF, schema: pageSchema, run: listInbox },
    getTask: { roles: GRID_STAFF, schema: taskRefSchema, run: getTask },
    acceptTask: { roles: GRID_STAFF, schema: acceptTaskSchema, run: acceptTask },
    resolveTask: { roles: GRID_STAFF, schema: resolveTaskSchema, run: resolveTask },
  },
}

export const FUNCTION_NAMES = Object.keys(ACTIONS) as FunctionName[]
