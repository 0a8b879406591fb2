import type { RevealedField } from '../../../../shared/api'
import { maskName } from '../../../../shared/declarations/words'
import type { AuditEntry, User } from '../../../../shared/model'
import { ok, type Result } from '../../../../shared/result'
import type { RevealPersonFieldInput } from '../../../../shared/schemas/declaration'
import type { Needs } from '../../ports'
import { invalid } from '../../staff/staffRecord'
import { loadDeclarationToVerify } from '../load'
import { unseal } from '../seal'
import { isOpenDeclaration } from '../views'

// 查看完整号码 (docs/privacy.md "Who sees what"): one field of one person, whole, to the staff
// verifying an open declaration, with the reason they typed. The audit entry is stored first:
// if that write fails the call fails, and no number has left the function.

export async function revealPersonField(deps: Needs<'declarations' | 'audit' | 'cipher' | 'ids' | 'clock'>, caller: User, input: RevealPersonFieldInput): Promise<Result<RevealedField>> {
  const loaded = await loadDeclarationToVerify(deps, caller, input.declarationId, 'revealPersonField')
  if (!loaded.ok) return loaded
  const d = loaded.value
  // once decided, nothing is left to check against the document: the masked form is enough
  if (!isOpenDeclaration(d)) return invalid('declarationId', '只有核查中的申报可查看完整号码')
  const person = d.persons.find((p) => p.id === input.personId)
  if (!person) return invalid('personId', '该申报中没有这位居住人')
  const sealed = input.field === 'idNumber' ? person.idNumber : person.phone
  if (!sealed || sealed.token === '') return invalid('field', input.field === 'phone' ? '该居住人未填写联系电话' : '该居住人的证件号码已删除')
  const entry: AuditEntry = {
    id: deps.ids.next('au'), at: deps.clock.now(), actorId: caller.id, actorName: caller.name, actorRole: caller.role, action: 'reveal',
    field: input.field, declarationId: d.id, personId: person.id, personName: maskName(person.name), addressLabel: d.addressLabel, gridId: d.gridId, reason: input.reason,
  }
  await deps.audit.append(entry)
  const value = await unseal(deps.cipher, input.field, sealed)
  return ok({ personId: person.id, field: input.field, value, auditId: entry.id })
}
