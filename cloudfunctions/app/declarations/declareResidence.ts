import type { DeclarationView } from '../../../shared/api'
import type { User } from '../../../shared/model'
import { ok, type Result } from '../../../shared/result'
import type { DeclareResidenceInput } from '../../../shared/schemas/declaration'
import type { DeclareOnBehalfInput } from '../../../shared/schemas/onBehalf'
import type { Needs } from '../ports'
import { onBehalfRecord } from '../reports/onBehalfRecord'
import { beginDeclaration, openDeclaration } from './openDeclaration'
import { sealRoomPersons } from './personChecks'
import { duplicateMessages } from './verification/duplicates'

// 居住登记自主申报: a household says who lives in a room. Checked (the form against the
// server's day, the consent, the room, the same person already there), sealed, routed by the
// room's building to its grid and stored pending verification, with a message to the staff
// who verify it and, for an ID also held at another room, to that room's grid staff.

export type DeclareDeps = Needs<'declarations' | 'buildings' | 'reference' | 'router' | 'cipher' | 'notifier' | 'ids' | 'clock' | 'config' | 'calendar'>

export const declareResidence = (deps: DeclareDeps, caller: User, input: DeclareResidenceInput, requestId: string | undefined) =>
  fileDeclaration(deps, caller, 'declareResidence', input, requestId)

/**
 * A move-in as its caller files it: their own household's, or for a resident (代申报,
 * declareOnBehalf.ts), whose form carries `onBehalf` and is checked with it. Each action keys
 * its own requests.
 */
export async function fileDeclaration(
  deps: DeclareDeps, caller: User, action: 'declareResidence' | 'declareOnBehalf', input: DeclareResidenceInput | DeclareOnBehalfInput, requestId: string | undefined,
): Promise<Result<DeclarationView>> {
  const begun = await beginDeclaration(deps, caller, action, action === 'declareResidence' ? 'declare' : 'declareOnBehalf', input, requestId)
  if (!begun.ok) return begun
  if (begun.value.before) return ok(begun.value.before)
  const { form, place, requestKey, id } = begun.value
  const sealed = await sealRoomPersons(deps, place.room.id, form.persons, id)
  if (!sealed.ok) return sealed
  const { standing, consentVersion } = form
  const onBehalf = 'onBehalf' in form ? await onBehalfRecord(deps, caller, form.onBehalf) : undefined
  return openDeclaration(deps, caller, { id, requestKey, kind: 'move_in', place, standing, persons: sealed.value.persons, consentVersion, onBehalf }, (d) =>
    duplicateMessages(deps, d, sealed.value.elsewhere),
  )
}
