import type { HouseholdView, MyResidence } from '../../../shared/api'
import { CONSENT } from '../../../shared/declarations/consent'
import type { User } from '../../../shared/model'
import { ok, type Result } from '../../../shared/result'
import type { Needs } from '../ports'
import { communityNameOf, gridNameOf, mapNames } from './place'
import { addressLabels, declarationViews, residentView } from './views'

// 我的居住登记: the rooms the caller declared a verified household for, each with everyone the
// register has there now (the household's move-out may name any of them), and the caller's
// own declarations in words. Nobody else's: the scope is the caller.

/** Enough for a household's history on one screen; older declarations are settled and kept for retention only. */
export const MY_DECLARATIONS = 50

export async function myResidence(deps: Needs<'declarations' | 'router' | 'clock'>, caller: User): Promise<Result<MyResidence>> {
  const [own, page, names] = await Promise.all([
    deps.declarations.residentsDeclaredBy(caller.id),
    deps.declarations.listByDeclarant(caller.id, { limit: MY_DECLARATIONS }),
    mapNames(deps),
  ])
  const rooms = [...new Map(own.map((r) => [r.roomId, r])).values()]
  const labels = await addressLabels(deps, own)
  const households = await Promise.all(rooms.map(async (first): Promise<HouseholdView> => {
    const residents = await deps.declarations.roomResidents(first.roomId)
    const addressLabel = labels.get(first.roomId) ?? ''
    return {
      roomId: first.roomId, addressLabel, communityName: communityNameOf(names, first.communityId), gridId: first.gridId, gridName: gridNameOf(names, first.gridId),
      residents: residents.map((r) => residentView(r, addressLabel)),
    }
  }))
  return ok({ households, declarations: await declarationViews(deps, page.items), consentVersion: CONSENT.version })
}
