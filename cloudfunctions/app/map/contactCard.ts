import type { ContactCard, StaffContact } from '../../../shared/api'
import type { Grid, User } from '../../../shared/model'
import { ROLE_NAMES } from '../../../shared/roles'
import { isStoredPhoto } from '../photos'
import type { Needs } from '../ports'

// 网格员服务联系卡 (DOMAIN.md): the people of one grid as a resident needs them, with their
// leave. Three reads in CloudBase (the grid's community, street and staff, at once), a fourth
// only while someone is on leave (their substitutes) and a fifth only when someone has a
// photo (its review): none is repeated per person.

export const DEFAULT_HOTLINE = '12345'

type CardDeps = Needs<'reference' | 'clock' | 'content' | 'photoLinks'>

export async function contactCardOf(deps: CardDeps, grid: Grid, source: ContactCard['source']): Promise<ContactCard> {
  const staffIds = [...(grid.leaderId ? [grid.leaderId] : []), ...grid.workerIds]
  const [community, street, staff] = await Promise.all([
    deps.reference.getCommunity(grid.communityId),
    deps.reference.getStreet(grid.streetId),
    deps.reference.getUsers(staffIds),
  ])
  const now = deps.clock.now()
  const substitutes = await substitutesOf(deps, staff, now)
  const photos = await photoLinksOf(deps, staff)
  const contact = (u: User) => staffContact(u, now, substitutes, photos)
  const leader = staff.find((u) => u.id === grid.leaderId)
  return {
    gridId: grid.id,
    gridName: grid.name,
    communityId: grid.communityId,
    communityName: community?.name ?? '',
    streetName: street?.name ?? '',
    leader: leader ? contact(leader) : null,
    workers: staff.filter((u) => u.id !== grid.leaderId).map(contact),
    hotline: street?.hotline ?? DEFAULT_HOTLINE,
    source,
  }
}

/** A leave counts from its first moment up to, not including, its end. */
export const onLeaveNow = (u: User, now: number) => !!u.leave && u.leave.from <= now && now < u.leave.until

export function staffContact(u: User, now: number, substitutes: Map<string, User>, photos: Map<string, string>): StaffContact {
  const sub = onLeaveNow(u, now) ? substitutes.get(u.leave!.substituteId) : undefined
  return {
    name: u.name,
    phone: u.phone,
    role: u.role,
    roleName: ROLE_NAMES[u.role],
    duties: u.duties ?? '',
    officeHours: u.officeHours ?? '',
    ...(u.photoUrl && photos.has(u.photoUrl) ? { photoUrl: photos.get(u.photoUrl) } : {}),
    onLeave: onLeaveNow(u, now) ? { until: u.leave!.until, substitute: sub ? { name: sub.name, phone: sub.phone } : null } : null,
  }
}

async function substitutesOf(deps: CardDeps, staff: User[], now: number): Promise<Map<string, User>> {
  const known = new Map(staff.map((u) => [u.id, u]))
  const wanted = staff.filter((u) => onLeaveNow(u, now)).map((u) => u.leave!.substituteId)
  const missing = wanted.filter((id) => !known.has(id))
  if (missing.length > 0) for (const u of await deps.reference.getUsers(missing)) known.set(u.id, u)
  return known
}

/**
 * Staff photos are files of our own storage (a file id) the staff page uploaded
 * (admin.setStaffPhoto), shown to residents like anyone else's photo: only once content review
 * passed it, and as a link. A web address, a photo under review or refused: the card shows
 * the bundled face instead.
 */
async function photoLinksOf(deps: CardDeps, staff: User[]): Promise<Map<string, string>> {
  const ids = [...new Set(staff.map((u) => u.photoUrl).filter((p): p is string => !!p && isStoredPhoto(p)))]
  const shown = ids.length > 0 ? [...(await deps.content.visiblePhotos(ids))] : []
  return shown.length > 0 ? deps.photoLinks.links(shown) : new Map()
}
