import type { RosterImportResult, RosterProblem } from '../../../shared/api'
import type { Community, Grid, Street, User } from '../../../shared/model'
import { isReporterRole } from '../../../shared/roles'
import type { PlacedRow } from '../../../shared/roster/placeRoster'
import { maskPhone } from '../../../shared/identity/masking'

// What a roster import changes: each row matched to a staff member by work phone (or a new
// one), their record as the row leaves it, and the map records that name staff (a grid's
// workers and leader, a community's and a street's dispatchers) moved to match. People the
// file leaves out keep their records and places: removing someone is not an import's doing.
// One exception, since a grid has one leader: a leader the file replaces and does not list
// loses that grid (their record stays; the plan lists them under "changed").

export interface RosterWrite {
  /** people added, changed, or displaced as a grid's leader */
  users: User[]
  grids: Grid[]
  communities: Community[]
  streets: Street[]
  plan: RosterImportResult['plan']
}

export interface RosterBefore {
  grids: readonly Grid[]
  communities: readonly Community[]
  streets: readonly Street[]
  /** the staff the map names, and any record a row's phone would have been given */
  staff: readonly User[]
}

const PHONE = '工作电话'
// a photo is not the roster's: it is uploaded on the staff page and survives every import
const OPTIONAL = ['duties', 'officeHours'] as const
export const personLabel = (u: Pick<User, 'name' | 'phone'>) => `${u.name}（${maskPhone(u.phone)}）`

export function planRoster(rows: readonly PlacedRow[], before: RosterBefore, newId: (phone: string) => string): { write: RosterWrite; problems: RosterProblem[] } {
  const byPhone = new Map<string, User[]>()
  for (const u of before.staff) if (!isReporterRole(u.role)) byPhone.set(u.phone, [...(byPhone.get(u.phone) ?? []), u])
  const problems: RosterProblem[] = []
  const people: { before: User | null; after: User }[] = []
  for (const r of rows) {
    const found = byPhone.get(r.phone) ?? []
    if (found.length > 1) {
      problems.push({ row: r.row, column: PHONE, message: `系统中有${found.length}位工作人员使用工作电话 ${r.phone}（${found.map((u) => u.name).join('、')}）：无法确定是哪一位，请先核对` })
      continue
    }
    people.push({ before: found[0] ?? null, after: personAfter(r, found[0] ?? null, newId) })
  }

  const placed = new Map(people.map((p) => [p.after.id, p.after]))
  const listed = (id: string) => placed.has(id)
  const holds = (id: string, role: User['role'], test: (u: User) => boolean) => {
    const u = placed.get(id)
    return !!u && u.role === role && test(u)
  }
  const inFileOrder = (role: User['role'], test: (u: User) => boolean) => people.map((p) => p.after).filter((u) => u.role === role && test(u)).map((u) => u.id)
  /** Those the file does not list stay; those it lists stay only where it places them; newcomers follow, in file order. */
  const members = (current: readonly string[], role: User['role'], test: (u: User) => boolean) => {
    const kept = current.filter((id) => !listed(id) || holds(id, role, test))
    return [...kept, ...inFileOrder(role, test).filter((id) => !kept.includes(id))]
  }

  const displaced = new Map<string, string[]>()
  const grids = before.grids.flatMap((g) => {
    const here = (u: User) => u.gridIds.includes(g.id)
    const workerIds = members(g.workerIds, 'grid_worker', here)
    const newLeader = inFileOrder('grid_leader', here)[0]
    const leaderId = newLeader ?? (g.leaderId && !listed(g.leaderId) ? g.leaderId : undefined)
    if (newLeader && g.leaderId && g.leaderId !== newLeader && !listed(g.leaderId)) displaced.set(g.leaderId, [...(displaced.get(g.leaderId) ?? []), g.id])
    if (same(workerIds, g.workerIds) && leaderId === g.leaderId) return []
    const { leaderId: _, ...rest } = g
    return [{ ...rest, workerIds, ...(leaderId ? { leaderId } : {}) }]
  })
  const communities = before.communities.flatMap((c) => {
    const dispatcherIds = members(c.dispatcherIds, 'community_dispatcher', (u) => u.communityId === c.id)
    return same(dispatcherIds, c.dispatcherIds) ? [] : [{ ...c, dispatcherIds }]
  })
  const streets = before.streets.flatMap((s) => {
    const dispatcherIds = members(s.dispatcherIds, 'street_dispatcher', (u) => u.streetId === s.id)
    return same(dispatcherIds, s.dispatcherIds) ? [] : [{ ...s, dispatcherIds }]
  })

  const plan: RosterWrite['plan'] = { added: [], changed: [], unchanged: [] }
  const users: User[] = []
  for (const p of people) {
    const list = !p.before ? plan.added : same(p.before, p.after) ? plan.unchanged : plan.changed
    list.push(personLabel(p.after))
    if (list !== plan.unchanged) users.push(p.after)
  }
  const staffById = new Map(before.staff.map((u) => [u.id, u]))
  for (const [id, lost] of displaced) {
    const u = staffById.get(id)
    if (!u) continue
    users.push({ ...u, gridIds: u.gridIds.filter((g) => !lost.includes(g)) })
    plan.changed.push(personLabel(u))
  }
  return { write: { users, grids, communities, streets, plan }, problems }
}

/** The record a row leaves: what it says, over what the person's record had (leave, binding, an optional column the file lacks). */
function personAfter(r: PlacedRow, before: User | null, newId: (phone: string) => string): User {
  const { communityId: _c, streetId: _s, ...kept } = before ?? { id: newId(r.phone), name: r.name, role: r.role, phone: r.phone, gridIds: [] }
  const after: User = { ...kept, name: r.name, role: r.role, phone: r.phone, gridIds: r.gridIds, ...(r.communityId ? { communityId: r.communityId } : {}), streetId: r.streetId }
  for (const field of OPTIONAL) {
    const value = r[field]
    if (value === undefined) continue
    if (value === '') delete after[field]
    else after[field] = value
  }
  return after
}

/** The same value, whatever the order of an object's keys. */
function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(sorted(a)) === JSON.stringify(sorted(b))
}
function sorted(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sorted)
  if (v && typeof v === 'object') return Object.fromEntries(Object.keys(v).sort().map((k) => [k, sorted((v as Record<string, unknown>)[k])]))
  return v
}
