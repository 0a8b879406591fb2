import { addWorkingMinutes } from '../../../shared/calendar/workingTime'
import { CONSENT } from '../../../shared/declarations/consent'
import type { Building, Community, Declaration, Grid, Resident, Room, User } from '../../../shared/model'
import type { Deps } from '../../app/ports'
import { seal } from '../../app/declarations/seal'
import { addressLabelOf } from '../../app/declarations/place'
import { actorNameOf } from '../../app/records'
import { demoHousehold } from './demoHouseholds'
import { registerOrderOf } from '../../../shared/declarations/registerOrder'

// The demo's population register: households declared and verified over the past weeks, in
// the registry's rooms, most of them in the first grid (whose worker the demo logs in as) and
// the rest spread over the others, so the register and its coverage have something to show.
// Written through the declarations port as the verification would write them (a create, then
// the approval that moves the people in), every job of a kind at once: the writes gather into
// two commits, which keeps the test stack, seeded on every open, quick.

export const DEMO_HOUSEHOLDS = 40
/** households in the first grid; the others go round the remaining grids */
const IN_FIRST_GRID = 12
/** the demo account with a verified household; u_resident_1 and _2 have none (tests declare for them) */
export const HOUSEHOLD_ACCOUNT = 'u_resident_3'

const HOUR = 3_600_000

interface Planned { declaration: Declaration; residents: Resident[] }

export async function seedHouseholds(deps: Deps, users: User[], grids: Grid[], communities: readonly Pick<Community, 'id' | 'name' | 'streetId'>[]): Promise<void> {
  const account = users.find((u) => u.id === HOUSEHOLD_ACCOUNT)!
  const gridAt = (i: number) => (i < IN_FIRST_GRID ? grids[0] : grids[1 + ((i - IN_FIRST_GRID) % (grids.length - 1))])
  // the account's household sits in the grid it already calls home
  const accountAt = Math.max(0, [...Array(DEMO_HOUSEHOLDS).keys()].findIndex((i) => gridAt(i).id === account.homeGridId))
  const rooms = await roomsOf(deps, grids)
  const taken = new Map<string, number>()
  let serial = 0
  const plan = [...Array(DEMO_HOUSEHOLDS).keys()].map((i) => {
    const grid = gridAt(i)
    const n = taken.get(grid.id) ?? 0
    taken.set(grid.id, n + 1)
    const gridRooms = rooms.get(grid.id)!
    const mine = i === accountAt
    const household = demoHousehold(i, serial, mine ? { name: account.name, phone: account.phone } : undefined)
    serial += household.persons.length
    // 7 is prime to a grid's 48 rooms: the households of one grid never share a room
    return { i, grid, mine, household, ...gridRooms[(n * 7 + 3) % gridRooms.length] }
  })

  const now = deps.clock.now()
  const planned: Planned[] = await Promise.all(plan.map(async ({ i, grid, mine, household, room, building }) => {
    const worker = users.find((u) => u.id === grid.workerIds[0])!
    // a household without a demo login: its declarant's account is not among the demo people
    const declarantId = mine ? account.id : `u_household_${String(i + 1).padStart(2, '0')}`
    const submittedAt = now - (DEMO_HOUSEHOLDS - i) * 20 * HOUR
    const verifiedAt = submittedAt + 26 * HOUR
    const community = communities.find((c) => c.id === grid.communityId)!
    const persons = await Promise.all(household.persons.map(async (p) => ({
      id: deps.ids.next('p'), name: p.name, idKind: 'resident' as const,
      idNumber: await seal(deps.cipher, 'idNumber', p.idNumber),
      phone: p.phone === null ? null : await seal(deps.cipher, 'phone', p.phone),
      relation: p.relation, moveInDate: p.moveInDate,
    })))
    const declaration: Declaration = {
      id: deps.ids.next('d'), kind: 'move_in', roomId: room.id, buildingId: building.id, communityId: community.id, streetId: community.streetId,
      gridId: grid.id, addressLabel: addressLabelOf(building, room), declarantId, standing: household.standing, persons,
      consentVersion: CONSENT.version, status: 'verified', assigneeId: worker.id, dueAt: null,
      review: { decision: 'approve', byId: worker.id, byName: worker.name, at: verifiedAt },
      history: [
        { at: submittedAt, actorId: declarantId, actorName: mine ? actorNameOf(account) : persons[0].name, action: 'submitted' },
        { at: verifiedAt, actorId: worker.id, actorName: actorNameOf(worker), action: 'approve' },
      ],
      version: 2, createdAt: submittedAt, updatedAt: verifiedAt, anonymisedAt: null,
    }
    const residents: Resident[] = persons.map((p) => ({
      id: p.id, roomId: room.id, buildingId: building.id, communityId: community.id, gridId: grid.id, registerOrder: registerOrderOf(declaration.addressLabel), name: p.name, idKind: p.idKind,
      idNumber: p.idNumber, phone: p.phone, relation: p.relation, standing: household.standing, moveInDate: p.moveInDate,
      declarationId: declaration.id, declarantId, verifiedAt, verifiedById: worker.id, movedOut: null, anonymisedAt: null,
    }))
    return { declaration, residents }
  }))

  // as declared (pending, with its deadline), then as verified
  await Promise.all(planned.map(({ declaration: d }) => deps.declarations.create({
    requestKey: null,
    declaration: { ...d, status: 'pending', dueAt: addWorkingMinutes(d.createdAt, deps.config.declarations.verifyMinutes, deps.calendar), review: null, history: d.history.slice(0, 1), version: 1, updatedAt: d.createdAt },
    messages: [],
  })))
  const saved = await Promise.all(planned.map(({ declaration, residents }) => deps.declarations.saveChange({ declaration, expectedVersion: 1, messages: [], addResidents: residents })))
  if (saved.includes(false)) throw new Error('seed households: a verification met a newer version')

  const home = planned[accountAt].declaration
  const community = communities.find((c) => c.id === home.communityId)!
  await deps.reference.saveUsers([{ ...account, homeGridId: home.gridId, homeAddress: { roomId: home.roomId, label: `${community.name}${home.addressLabel}` } }])
}

/** Each grid's rooms, in registry order, with their building. */
async function roomsOf(deps: Deps, grids: Grid[]): Promise<Map<string, { room: Room; building: Building }[]>> {
  const lists = await Promise.all(grids.map((g) => deps.buildings.listBuildings({ gridId: g.id })))
  return new Map(grids.map((g, i) => [g.id, lists[i].flatMap(({ building, rooms }) => rooms.map((room) => ({ room, building })))]))
}
