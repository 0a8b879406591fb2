import type { Message, MessageKind, Report, TimelineEvent, User } from '../../shared/model'
import type { TimelineAction } from '../../shared/workflow/timeline'
import { ROLE_NAMES } from '../../shared/roles'
import type { Needs } from './ports'

// Builders for the two records every transition leaves behind: a timeline line and the
// messages that tell the people concerned.

export const SYSTEM_ACTOR = { id: 'system', name: '系统' }

/** Who did it, as a history line names them: staff with their role ("网格员 王建国"), anyone else by name. */
export type Actor = Pick<User, 'id' | 'name'> & { role?: User['role'] }
export const actorNameOf = (actor: Actor) => (actor.role ? `${ROLE_NAMES[actor.role]} ${actor.name}` : actor.name)

export function timelineEvent(deps: Needs<'ids' | 'clock'>, taskId: string, actor: Actor, action: TimelineAction, text: string, extra: Partial<Pick<TimelineEvent, 'note' | 'photos'>> = {}): TimelineEvent {
  return { id: deps.ids.next('ev'), taskId, at: deps.clock.now(), actorId: actor.id, actorName: actorNameOf(actor), action, text, ...extra }
}

export function message(deps: Needs<'ids' | 'clock'>, userId: string, kind: MessageKind, title: string, body: string, refs: Pick<Message, 'reportId' | 'taskId' | 'declarationId'>): Message {
  return { id: deps.ids.next('m'), userId, kind, title, body, ...refs, createdAt: deps.clock.now(), readAt: null }
}

/** Pushes are a courtesy on top of the stored in-app messages: they never fail the action. */
export async function pushQuietly(deps: Needs<'notifier'>, messages: Message[]) {
  if (messages.length === 0) return
  try {
    await deps.notifier.notify(messages)
  } catch (err) {
    console.warn('notifier failed; in-app messages are stored', (err as Error).message)
  }
}

/**
 * Who hears of a case's progress: its reporter and everyone who follows it ("me too", the
 * reporters of duplicates merged into it), each once. Every message about where the case
 * stands goes to all of them.
 */
export const reportAudience = (report: Pick<Report, 'reporterId' | 'followerIds'>): string[] => [...new Set([report.reporterId, ...(report.followerIds ?? [])])]
