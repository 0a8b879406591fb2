import { createHash } from 'node:crypto'
import type { DeclarationView } from '../../../shared/api'
import { addWorkingMinutes } from '../../../shared/calendar/workingTime'
import { DECLARATION_KIND_NAMES, type DeclarationKind, type Standing } from '../../../shared/declarations/words'
import type { Declaration, DeclaredPerson, Grid, Message, OnBehalf, User } from '../../../shared/model'
import { ok, type Result } from '../../../shared/result'
import type { Needs } from '../ports'
import { gridDuty } from '../recipients'
import { actorNameOf, message, pushQuietly } from '../records'
import { checkForm, type FormOf } from './personChecks'
import { placeFields, roomPlace, type RoomPlace } from './place'
import { declarationViews } from './views'

// A declaration on its way to the room's grid: who verifies it (the grid's first worker not
// on leave, or their substitute, as for tasks), by when (working time), who hears of it, and
// the one idempotent write that stores it with its messages.

export type DeclareAction = 'declareResidence' | 'declareMoveOut' | 'declareOnBehalf'

const requestKeyOf = (caller: User, action: DeclareAction, requestId: string | undefined) => (requestId ? `${caller.id}:${action}:${requestId}` : null)

/**
 * A create's id is made from its request key: the same request sent again finds its own first
 * copy among the room's open declarations and must not take it for a conflict, so the checks
 * need to know that copy's id before the store says it exists.
 */
const declarationIdFor = (deps: Needs<'ids'>, requestKey: string | null) =>
  requestKey ? `d_${createHash('sha256').update(`declaration:${requestKey}`).digest('hex').slice(0, 24)}` : deps.ids.next('d')

/** Who verifies a grid's declaration made now, who is told, and the deadline. */
export async function verificationDuty(deps: Needs<'reference' | 'config' | 'calendar'>, grid: Grid, now: number) {
  const duty = await gridDuty(deps, grid, now)
  // not deadlineOf: a declaration has no field for its flag; in a year the calendar does not hold,
  // the verification deadline still skips the fixed statutory holidays, unflagged
  return { assigneeId: duty.assigneeId, recipientIds: duty.recipientIds, dueAt: addWorkingMinutes(now, deps.config.declarations.verifyMinutes, deps.calendar) }
}

/** 'declaration_received' to each verifying staff member: which room, how many people, which way. */
export function receivedMessages(deps: Needs<'ids' | 'clock'>, recipientIds: string[], d: Declaration, communityName: string, amended = false): Message[] {
  const title = `待核查：${DECLARATION_KIND_NAMES[d.kind]}${d.onBehalf ? '（代申报）' : ''}${amended ? '（已补充）' : ''}`
  const body = `${communityName}${d.addressLabel}，${d.persons.length}人${d.kind === 'move_in' ? '申报入住' : '申报迁出'}`
  return recipientIds.map((userId) => message(deps, userId, 'declaration_received', title, body, { declarationId: d.id }))
}

export interface DeclarationDraft {
  id: string
  requestKey: string | null
  kind: DeclarationKind
  place: RoomPlace
  standing: Standing
  persons: DeclaredPerson[]
  moveOutDate?: string
  consentVersion: string
  /** 代申报: the resident a worker or volunteer files for (sealed) */
  onBehalf?: OnBehalf
}

/** The declaration a request made before (a retry after its answer was lost), as it is now. */
async function madeBefore(deps: Needs<'declarations' | 'router' | 'clock'>, requestKey: string | null, id: string): Promise<DeclarationView | null> {
  const first = requestKey ? await deps.declarations.get(id) : null
  return first ? (await declarationViews(deps, [first]))[0] : null
}

type OpenDeps = Needs<'declarations' | 'reference' | 'router' | 'notifier' | 'ids' | 'clock' | 'config' | 'calendar'>

type BeginKind = 'declare' | 'moveOut' | 'declareOnBehalf'

/** A create's first steps, as every create takes them: the form against the server's day, the room, the request's key and id. */
export type Begun<K extends BeginKind> = { before: DeclarationView } | { before: null; form: FormOf<K>; place: RoomPlace; requestKey: string | null; id: string }

/** …and a retry of a create that already landed answers with what it made (`before`). */
export async function beginDeclaration<K extends BeginKind>(
  deps: Needs<'declarations' | 'buildings' | 'router' | 'ids' | 'clock'>, caller: User, action: DeclareAction, kind: K, input: { consentVersion: string; roomId: string }, requestId: string | undefined,
): Promise<Result<Begun<K>>> {
  const form = checkForm(deps, kind, input)
  if (!form.ok) return form
  const place = await roomPlace(deps, (form.value as { roomId: string }).roomId)
  if (!place.ok) return place
  const requestKey = requestKeyOf(caller, action, requestId)
  const id = declarationIdFor(deps, requestKey)
  const before = await madeBefore(deps, requestKey, id)
  return ok(before ? { before } : { before: null, form: form.value, place: place.value, requestKey, id })
}

/** Stores the declaration (pending, version 1) with its messages and `extra` ones; a replayed request answers with the first. */
export async function openDeclaration(deps: OpenDeps, caller: User, draft: DeclarationDraft, extra: (d: Declaration) => Promise<Message[]> = async () => []): Promise<Result<DeclarationView>> {
  const now = deps.clock.now()
  const { place } = draft
  const duty = await verificationDuty(deps, place.grid, now)
  const declaration: Declaration = {
    id: draft.id, kind: draft.kind, ...placeFields(place), declarantId: caller.id, standing: draft.standing, persons: draft.persons,
    ...(draft.moveOutDate ? { moveOutDate: draft.moveOutDate } : {}),
    consentVersion: draft.consentVersion, status: 'pending', assigneeId: duty.assigneeId, dueAt: duty.dueAt, review: null,
    // 代申报 is said in the history, the resident it was for is not (their contact is in onBehalf)
    history: [{ at: now, actorId: caller.id, actorName: actorNameOf(caller), action: 'submitted', ...(draft.onBehalf ? { note: '代申报' } : {}) }],
    version: 1, createdAt: now, updatedAt: now, anonymisedAt: null, ...(draft.onBehalf ? { onBehalf: draft.onBehalf } : {}),
  }
  const messages = [...receivedMessages(deps, duty.recipientIds, declaration, place.community.name), ...(await extra(declaration))]
  const stored = await deps.declarations.create({ requestKey: draft.requestKey, declaration, messages })
  if (stored.created) {
    await pushQuietly(deps, messages)
    return ok((await declarationViews(deps, [declaration]))[0])
  }
  const first = await deps.declarations.get(stored.declarationId)
  if (!first) throw new Error(`declaration ${stored.declarationId} vanished after create`)
  return ok((await declarationViews(deps, [first]))[0])
}
