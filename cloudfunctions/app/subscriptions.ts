import type { GrantAnswer, SubscribeTemplates } from '../../shared/api'
import type { MessageKind } from '../../shared/model'
import type { Subscriptions } from './ports'

// Which grants each tap asks for: the messages that tap's person receives next.
// WeChat takes at most three template ids in one requestSubscribeMessage call.
const TAPS: Record<keyof SubscribeTemplates, MessageKind[]> = {
  submit: ['report_accepted', 'report_resolved'],
  // a worker's 签收 also asks for the verification tasks that arrive later
  accept: ['task_assigned', 'task_reopened', 'declaration_received'],
  resolve: ['report_closed', 'task_reopened', 'task_assigned'],
  declare: ['declaration_verified', 'declaration_rejected', 'declaration_more_info'],
}

export type TemplateIds = Partial<Record<MessageKind, string>>

export function templatesForTaps(ids: TemplateIds): SubscribeTemplates {
  const pick = (kinds: MessageKind[]) => [...new Set(kinds.flatMap((k) => (ids[k] ? [ids[k] as string] : [])))].slice(0, 3)
  return { submit: pick(TAPS.submit), accept: pick(TAPS.accept), resolve: pick(TAPS.resolve), declare: pick(TAPS.declare) }
}

/** Only 'accept' is a grant; answers for templates we do not use are ignored. */
export function acceptedTemplates(ids: TemplateIds, answers: Record<string, GrantAnswer>): string[] {
  const known = new Set(Object.values(ids))
  return Object.entries(answers).filter(([id, a]) => a === 'accept' && known.has(id)).map(([id]) => id)
}

/** The local stack sends no WeChat messages, so it asks for no grants and records none. */
export const noSubscriptions: Subscriptions = {
  templates: () => templatesForTaps({}),
  record: async () => 0,
}
