import { CONSENT } from '../../../shared/declarations/consent'
import { checkCharacter } from '../../../shared/identity/idDocuments'
import type { TestStack } from '../harness'

// What the declaration tests declare: valid numbers made up on the spot (a real person's
// number never appears in a test), the demo street's rooms, and the calls a resident makes.

/** A resident ID (Shenzhen Nanshan, born 1990-03-07) with this sequence, its check character computed. */
export function idNumberOf(sequence: number, birth = '19900307'): string {
  const body = `440305${birth}${String(sequence % 1000).padStart(3, '0')}`
  return body + checkCharacter(body)
}
export const phoneOf = (sequence: number) => `1381234${String(sequence % 10_000).padStart(4, '0')}`

export interface PersonPayload { name: string; document: { idKind: 'resident'; idNumber: string }; phone?: string | null; relation: string; moveInDate: string }

export function person(sequence: number, name: string, extra: Partial<PersonPayload> = {}): PersonPayload {
  return { name, document: { idKind: 'resident', idNumber: idNumberOf(sequence) }, phone: phoneOf(sequence), relation: 'self', moveInDate: '2024-03-01', ...extra }
}

/** Two people of one household: the declarant and their spouse. */
export const couple = (sequence: number) => [person(sequence, '张晓明'), person(sequence + 1, '李红梅', { relation: 'spouse' })]

export interface DemoRoom { roomId: string; gridId: string; label: string; workerId: string; leaderId: string | undefined }

/** The rooms of the demo street's first community (莲花一村社区), grid by grid, with the staff who verify them. */
export async function demoRooms(t: TestStack): Promise<DemoRoom[]> {
  const communities = await t.call('user', 'u_resident_1', 'listCommunities', {})
  const buildings = await t.call('user', 'u_resident_1', 'listBuildings', { communityId: communities.data[0].id })
  const rooms: DemoRoom[] = []
  for (const b of buildings.data as { name: string; gridId: string; units: { unit: string; rooms: { id: string; number: string }[] }[] }[]) {
    const grid = (await t.stack.deps.reference.getGrid(b.gridId))!
    for (const u of b.units) for (const r of u.rooms) rooms.push({ roomId: r.id, gridId: b.gridId, label: `${b.name}${u.unit}${r.number}`, workerId: grid.workerIds[0], leaderId: grid.leaderId })
  }
  return rooms
}

/** Two rooms of one grid and a room of another grid, none with a household yet (the demo register has some). */
export async function threeRooms(t: TestStack) {
  const empty = async (r: DemoRoom) => (await t.stack.deps.declarations.roomResidents(r.roomId)).length === 0
  const found: DemoRoom[] = []
  let other: DemoRoom | undefined
  for (const r of await demoRooms(t)) {
    if (found.length === 2 && other) break
    if (found.length < 2 && (found.length === 0 || r.gridId === found[0].gridId) && (await empty(r))) found.push(r)
    else if (!other && found.length > 0 && r.gridId !== found[0].gridId && (await empty(r))) other = r
  }
  if (found.length < 2 || !other) throw new Error('the demo street has no three empty rooms')
  return { a: found[0], b: found[1], other }
}

export function declare(t: TestStack, userId: string, roomId: string, persons: PersonPayload[], opts: { requestId?: string; standing?: string; consentVersion?: string } = {}) {
  return t.call('resident', userId, 'declareResidence', { roomId, standing: opts.standing ?? 'owner', persons, consentVersion: opts.consentVersion ?? CONSENT.version }, opts.requestId)
}

/** A declaration approved by the room's worker: the verified view the worker got back. */
export async function declaredAndVerified(t: TestStack, userId: string, room: DemoRoom, persons: PersonPayload[], standing = 'owner') {
  const made = await declare(t, userId, room.roomId, persons, { standing })
  if (!made.ok) throw new Error(`declare failed: ${JSON.stringify(made.error)}`)
  const approved = await t.call('worker', room.workerId, 'reviewDeclaration', { declarationId: made.data.id, version: made.data.version, decision: 'approve' })
  if (!approved.ok) throw new Error(`approve failed: ${JSON.stringify(approved.error)}`)
  return approved.data
}

/** No view may carry a whole number: it shows masked, or not at all. */
export function expectNoPlainNumbers(view: unknown, persons: PersonPayload[]) {
  const text = JSON.stringify(view)
  for (const p of persons) {
    expect(text).not.toContain(p.document.idNumber)
    if (p.phone) expect(text).not.toContain(p.phone)
  }
}
