import type { DeclarationView } from '../../../shared/api'
import type { User } from '../../../shared/model'
import { ok, type Result } from '../../../shared/result'
import type { DeclareResidenceInput } from '../../../shared/schemas/declaration'
import type { Needs } from '../ports'
import { declarationIdFor, madeBefore, openDeclaration, requestKeyOf } from './openDeclaration'
import { checkForm, sealRoomPersons } from './personChecks'
import { roomPlace } from './place'
import { duplicateMessages } from './verification/duplicates'

// 居住登记自主申报: a household says who lives in a room. Checked (the form against the
// server's day, the consent, the room, the same person already there), sealed, routed by the
// room's building to its grid and stored pending verification, with a message to the staff
// who verify it and, for an ID also held at another room, to that room's grid staff.

export type DeclareDeps = Needs<'declarations' | 'buildings' | 'reference' | 'router' | 'cipher' | 'notifier' | 'ids' | 'clock' | 'config' | 'calendar'>

export async function declareResidence(deps: DeclareDeps, caller: User, input: DeclareResidenceInput, requestId: string | undefined): Promise<Result<DeclarationView>> {
  const form = checkForm(deps, 'declare', input)
  if (!form.ok) return form
  const place = await roomPlace(deps, form.value.roomId)
  if (!place.ok) return place
  const requestKey = requestKeyOf(caller, 'declareResidence', requestId)
  const id = declarationIdFor(deps, requestKey)
  const before = await madeBefore(deps, requestKey, id)
  if (before) return ok(before)
  const sealed = await sealRoomPersons(deps, place.value.room.id, form.value.persons, id)
  if (!sealed.ok) return sealed
  const { standing, consentVersion } = form.value
  return openDeclaration(deps, caller, { id, requestKey, kind: 'move_in', place: place.value, standing, persons: sealed.value.persons, consentVersion }, (d) =>
    duplicateMessages(deps, d, sealed.value.elsewhere),
  )
}
