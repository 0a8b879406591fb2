import type { OnBehalf, User } from '../../../shared/model'
import type { OnBehalfInput } from '../../../shared/schemas/onBehalf'
import { seal } from '../declarations/seal'
import type { Needs } from '../ports'

// 代报 / 代申报: the resident as a case keeps them, for the answer to be given back. The phone
// is sealed like a declared person's (docs/privacy.md); the name stays readable for the staff
// handling the case, and only their views show either whole (onBehalfView.ts).

export async function onBehalfRecord(deps: Needs<'cipher' | 'clock'>, caller: User, input: OnBehalfInput): Promise<OnBehalf> {
  return { name: input.name, phone: await seal(deps.cipher, 'phone', input.phone), byId: caller.id, byName: caller.name, byRole: caller.role, at: deps.clock.now() }
}
