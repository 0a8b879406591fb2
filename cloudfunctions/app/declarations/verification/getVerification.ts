import type { VerificationDetail } from '../../../../shared/api'
import { maskPhone } from '../../../../shared/identity/masking'
import type { Declaration, User } from '../../../../shared/model'
import { ok, type Result } from '../../../../shared/result'
import type { DeclarationRefInput } from '../../../../shared/schemas/declaration'
import { can } from '../../policy'
import type { Needs } from '../../ports'
import { onBehalfForStaff } from '../../reports/onBehalfView'
import { loadDeclarationToVerify } from '../load'
import { mapNames } from '../place'
import { declarationView, isOpenDeclaration, residentView } from '../views'
import { duplicatesOf } from './duplicates'

// 核查: one declaration as the verifying worker sees it, masked: who declared it (to call
// them back), who the register already has in the room, and the same IDs elsewhere.

export type VerifyDeps = Needs<'declarations' | 'reference' | 'router' | 'clock' | 'cipher'>

export async function getVerification(deps: VerifyDeps, caller: User, input: DeclarationRefInput): Promise<Result<VerificationDetail>> {
  const loaded = await loadDeclarationToVerify(deps, caller, input.declarationId, 'getVerification')
  if (!loaded.ok) return loaded
  return ok(await verificationDetail(deps, caller, loaded.value))
}

export async function verificationDetail(deps: VerifyDeps, caller: User, d: Declaration): Promise<VerificationDetail> {
  const [declarant, roomResidents, flags, names, onBehalf] = await Promise.all([
    deps.reference.getUser(d.declarantId),
    deps.declarations.roomResidents(d.roomId),
    duplicatesOf(deps, [d]),
    mapNames(deps),
    d.onBehalf ? onBehalfForStaff(deps, d.onBehalf) : null,
  ])
  return {
    ...declarationView(d, names, deps.clock.now()),
    // to call the household back; the whole number stays out of screenshots
    declarant: { name: declarant?.name ?? '居民', phoneMasked: declarant?.phone ? maskPhone(declarant.phone) : null },
    roomResidents: roomResidents.map((r) => residentView(r, d.addressLabel)),
    duplicates: flags.get(d.id) ?? [],
    canReveal: isOpenDeclaration(d) && can(caller, 'worker', 'revealPersonField', d),
    // 代申报: the verifying staff call the resident back with it
    onBehalf,
  }
}
