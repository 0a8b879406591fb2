import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { CONSENT } from '../../../shared/declarations/consent'
import { shanghaiToday } from '../../../shared/identity/calendarDate'
import { checkCharacter } from '../../../shared/identity/idDocuments'
import { openTestStack, OTHER_RESIDENT, RESIDENT, type TestStack } from '../harness'

// Issue 11's "must show": after declarations, verification, an audited reveal and a move-out,
// the SQLite files themselves (the database, its WAL, its shared-memory index, any journal)
// and every other file the stack keeps hold no ID number and no phone number in plain text:
// neither as typed nor in the stored form, in UTF-8 or UTF-16. The scan runs while the
// stack is open (the WAL holds the latest pages) and again after it closed (checkpointed).

let t: TestStack
beforeEach(async () => { t = await openTestStack() }, 60_000)
afterEach(() => t.close())

const withCheck = (body17: string) => body17 + checkCharacter(body17)
// two people per household; one number ends in X, one is a 港澳台 permit, one a foreigner's card
const PEOPLE = [
  { name: '陈晓岚', idKind: 'resident', idNumber: withCheck('44030519870412203'), phone: '13760012345' },
  { name: '陈子墨', idKind: 'resident', idNumber: withCheck('44030520150908301'), phone: null },
  { name: '何嘉欣', idKind: 'hkMacaoTaiwanPermit', idNumber: withCheck('81000019920101402'), phone: '+85251234567' },
  { name: 'Anna Petrova', idKind: 'foreignPermanent', idNumber: withCheck('93164319880305001'), phone: '0755-86001234' },
] as const

const person = (p: (typeof PEOPLE)[number], relation: string) => ({ name: p.name, document: { idKind: p.idKind, idNumber: p.idNumber }, phone: p.phone, relation, moveInDate: '2024-03-01' })

/** Every file under the data folder, the key file excepted (it holds keys, not numbers). */
function filesOf(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name)
    if (statSync(full).isDirectory()) return filesOf(full)
    return name === 'field-keys' ? [] : [full]
  })
}

/** The forms a number could leak in: as stored, its digits without separators, each in UTF-8 and UTF-16LE. */
function needles(): { label: string; bytes: Buffer }[] {
  const values = PEOPLE.flatMap((p) => [p.idNumber, ...(p.phone ? [p.phone, p.phone.replace(/\D/g, '')] : [])])
  return [...new Set(values)].flatMap((v) => [
    { label: `${v} (utf-8)`, bytes: Buffer.from(v, 'utf8') },
    { label: `${v} (utf-16)`, bytes: Buffer.from(v, 'utf16le') },
  ])
}

function scan(dir: string): string[] {
  const found: string[] = []
  for (const file of filesOf(dir)) {
    const content = readFileSync(file)
    for (const n of needles()) if (content.includes(n.bytes)) found.push(`${n.label} in ${file}`)
  }
  return found
}

async function firstRooms(n: number): Promise<{ roomId: string; gridId: string }[]> {
  const communities = (await t.call('user', RESIDENT, 'listCommunities', {})).data as { id: string }[]
  const buildings = (await t.call('user', RESIDENT, 'listBuildings', { communityId: communities[0].id })).data as { gridId: string; units: { rooms: { id: string }[] }[] }[]
  // rooms the demo seed left empty: the last rooms of the community's buildings
  const rooms = buildings.flatMap((b) => b.units.flatMap((u) => u.rooms.map((r) => ({ roomId: r.id, gridId: b.gridId })))).reverse()
  return rooms.slice(0, n)
}

it('keeps no ID number or phone in plain text in any file of the data folder', async () => {
  const [roomA, roomB] = await firstRooms(2)
  const declare = (caller: string, roomId: string, persons: unknown[], requestId: string) =>
    t.call('resident', caller, 'declareResidence', { roomId, standing: 'owner', persons, consentVersion: CONSENT.version }, requestId)
  const a = await declare(RESIDENT, roomA.roomId, [person(PEOPLE[0], 'self'), person(PEOPLE[1], 'child')], 'scan-declare-a-1')
  const b = await declare(OTHER_RESIDENT, roomB.roomId, [person(PEOPLE[2], 'self'), person(PEOPLE[3], 'spouse')], 'scan-declare-b-1')
  expect(a.ok && b.ok).toBe(true)

  // the worker of room A's grid reveals a number (audited), then verifies
  const grid = await t.stack.deps.reference.getGrid(roomA.gridId)
  const worker = grid!.workerIds[0]
  const revealed = await t.call('worker', worker, 'revealPersonField', { declarationId: a.data.id, personId: a.data.persons[0].id, field: 'idNumber', reason: '上门核对证件' })
  expect(revealed.data.value).toBe(PEOPLE[0].idNumber)
  const approved = await t.call('worker', worker, 'reviewDeclaration', { declarationId: a.data.id, version: a.data.version, decision: 'approve' })
  expect(approved.data.statusName).toBe('已核验')

  // one of them moves out again, which copies their sealed values into a second declaration
  const out = await t.call('resident', RESIDENT, 'declareMoveOut', { roomId: roomA.roomId, residentIds: [a.data.persons[1].id], moveOutDate: shanghaiToday(t.stack.clock.now()), consentVersion: CONSENT.version }, 'scan-moveout-a-1')
  expect(out.ok).toBe(true)

  const files = filesOf(t.dataDir).map((f) => f.slice(t.dataDir.length + 1))
  expect(files).toEqual(expect.arrayContaining(['gridlink.sqlite', 'gridlink.sqlite-wal']))
  expect(scan(t.dataDir)).toEqual([])

  // the needles would be found if they were there: the scan is not blind
  const probe = join(t.dataDir, 'files', 'probe.txt')
  mkdirSync(join(t.dataDir, 'files'), { recursive: true })
  writeFileSync(probe, `x${PEOPLE[0].idNumber}x`)
  expect(scan(t.dataDir)).toEqual([`${PEOPLE[0].idNumber} (utf-8) in ${probe}`])
  rmSync(probe)

  const dir = t.dataDir
  await t.stack.close()
  expect(scan(dir)).toEqual([])
  // the harness closes the stack again in afterEach: make that a no-op
  t = { ...t, close: async () => rmSync(dir, { recursive: true, force: true }) }
}, 60_000)

