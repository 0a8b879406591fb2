import dayjs from 'dayjs'
import timezone from 'dayjs/plugin/timezone'
import utc from 'dayjs/plugin/utc'
import * as z from 'zod'
import { DECLARATION_STATUS_NAMES } from '../../../shared/declarations/words'
import type { Message, MessageKind } from '../../../shared/model'
import { KEYWORD, templateData } from './templateValues'

dayjs.extend(utc)
dayjs.extend(timezone)

// Which subscription-message template carries which in-app message, and what goes in
// each of its keywords. Template ids come from the mini-program's console once chosen from
// the public library (docs/deploy.md), so they are settings, not code.

/**
 * The message kinds a template may carry. A residence declaration pushes the worker's new
 * verification and the declarant's three outcomes; `declaration_duplicate` (an ID number also
 * declared at another grid's room) is a note for that grid's staff, left to the message centre.
 * The moves of the four levels (escalated, transferred, returned, supervised, extensions, the
 * 80% warning, a reporter's progress) and what a reporter does after submitting (withdrawn,
 * information added, urged, to the holder) are in-app messages only for now: no tap collects a
 * one-time grant for them, so a template would almost never find one.
 */
export const MESSAGE_KINDS = [
  'task_assigned', 'task_reopened', 'report_accepted', 'report_resolved', 'report_closed',
  'declaration_received', 'declaration_verified', 'declaration_rejected', 'declaration_more_info',
] as const satisfies readonly MessageKind[]
type PushKind = (typeof MESSAGE_KINDS)[number]

/** What a keyword shows: the message's title or body, its time, or its status in a few words. */
export const VALUE_SOURCES = ['title', 'body', 'time', 'status'] as const
type Source = (typeof VALUE_SOURCES)[number]

const templateSchema = z.object({
  id: z.string().regex(/^[A-Za-z0-9_-]{20,64}$/, 'a template id as the console shows it'),
  fields: z.record(z.string().regex(KEYWORD, 'a keyword such as thing1 or phrase3'), z.enum(VALUE_SOURCES)),
})
export const templatesSchema = z.partialRecord(z.enum(MESSAGE_KINDS), templateSchema)
export type Templates = z.infer<typeof templatesSchema>
export type Template = z.infer<typeof templateSchema>

/** The status in words, short enough for a phrase keyword (≤ 5 Chinese characters). */
const STATUS: Record<Message['kind'], string> = {
  task_assigned: '待签收',
  task_reopened: '退回返工',
  report_accepted: '已签收',
  report_resolved: '已办结',
  report_closed: '已结案',
  declaration_received: DECLARATION_STATUS_NAMES.pending,
  declaration_verified: DECLARATION_STATUS_NAMES.verified,
  declaration_rejected: DECLARATION_STATUS_NAMES.rejected,
  declaration_more_info: DECLARATION_STATUS_NAMES.more_info,
  declaration_duplicate: '证件重复',
  task_escalated: '已上报',
  task_warning: '即将超时',
  task_transferred: '转派待签收',
  task_returned: '已退回',
  task_supervised: '督办',
  extension_requested: '申请延期',
  extension_decided: '延期审批',
  report_progress: '处理中',
  report_withdrawn: '已撤回',
  report_info_added: '补充说明',
  report_urged: '居民催办',
  report_followed: '同一问题',
  report_merged: '已合并',
  points_granted: '获得积分',
}

/** The template of a message's kind, if one is configured (a kind no template may carry has none). */
export function templateOf(templates: Templates, kind: MessageKind): Template | undefined {
  return (MESSAGE_KINDS as readonly MessageKind[]).includes(kind) ? templates[kind as PushKind] : undefined
}

const taskPage = (m: Message) => (m.taskId ? `worker/task/index?id=${m.taskId}` : 'worker/inbox/index')
const casePage = (m: Message) => (m.reportId ? `case/detail?id=${m.reportId}` : 'case/messages')
const verificationPage = (m: Message) => (m.declarationId ? `worker/verify/index?id=${m.declarationId}` : 'worker/inbox/index')
const householdPage = () => 'declare/household'

/**
 * Where a tap on the message lands: the worker's task or verification page, the reporter's
 * case page, the declarant's household page, or, when the worker asked for more, the
 * declaration form opened on that declaration.
 */
const PAGES: Record<MessageKind, (m: Message) => string> = {
  task_assigned: taskPage,
  task_reopened: taskPage,
  report_accepted: casePage,
  report_resolved: casePage,
  report_closed: casePage,
  declaration_received: verificationPage,
  declaration_duplicate: verificationPage,
  declaration_verified: householdPage,
  declaration_rejected: householdPage,
  declaration_more_info: (m) => (m.declarationId ? `declare/index?amend=${m.declarationId}` : householdPage()),
  task_escalated: taskPage,
  task_warning: taskPage,
  task_transferred: taskPage,
  task_returned: taskPage,
  task_supervised: taskPage,
  extension_requested: taskPage,
  extension_decided: taskPage,
  report_progress: casePage,
  report_withdrawn: taskPage,
  report_info_added: taskPage,
  report_urged: taskPage,
  // "me too" and merging: staff hear of new followers, residents of their report's merge
  report_followed: taskPage,
  report_merged: casePage,
  // the case that earned them; in-app only for now (no template carries it)
  points_granted: casePage,
}

export const pageOf = (m: Message): string => PAGES[m.kind](m)

function valueOf(source: Source, m: Message): string {
  if (source === 'time') return dayjs(m.createdAt).tz('Asia/Shanghai').format('YYYY年M月D日 HH:mm')
  if (source === 'status') return STATUS[m.kind]
  return m[source]
}

export interface SendArgs {
  touser: string
  templateId: string
  page: string
  data: Record<string, { value: string }>
  miniprogramState: 'formal' | 'trial' | 'developer'
  lang: 'zh_CN'
}

/** The subscribeMessage.send arguments for one message, every value cut to its limit. */
export function sendArgs(template: Template, m: Message, openid: string, state: SendArgs['miniprogramState']): SendArgs {
  const values = Object.fromEntries(Object.entries(template.fields).map(([key, source]) => [key, valueOf(source, m)]))
  return { touser: openid, templateId: template.id, page: pageOf(m), data: templateData(values), miniprogramState: state, lang: 'zh_CN' }
}
