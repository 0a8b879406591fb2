import type { DeclarationView } from '../../../shared/api'
import { appError } from '../../../shared/errors'
import type { User } from '../../../shared/model'
import { fail, ok, type Result } from '../../../shared/result'
import type { AmendDeclarationInput } from '../../../shared/schemas/declaration'
import { pushQuietly, actorNameOf } from '../records'
import { invalid } from '../staff/staffRecord'
import type { DeclareDeps } from './declareResidence'
import { changed, loadOwnDeclaration } from './load'
import { receivedMessages, verificationDuty } from './openDeclaration'
import { checkForm, sealRoomPersons } from './personChecks'
import { placeFields, roomPlace } from './place'
import { declarationViews, isOpenDeclaration } from './views'

// 补充信息: the declarant sends the household again, as it should be, while the declaration is
// still open (after the worker asked for more, or before anyone looked). The same checks as a
// new declaration, except against itself; it is routed again (the registry may have moved the
// building), waits for verification anew with a new deadline, and the verifying staff are told.

export async function amendDeclaration(deps: DeclareDeps, caller: User, input: AmendDeclarationInput): Promise<Result<DeclarationView>> {
  const loaded = await loadOwnDeclaration(deps, caller, input.declarationId, 'amendDeclaration')
  if (!loaded.ok) return loaded
  const d = loaded.value
  if (d.version !== input.version) return fail(appError('CONFLICT'))
  if (d.kind === 'move_out') return invalid('declarationId', '迁出注销无需补充信息，如有误请撤回后重新办理')
  if (!isOpenDeclaration(d)) return invalid('declarationId', '该申报已处理完毕，不能再修改；如需变更请重新申报')
  const form = checkForm(deps, 'amend', input)
  if (!form.ok) return form
  const place = await roomPlace(deps, d.roomId)
  if (!place.ok) return place
  const sealed = await sealRoomPersons(deps, d.roomId, form.value.persons, d.id)
  if (!sealed.ok) return sealed
  const now = deps.clock.now()
  const duty = await verificationDuty(deps, place.value.grid, now)
  const next = changed(d, now, {
    ...placeFields(place.value), standing: form.value.standing, persons: sealed.value.persons, consentVersion: form.value.consentVersion,
    status: 'pending', assigneeId: duty.assigneeId, dueAt: duty.dueAt,
    history: [...d.history, { at: now, actorId: caller.id, actorName: actorNameOf(caller), action: 'amended' }],
  })
  const messages = receivedMessages(deps, duty.recipientIds, next, place.value.community.name, true)
  if (!(await deps.declarations.saveChange({ declaration: next, expectedVersion: d.version, messages }))) return fail(appError('CONFLICT'))
  await pushQuietly(deps, messages)
  return ok((await declarationViews(deps, [next]))[0])
}
