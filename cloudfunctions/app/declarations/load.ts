import { appError } from '../../../shared/errors'
import type { Declaration, User } from '../../../shared/model'
import { fail, ok, type Result } from '../../../shared/result'
import { can } from '../policy'
import type { Needs } from '../ports'

// A declaration in the caller's scope (policy.ts): the declarant's own for their actions, one
// of the caller's grids (or handed to them as a substitute) for a verifier's. Unknown and
// out of scope answer differently: the person asked for an id they were given.

const notFound = () => fail(appError('NOT_FOUND', '没有找到这份申报', { declarationId: '没有找到这份申报' }))

export async function loadOwnDeclaration(deps: Needs<'declarations'>, caller: User, id: string, action: 'amendDeclaration' | 'withdrawDeclaration'): Promise<Result<Declaration>> {
  const d = await deps.declarations.get(id)
  if (!d) return notFound()
  if (!can(caller, 'resident', action, d)) return fail(appError('FORBIDDEN', '这份申报不是您提交的'))
  return ok(d)
}

export async function loadDeclarationToVerify(deps: Needs<'declarations'>, caller: User, id: string, action: 'getVerification' | 'reviewDeclaration' | 'revealPersonField'): Promise<Result<Declaration>> {
  const d = await deps.declarations.get(id)
  if (!d) return notFound()
  if (!can(caller, 'worker', action, d)) return fail(appError('FORBIDDEN', '这份申报不属于您负责的网格'))
  return ok(d)
}

/** The declaration after a change: one version more, stamped now (the store's guard compares the version before it). */
export const changed = (d: Declaration, now: number, patch: Partial<Declaration>): Declaration => ({ ...d, ...patch, version: d.version + 1, updatedAt: now })
