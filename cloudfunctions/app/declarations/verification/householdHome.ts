import type { Declaration, User } from '../../../../shared/model'
import type { Needs } from '../../ports'
import { communityNameOf, mapNames } from '../place'

// A verified declaration decides the declarant's home grid (the home page's contact card,
// user.myGrid): moving in sets it to the room's grid with the address it came from; moving
// the last of their household out of that room clears it. A landlord declares tenants and
// lives elsewhere, so their own home is not touched. Written after the declaration's change,
// so it is re-applied when the same approve is retried (the write between may have failed).

export async function settleHome(deps: Needs<'reference' | 'declarations' | 'router'>, d: Declaration): Promise<void> {
  const declarant = await deps.reference.getUser(d.declarantId)
  if (!declarant) return
  const next = d.kind === 'move_in' ? await movedIn(deps, declarant, d) : await movedOut(deps, declarant, d)
  if (next) await deps.reference.saveUsers([next])
}

async function movedIn(deps: Needs<'router'>, declarant: User, d: Declaration): Promise<User | null> {
  if (d.standing === 'landlord') return null
  const label = `${communityNameOf(await mapNames(deps), d.communityId)}${d.addressLabel}`
  const home = declarant.homeAddress
  if (declarant.homeGridId === d.gridId && home?.roomId === d.roomId && home.label === label) return null
  return { ...declarant, homeGridId: d.gridId, homeAddress: { roomId: d.roomId, label } }
}

async function movedOut(deps: Needs<'declarations'>, declarant: User, d: Declaration): Promise<User | null> {
  if (declarant.homeAddress?.roomId !== d.roomId) return null
  const remaining = (await deps.declarations.residentsDeclaredBy(declarant.id)).some((r) => r.roomId === d.roomId)
  if (remaining) return null
  const { homeGridId: _grid, homeAddress: _address, ...rest } = declarant
  return rest
}
