import type { StaffRecord } from '../../../shared/api'
import { appError } from '../../../shared/errors'
import type { Community, Grid, Street, User } from '../../../shared/model'
import { fail, ok, type Result } from '../../../shared/result'
import { isReporterRole, ROLE_NAMES } from '../../../shared/roles'
import { isStoredPhoto } from '../photos'
import { can, type AreaSubject } from '../policy'
import type { Needs } from '../ports'

// A staff record as the admin pages show it, and the rule every staff action starts with:
// the record exists, is staff, and sits in the caller's area (policy.ts, scope `area`).

type StaffAction = 'issueBindingCode' | 'unbindStaff' | 'setLeave' | 'endLeave' | 'setStaffPhoto'

/** What a staff record is made from: the people, their codes, the time, and their photos' reviews and links. */
export type RecordDeps = Needs<'reference' | 'bindingCodes' | 'clock' | 'content' | 'photoLinks'>

/** Where a staff record sits, as the policy's area scope reads it. */
/** A refusal of one field, named so the admin page shows it under that field. */
export const invalid = (field: string, message: string) => fail(appError('VALIDATION', message, { [field]: message }))

export const areaOf = (u: User): AreaSubject => ({ communityId: u.communityId ?? null, streetId: u.streetId ?? null })

/** The staff record the caller may handle with `action`, or NOT_FOUND / FORBIDDEN. */
export async function loadStaff(deps: Needs<'reference'>, caller: User, userId: string, action: StaffAction): Promise<Result<User>> {
  const user = await deps.reference.getUser(userId)
  if (!user || isReporterRole(user.role)) return fail(appError('NOT_FOUND', '没有找到这位工作人员', { userId: '没有找到这位工作人员' }))
  if (!can(caller, 'admin', action, areaOf(user))) return fail(appError('FORBIDDEN', '这位工作人员不在您管辖的范围内'))
  return ok(user)
}

/** The map records a page of staff records names, by id. */
export interface Places { grids: Map<string, Grid>; communities: Map<string, Community>; streets: Map<string, Street> }

const byId = <T extends { id: string }>(list: readonly (T | null)[]) => new Map(list.filter((x): x is T => !!x).map((x) => [x.id, x]))

/** The places of a few records, read one by one (a page of the admin list reads the lists whole instead). */
export async function placesOf(deps: Needs<'reference'>, users: User[]): Promise<Places> {
  const ids = (pick: (u: User) => (string | undefined)[]) => [...new Set(users.flatMap(pick).filter((x): x is string => !!x))]
  const [grids, communities, streets] = await Promise.all([
    Promise.all(ids((u) => u.gridIds).map((id) => deps.reference.getGrid(id))),
    Promise.all(ids((u) => [u.communityId]).map((id) => deps.reference.getCommunity(id))),
    Promise.all(ids((u) => [u.streetId]).map((id) => deps.reference.getStreet(id))),
  ])
  return { grids: byId(grids), communities: byId(communities), streets: byId(streets) }
}

/** Staff records with what they show beside the person: codes waiting, substitutes' names, photos. */
export async function staffRecords(deps: RecordDeps, users: User[], places: Places): Promise<StaffRecord[]> {
  const now = deps.clock.now()
  const known = new Map(users.map((u) => [u.id, u]))
  const missing = [...new Set(users.flatMap((u) => (u.leave && !known.has(u.leave.substituteId) ? [u.leave.substituteId] : [])))]
  const [waiting, substitutes, photos] = await Promise.all([
    deps.bindingCodes.waiting(users.map((u) => u.id), now),
    missing.length > 0 ? deps.reference.getUsers(missing) : [],
    photosOf(deps, users),
  ])
  for (const s of substitutes) known.set(s.id, s)
  return users.map((u) => staffRecord(u, places, waiting, known, photos, now))
}

export async function oneStaffRecord(deps: RecordDeps, user: User): Promise<StaffRecord> {
  return (await staffRecords(deps, [user], await placesOf(deps, [user])))[0]
}

function staffRecord(u: User, places: Places, waiting: Map<string, number>, people: Map<string, User>, photos: Photos, now: number): StaffRecord {
  // a leave that is over is history: the list shows the one running or still to come
  const leave = u.leave && u.leave.until > now ? u.leave : null
  return {
    userId: u.id,
    name: u.name,
    role: u.role,
    roleName: ROLE_NAMES[u.role],
    phone: u.phone,
    placeName: placeName(u, places),
    gridIds: u.gridIds,
    communityId: u.communityId ?? null,
    streetId: u.streetId ?? null,
    bound: !!u.binding,
    boundAt: u.binding?.at ?? null,
    codeExpiresAt: waiting.get(u.id) ?? null,
    leave: leave ? { from: leave.from, until: leave.until, substituteId: leave.substituteId, substituteName: people.get(leave.substituteId)?.name ?? '', ...(leave.note ? { note: leave.note } : {}) } : null,
    photo: u.photoUrl ? photos.links.get(u.photoUrl) ?? null : null,
    photoShown: !!u.photoUrl && photos.shown.has(u.photoUrl),
  }
}

interface Photos { links: Map<string, string>; shown: Set<string> }

/**
 * The staff page shows a photo whatever its review says (staff uploaded it, for staff to
 * check), and says whether residents see it yet: the contact card shows only passed ones
 * (contactCard.ts). One review read and one links call for a whole page, none without photos.
 */
async function photosOf(deps: Needs<'content' | 'photoLinks'>, users: User[]): Promise<Photos> {
  const ids = [...new Set(users.map((u) => u.photoUrl).filter((p): p is string => !!p && isStoredPhoto(p)))]
  if (ids.length === 0) return { links: new Map(), shown: new Set() }
  const [links, shown] = await Promise.all([deps.photoLinks.links(ids), deps.content.visiblePhotos(ids)])
  return { links, shown }
}

/** In words: "莲花一村社区第1网格、莲花一村社区第2网格", "田面社区", "华富街道". */
function placeName(u: User, places: Places): string {
  const community = u.communityId ? places.communities.get(u.communityId) : undefined
  const street = u.streetId ? places.streets.get(u.streetId) : undefined
  if (u.role === 'grid_worker' || u.role === 'grid_leader') {
    const grids = u.gridIds.map((id) => places.grids.get(id)?.name ?? id)
    if (grids.length === 0) return `${community?.name ?? street?.name ?? ''}（未分配网格）`
    const named = !community || grids.every((g) => g.startsWith(community.name))
    return `${named ? '' : `${community.name} `}${grids.join('、')}`
  }
  if (u.role === 'community_dispatcher') return community?.name ?? ''
  if (u.role === 'street_dispatcher') return street?.name ?? ''
  return street?.district ?? ROLE_NAMES[u.role]
}
