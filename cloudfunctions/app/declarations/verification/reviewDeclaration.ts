import type { VerificationDetail } from '../../../../shared/api'
import { DECLARATION_KIND_NAMES, DECLARATION_STATUS_NAMES, maskName, type ReviewDecision } from '../../../../shared/declarations/words'
import { appError } from '../../../../shared/errors'
import type { Declaration, Message, Resident, User } from '../../../../shared/model'
import { fail, ok, type Result } from '../../../../shared/result'
import type { ReviewDeclarationInput } from '../../../../shared/schemas/declaration'
import type { DeclarationChange, Needs } from '../../ports'
import { actorNameOf, message, pushQuietly } from '../../records'
import { invalid } from '../../staff/staffRecord'
import { changed, loadDeclarationToVerify } from '../load'
import { communityNameOf, mapNames } from '../place'
import { settleHome } from './householdHome'
import { verificationDetail, type VerifyDeps } from './getVerification'
import { registerOrderOf } from '../../../../shared/declarations/registerOrder'

// 核查结果: the verifying worker approves (the register takes the people in, or lets them go),
// rejects with a reason, or asks the declarant for more. Guarded by the version the worker saw;
// the declarant is told each time. Only a declaration waiting on the worker (pending) is
// decided: one that waits on the declarant (more_info) comes back when they answer.

type ReviewDeps = VerifyDeps & Needs<'notifier' | 'ids'>

const STATUS_AFTER: Readonly<Record<ReviewDecision, Declaration['status']>> = { approve: 'verified', reject: 'rejected', ask_more: 'more_info' }

export async function reviewDeclaration(deps: ReviewDeps, caller: User, input: ReviewDeclarationInput): Promise<Result<VerificationDetail>> {
  const loaded = await loadDeclarationToVerify(deps, caller, input.declarationId, 'reviewDeclaration')
  if (!loaded.ok) return loaded
  const d = loaded.value
  // the same approve again (its answer was lost): the register has it; the home grid may not
  if (input.decision === 'approve' && d.status === 'verified' && d.review?.decision === 'approve' && d.review.byId === caller.id) {
    await settleHome(deps, d)
    return ok(await verificationDetail(deps, caller, d))
  }
  if (d.version !== input.version) return fail(appError('CONFLICT'))
  if (d.status === 'more_info') return invalid('decision', '正在等待居民补充信息，补充后再核查')
  if (d.status !== 'pending') return fail(appError('CONFLICT', `该申报${DECLARATION_STATUS_NAMES[d.status]}，请刷新后查看`))
  const now = deps.clock.now()
  const register = input.decision === 'approve' ? await registerChange(deps, caller, d, now) : ok({})
  if (!register.ok) return register
  const reason = input.decision === 'approve' ? undefined : input.reason
  const next = changed(d, now, {
    status: STATUS_AFTER[input.decision],
    dueAt: null,
    review: { decision: input.decision, ...(reason ? { reason } : {}), byId: caller.id, byName: caller.name, at: now },
    history: [...d.history, { at: now, actorId: caller.id, actorName: actorNameOf(caller), action: input.decision, ...(reason ? { note: reason } : {}) }],
  })
  const messages = [await declarantMessage(deps, next, input.decision, reason)]
  if (!(await deps.declarations.saveChange({ declaration: next, expectedVersion: d.version, messages, ...register.value }))) return fail(appError('CONFLICT'))
  if (input.decision === 'approve') await settleHome(deps, next)
  await pushQuietly(deps, messages)
  return ok(await verificationDetail(deps, caller, next))
}

/** What an approval does to the register: the people in (none of them already current in the room), or out (all still current). */
async function registerChange(deps: ReviewDeps, caller: User, d: Declaration, now: number): Promise<Result<Pick<DeclarationChange, 'addResidents' | 'moveOut'>>> {
  if (d.kind === 'move_out') {
    const current = new Set((await deps.declarations.roomResidents(d.roomId)).map((r) => r.id))
    const gone = d.persons.find((p) => !current.has(p.id))
    if (gone) return fail(appError('CONFLICT', `${maskName(gone.name)}已不在本户的登记中，请不予通过`, { decision: `${maskName(gone.name)}已不在本户的登记中，请不予通过` }))
    return ok({ moveOut: { residentIds: d.persons.map((p) => p.id), movedOut: { date: d.moveOutDate!, at: now, declarationId: d.id } } })
  }
  // since it was declared, another declaration of the room may have put the same person in
  const indexes = d.persons.map((p) => p.idNumber.index)
  const here = (await deps.declarations.findByIdIndexes(indexes)).residents.find((r) => r.roomId === d.roomId)
  if (here) {
    const text = `${maskName(here.name)}已登记在本户（已核验），请不予通过或请居民补充信息`
    return fail({ ...appError('CONFLICT', text, { decision: text }), existing: { kind: 'resident', id: here.id } })
  }
  const residents: Resident[] = d.persons.map((p) => ({
    id: p.id, roomId: d.roomId, buildingId: d.buildingId, communityId: d.communityId, gridId: d.gridId, registerOrder: registerOrderOf(d.addressLabel),
    name: p.name, idKind: p.idKind, idNumber: p.idNumber, phone: p.phone, relation: p.relation, standing: d.standing, moveInDate: p.moveInDate,
    declarationId: d.id, declarantId: d.declarantId, verifiedAt: now, verifiedById: caller.id, movedOut: null, anonymisedAt: null,
  }))
  return ok({ addResidents: residents })
}

async function declarantMessage(deps: ReviewDeps, d: Declaration, decision: ReviewDecision, reason: string | undefined): Promise<Message> {
  const kind = DECLARATION_KIND_NAMES[d.kind]
  const where = `${communityNameOf(await mapNames(deps), d.communityId)}${d.addressLabel}`
  const refs = { declarationId: d.id }
  if (decision === 'approve') {
    const body = d.kind === 'move_in' ? `${where}的居住登记已核验，${d.persons.length}人已登记入住` : `${where}的${d.persons.length}人已注销居住登记`
    return message(deps, d.declarantId, 'declaration_verified', `您的${kind}已核验`, body, refs)
  }
  if (decision === 'reject') return message(deps, d.declarantId, 'declaration_rejected', `您的${kind}未通过`, `${where}：${reason}`, refs)
  return message(deps, d.declarantId, 'declaration_more_info', `您的${kind}需补充信息`, `${where}：${reason}。请在“我的居住登记”中补充后重新提交`, refs)
}
