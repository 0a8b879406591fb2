import type { DeclarationView } from '../../../shared/api'
import { appError } from '../../../shared/errors'
import type { Resident, User } from '../../../shared/model'
import { fail, ok, type Result } from '../../../shared/result'
import type { DeclareMoveOutInput } from '../../../shared/schemas/declaration'
import { can } from '../policy'
import type { DeclareDeps } from './declareResidence'
import { beginDeclaration, openDeclaration } from './openDeclaration'
import { isOpenDeclaration } from './views'

// 迁出注销: someone who declared a room's household says who of it has left, and when. It
// is a declaration like a move-in (pending until the grid worker verifies it), whose persons
// are the register records leaving, sealed values and all: nothing is typed again.

export async function declareMoveOut(deps: DeclareDeps, caller: User, input: DeclareMoveOutInput, requestId: string | undefined): Promise<Result<DeclarationView>> {
  const begun = await beginDeclaration(deps, caller, 'declareMoveOut', 'moveOut', input, requestId)
  if (!begun.ok) return begun
  if (begun.value.before) return ok(begun.value.before)
  const { form, place, requestKey, id } = begun.value
  const roomId = place.room.id
  const residents = await deps.declarations.roomResidents(roomId)
  if (!can(caller, 'resident', 'declareMoveOut', { declarantIds: [...new Set(residents.map((r) => r.declarantId))] })) {
    return fail(appError('FORBIDDEN', '只有为该房屋登记过住户的人才能办理迁出'))
  }
  const leaving = whoLeaves(residents, form)
  if (!leaving.ok) return leaving
  const open = await openMoveOutOf(deps, roomId, leaving.value, id)
  if (open) return fail({ ...appError('CONFLICT', open.message, { [open.field]: open.message }), existing: { kind: 'declaration', id: open.id } })
  const standing = residents.find((r) => r.declarantId === caller.id)?.standing ?? 'family'
  const persons = leaving.value.map(({ id, name, idKind, idNumber, phone, relation, moveInDate }) => ({ id, name, idKind, idNumber, phone, relation, moveInDate }))
  const { moveOutDate, consentVersion } = form
  return openDeclaration(deps, caller, { id, requestKey, kind: 'move_out', place, standing, persons, moveOutDate, consentVersion })
}

/** The residents named, each a current resident of the room, once, who moved in no later than the move-out day. */
function whoLeaves(residents: Resident[], form: { residentIds: string[]; moveOutDate: string }): Result<Resident[]> {
  const byId = new Map(residents.map((r) => [r.id, r]))
  const fields: Record<string, string> = {}
  const seen = new Set<string>()
  form.residentIds.forEach((id, i) => {
    const r = byId.get(id)
    if (!r) fields[`residentIds.${i}`] = '该住户不在本户的登记中，请刷新后重新选择'
    else if (seen.has(id)) fields[`residentIds.${i}`] = '同一住户只需选择一次'
    else if (form.moveOutDate < r.moveInDate) fields.moveOutDate ??= `迁出日期不能早于${r.name}的入住日期（${r.moveInDate}）`
    seen.add(id)
  })
  const first = Object.values(fields)[0]
  if (first) return fail(appError('VALIDATION', first, fields))
  return ok([...seen].map((id) => byId.get(id)!))
}

/** An open move-out of the room already covering one of them (not this request's own). */
async function openMoveOutOf(deps: DeclareDeps, roomId: string, leaving: Resident[], ownId: string): Promise<{ id: string; field: string; message: string } | null> {
  const indexes = leaving.map((r) => r.idNumber.index)
  const { declarations } = await deps.declarations.findByIdIndexes(indexes)
  for (const d of declarations) {
    if (d.id === ownId || d.kind !== 'move_out' || d.roomId !== roomId || !isOpenDeclaration(d)) continue
    const i = leaving.findIndex((r) => d.persons.some((p) => p.id === r.id))
    if (i >= 0) return { id: d.id, field: `residentIds.${i}`, message: `${leaving[i].name}的迁出注销已在核查中，请勿重复办理` }
  }
  return null
}
