import dayjs from 'dayjs'
import timezone from 'dayjs/plugin/timezone'
import utc from 'dayjs/plugin/utc'
import * as z from 'zod'
import type { Message } from '../../../shared/model'
import { KEYWORD, templateData } from './templateValues'

dayjs.extend(utc)
dayjs.extend(timezone)

// Which subscription-message template carries which in-app message, and what goes in
// each of its keywords. Template ids come from the mini-program's console once chosen from
// the public library (docs/deploy.md), so they are settings, not code.

export const MESSAGE_KINDS = ['task_assigned', 'task_reopened', 'report_accepted', 'report_resolved', 'report_closed'] as const satisfies readonly Message['kind'][]

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
}

/** Where a tap on the message lands: the reporter's case page or the worker's task page. */
export function pageOf(m: Message): string {
  if (m.kind.startsWith('task_')) return m.taskId ? `worker/task/index?id=${m.taskId}` : 'worker/inbox/index'
  return m.reportId ? `pages/mine/detail?id=${m.reportId}` : 'pages/messages/index'
}

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
