import type { Building, Community, Grid, GridGeometry, LngLat, Room, Street, User } from '../../../shared/model'
import { CONSENT } from '../../../shared/declarations/consent'
import { checkCharacter } from '../../../shared/identity/idDocuments'
import type { Role } from '../../../shared/roles'
import type { LocalStack } from '../../../cloudfunctions/local/stack'
import { samplePhoto } from '../../../cloudfunctions/local/seed/samplePhoto'
import { moveWorld, type MovedTasks } from './moveWorld'
import { neighbourWorld, type NeighbourWorld } from './neighbourWorld'

// The authorization matrix's own small world, imported through the reference port: two
// streets; S1 with communities C1 (grids G1, G2) and C2 (grid G3); S2 with community C3
// (grid G4) and a part that no community holds. G1 and G2 share a border (a report near it can
// be transferred). Every caller sits at S1 / C1 / G1; every subject is placed at one of the
// relations the matrix names, and moveWorld.ts adds the tasks the moves need.

export const RELATIONS = ['own', 'same_grid', 'other_grid', 'same_community', 'other_community', 'other_street'] as const
export type Relation = (typeof RELATIONS)[number]

const box = (lng0: number, lat0: number, lng1: number, lat1: number): [number, number][] => [[lng0, lat0], [lng1, lat0], [lng1, lat1], [lng0, lat1], [lng0, lat0]]
const poly = (ring: [number, number][]): GridGeometry => ({ type: 'Polygon', coordinates: [ring] })

const streets: Street[] = [
  { id: 'S1', name: '一号街道', district: '示范区', hotline: '0755-11111111', polygon: [box(114.0, 22.5, 114.1, 22.56)], dispatcherIds: ['sdisp'] },
  { id: 'S2', name: '二号街道', district: '示范区', hotline: '0755-22222222', polygon: [box(114.2, 22.5, 114.3, 22.56)], dispatcherIds: ['sdisp2'] },
]
const communities: Community[] = [
  { id: 'C1', name: '一社区', streetId: 'S1', dispatcherIds: ['cdisp'], geometry: poly(box(114.0, 22.5, 114.05, 22.56)) },
  { id: 'C2', name: '二社区', streetId: 'S1', dispatcherIds: ['cdisp2'], geometry: poly(box(114.05, 22.5, 114.1, 22.56)) },
  { id: 'C3', name: '三社区', streetId: 'S2', dispatcherIds: ['cdisp3'], geometry: poly(box(114.2, 22.5, 114.25, 22.56)) },
]
const grid = (id: string, communityId: string, streetId: string, ring: [number, number][], staff: string): Grid => ({
  id, name: `${id}网格`, communityId, streetId, geometry: poly(ring), version: 1, workerIds: [`w_${staff}`], leaderId: `l_${staff}`,
})
const grids: Grid[] = [
  grid('G1', 'C1', 'S1', box(114.0, 22.5, 114.01, 22.51), 'g1'),
  grid('G2', 'C1', 'S1', box(114.01, 22.5, 114.03, 22.51), 'g2'),
  grid('G3', 'C2', 'S1', box(114.06, 22.5, 114.07, 22.51), 'g3'),
  grid('G4', 'C3', 'S2', box(114.2, 22.5, 114.21, 22.51), 'g4'),
]

/** Where each relation's subject is: a point inside a grid, or far from every grid inside a community or street. */
export const POINTS: Record<Exclude<Relation, 'own'>, LngLat> = {
  same_grid: { lng: 114.005, lat: 22.505 },
  other_grid: { lng: 114.025, lat: 22.505 },
  same_community: { lng: 114.03, lat: 22.55 }, // C1's queue: 4 km from every grid
  other_community: { lng: 114.065, lat: 22.505 }, // G3, in C2
  other_street: { lng: 114.205, lat: 22.505 }, // G4, in S2
}

const person = (id: string, role: Role, at: Partial<User> = {}): User => ({ id, name: id, role, phone: '13800000000', gridIds: [], ...at })
/** The caller of each role, all at S1 / C1 / G1. */
export const CALLERS: Record<Role, string> = {
  resident: 'res', volunteer: 'vol', grid_worker: 'w_g1', grid_leader: 'l_g1',
  community_dispatcher: 'cdisp', street_dispatcher: 'sdisp', district_admin: 'admin',
}
const people: User[] = [
  person('res', 'resident', { homeGridId: 'G1', streetId: 'S1' }),
  person('vol', 'volunteer', { homeGridId: 'G1', streetId: 'S1' }),
  person('vol2', 'volunteer', { homeGridId: 'G1', streetId: 'S1' }),
  person('res2', 'resident', { homeGridId: 'G1', streetId: 'S1' }),
  ...grids.flatMap((g) => [
    person(g.workerIds[0], 'grid_worker', { gridIds: [g.id], communityId: g.communityId, streetId: g.streetId }),
    person(g.leaderId!, 'grid_leader', { gridIds: [g.id], communityId: g.communityId, streetId: g.streetId }),
  ]),
  person('cdisp', 'community_dispatcher', { communityId: 'C1', streetId: 'S1' }),
  person('cdisp2', 'community_dispatcher', { communityId: 'C2', streetId: 'S1' }),
  person('cdisp3', 'community_dispatcher', { communityId: 'C3', streetId: 'S2' }),
  person('sdisp', 'street_dispatcher', { streetId: 'S1' }),
  person('sdisp2', 'street_dispatcher', { streetId: 'S2' }),
  person('admin', 'district_admin'),
]

export interface Subject { reportId: string; taskId: string; caseNumber: string }
export interface World {
  /** per relation, a report (and its task) placed there by another resident */
  subjects: Record<Exclude<Relation, 'own'>, Subject>
  /** each reporter's own report; each grid worker's own (accepted) task is G1's `acceptedByWorker` */
  ownReports: Record<string, Subject>
  acceptedByWorker: Subject
  /** tasks moved between people: transferred, escalated, asking for 延期, handed to a substitute */
  moved: MovedTasks
  /** a photo each caller uploaded, for payloads that cite one */
  photos: Record<string, string>
  /** a message of another person, for the self-scoped message actions */
  foreignMessageId: string
  /** per relation, a pending declaration another resident (res2) made for a room there (no building sits in C1 outside its grids) */
  declarations: Record<'same_grid' | 'other_grid' | 'other_community' | 'other_street', Declared>
  /** each reporter's own pending declaration */
  ownDeclarations: Record<string, Declared>
  /** a verified household at G1: res2's (another's), and res's and vol's own, with a resident each may move out */
  households: Record<'res' | 'vol' | 'res2', { roomId: string; residentId: string }>
  /** per caller, an empty room in G1 to declare */
  freeRooms: Record<string, string>
  /** a valid ID number no one has declared yet */
  nextIdNumber(): string
  /** issue 13: a report vol follows, open patrols */
  neighbours: NeighbourWorld
}
export interface Declared { id: string; personId: string }

type Call = (fn: string, userId: string, action: string, payload: unknown) => Promise<any>

export async function buildWorld(stack: LocalStack, call: Call): Promise<World> {
  await stack.deps.reference.saveUsers(people)
  await stack.deps.reference.saveMap({ streets, communities, grids })
  const photos: Record<string, string> = {}
  for (const u of people) {
    const saved = await stack.files.saveFile(u.id, 'image/png', samplePhoto([60, 90, 120], 8))
    if ('error' in saved) throw new Error(saved.error)
    photos[u.id] = saved.id
  }
  const report = async (userId: string, location: LngLat): Promise<Subject> => {
    const photo = await stack.files.saveFile(userId, 'image/png', samplePhoto([120, 90, 60], 8))
    if ('error' in photo) throw new Error(photo.error)
    const r = await call('resident', userId, 'submitReport', { category: 'garbage', description: '楼下垃圾堆了好几天', photos: [photo.id], location })
    if (!r.ok) throw new Error(`matrix world: ${r.error.message}`)
    return { reportId: r.data.reportId, taskId: (await stack.deps.cases.getReport(r.data.reportId))!.taskId, caseNumber: r.data.caseNumber }
  }
  const subjects = {} as World['subjects']
  for (const [relation, point] of Object.entries(POINTS) as [Exclude<Relation, 'own'>, LngLat][]) subjects[relation] = await report('res2', point)
  const acceptedByWorker = await report('res2', POINTS.same_grid)
  const accepted = await call('worker', 'w_g1', 'acceptTask', { taskId: acceptedByWorker.taskId, version: 1 })
  if (!accepted.ok) throw new Error(`matrix world: ${accepted.error.message}`)
  const ownReports = { res: await report('res', POINTS.same_grid), vol: await report('vol', POINTS.same_grid) }
  const moved = await moveWorld(stack, call, report, POINTS.same_grid, POINTS.other_grid)
  const foreign = await stack.deps.messages.listMessages('res2', { limit: 1 })
  const neighbours = await neighbourWorld(stack, call, report, POINTS.same_grid)
  return { subjects, ownReports, acceptedByWorker, moved, photos, foreignMessageId: foreign.items[0].id, neighbours, ...(await declarationWorld(stack, call)) }
}

/** One building of 40 rooms in each grid, at the grid's point; declarations and households in them. */
async function declarationWorld(stack: LocalStack, call: Call) {
  const at: Record<string, LngLat> = { G1: POINTS.same_grid, G2: POINTS.other_grid, G3: POINTS.other_community, G4: POINTS.other_street }
  const rooms: Record<string, string[]> = {}
  await stack.deps.buildings.saveImport(grids.map((g) => {
    const building: Building = { id: `b_${g.id}`, communityId: g.communityId, gridId: g.id, name: '1栋', address: `${g.name}1栋`, location: at[g.id] }
    const list: Room[] = Array.from({ length: 40 }, (_, i) => ({ id: `b_${g.id}.r${i + 1}`, buildingId: building.id, unit: '', number: String(101 + i) }))
    rooms[g.id] = list.map((r) => r.id)
    return { building, rooms: list }
  }))
  let serial = 0
  const idNumber = () => {
    const body = `44030519900101${String(++serial).padStart(3, '0')}`
    return body + checkCharacter(body)
  }
  const declare = async (userId: string, roomId: string): Promise<Declared> => {
    const r = await call('resident', userId, 'declareResidence', {
      roomId, standing: 'owner', consentVersion: CONSENT.version,
      persons: [{ name: `${userId}本人`, document: { idKind: 'resident', idNumber: idNumber() }, phone: '13800000000', relation: 'self', moveInDate: '2024-01-01' }],
    })
    if (!r.ok) throw new Error(`matrix world: ${r.error.message}`)
    return { id: r.data.id, personId: r.data.persons[0].id }
  }
  const household = async (userId: string, roomId: string) => {
    const d = await declare(userId, roomId)
    const v = await call('worker', 'w_g1', 'reviewDeclaration', { declarationId: d.id, version: 1, decision: 'approve' })
    if (!v.ok) throw new Error(`matrix world: ${v.error.message}`)
    return { roomId, residentId: d.personId }
  }
  const declarations = {
    same_grid: await declare('res2', rooms.G1[0]),
    other_grid: await declare('res2', rooms.G2[0]),
    other_community: await declare('res2', rooms.G3[0]),
    other_street: await declare('res2', rooms.G4[0]),
  }
  const ownDeclarations = { res: await declare('res', rooms.G1[1]), vol: await declare('vol', rooms.G1[2]) }
  const households = { res: await household('res', rooms.G1[3]), vol: await household('vol', rooms.G1[4]), res2: await household('res2', rooms.G1[5]) }
  const freeRooms = Object.fromEntries(Object.values(CALLERS).map((id, i) => [id, rooms.G1[10 + i]]))
  return { declarations, ownDeclarations, households, freeRooms, nextIdNumber: idNumber }
}
