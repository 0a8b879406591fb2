import { maskName } from '../../../shared/declarations/words'
import type { OnBehalf } from '../../../shared/model'
import { ROLE_NAMES } from '../../../shared/roles'
import { unseal } from '../declarations/seal'
import type { Needs } from '../ports'

// 代报 / 代申报 as views show it (docs/privacy.md): the filer and the resident they filed for
// recognise it masked; only the staff handling the case see the resident's name and phone
// whole, to give the answer back.

/** For the filer's and the declarant's own views: enough to recognise whom it was for. */
export function onBehalfMasked(ob: OnBehalf): { nameMasked: string; phoneMasked: string } {
  return { nameMasked: maskName(ob.name), phoneMasked: ob.phone.masked }
}

/** For the handling staff: the resident to call back, and who filed it for them. */
export async function onBehalfForStaff(deps: Needs<'cipher'>, ob: OnBehalf): Promise<{ name: string; phone: string; byName: string; byRoleName: string }> {
  return { name: ob.name, phone: await unseal(deps.cipher, 'phone', ob.phone), byName: ob.byName, byRoleName: ROLE_NAMES[ob.byRole] }
}
