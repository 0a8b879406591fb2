import Database from 'better-sqlite3'
import { join } from 'node:path'
import { CONSENT } from '../../shared/declarations/consent'
import { checkCharacter } from '../../shared/identity/idDocuments'
import type { Building, Declaration, Resident, Room } from '../../shared/model'
import { dispatch } from '../../cloudfunctions/app/dispatch'
import { seal } from '../../cloudfunctions/app/declarations/seal'
import { openLocalStack } from '../../cloudfunctions/local/stack'
import { startHost } from './localHost'
import { hrMs, percentile, row, sortedCopy, type SectionRun } from './types'
import { registerOrderOf } from '../../shared/declarations/registerOrder'

// Residence declarations (issue 11): how many the local stack takes per second end to end
// (HTTP, the schema, the room lookup, the duplicate search by blind index, AES-256-GCM on
// every ID and phone, one durable write with the worker's message), and the register page of
// a grid holding 5,000 residents.

const SIZES = {
  full: { loadSeconds: 20, warmSeconds: 3, residents: 5_000, queries: 2_000 },
  quick: { loadSeconds: 4, warmSeconds: 1, residents: 5_000, queries: 300 },
}
const CONNECTIONS = 16
const RESIDENTS = Array.from({ length: 8 }, (_, i) => `u_resident_${i + 1}`)

/** A valid resident ID, different for every n (birth day and sequence from n). */
function idNumber(n: number): string {
  const day = new Date(Date.UTC(1950, 0, 1) + (n % 20_000) * 86_400_000).toISOString().slice(0, 10).replace(/-/g, '')
  const body = `440305${day}${String(Math.floor(n / 20_000) % 1000).padStart(3, '0')}`
  return body + checkCharacter(body)
}
const person = (n: number, relation: string) => ({
  name: `住户${n}`, document: { idKind: 'resident', idNumber: idNumber(n) }, phone: `139${String(n).padStart(8, '0')}`, relation, moveInDate: '2023-09-01',
})

async function post<T>(url: string, body: unknown, token?: string): Promise<{ ok: boolean; data?: T; error?: { code: string; message: string } }> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) }, body: JSON.stringify(body) })
  return (await res.json()) as { ok: boolean; data?: T; error?: { code: string; message: string } }
}

/** declareResidence over HTTP from 8 residents on CONNECTIONS connections: each a household of two, new people, a fresh requestId. */
async function endToEnd(dataDir: string, warmSeconds: number, loadSeconds: number) {
  const host = await startHost(dataDir)
  try {
    const tokens = await Promise.all(RESIDENTS.map(async (userId) => (await post<{ token: string }>(`${host.url}/api/_dev/login`, { userId })).data!.token))
    const communities = (await post<{ id: string }[]>(`${host.url}/api/user`, { action: 'listCommunities', payload: {} }, tokens[0])).data!
    const rooms: string[] = []
    for (const c of communities) {
      const buildings = (await post<{ units: { rooms: { id: string }[] }[] }[]>(`${host.url}/api/user`, { action: 'listBuildings', payload: { communityId: c.id } }, tokens[0])).data!
      for (const b of buildings) for (const u of b.units) for (const r of u.rooms) rooms.push(r.id)
    }
    let serial = 1_000_000
    const acknowledged: string[] = []
    const latencies: number[] = []
    const failures: string[] = []
    const run = async (untilMs: number, measured: boolean) => {
      await Promise.all(Array.from({ length: CONNECTIONS }, async (_, c) => {
        while (Date.now() < untilMs) {
          const n = (serial += 2)
          const t = process.hrtime.bigint()
          const answer = await post<{ id: string }>(`${host.url}/api/resident`, {
            action: 'declareResidence', requestId: `bench-declare-${n}`,
            payload: { roomId: rooms[n % rooms.length], standing: 'tenant', consentVersion: CONSENT.version, persons: [person(n, 'self'), person(n + 1, 'spouse')] },
          }, tokens[c % tokens.length])
          if (!measured) continue
          latencies.push(hrMs(t))
          if (answer.ok) acknowledged.push(answer.data!.id)
          else failures.push(`${answer.error?.code} ${answer.error?.message}`)
        }
      }))
    }
    await run(Date.now() + warmSeconds * 1000, false)
    const started = process.hrtime.bigint()
    await run(Date.now() + loadSeconds * 1000, true)
    const seconds = hrMs(started) / 1000
    await host.stop()
    const db = new Database(join(dataDir, 'gridlink.sqlite'), { readonly: true })
    const stored = db.prepare<[string], { n: number }>('SELECT count(*) AS n FROM declarations WHERE id IN (SELECT value FROM json_each(?))').get(JSON.stringify(acknowledged))?.n ?? 0
    db.close()
    return { perSecond: acknowledged.length / seconds, acknowledged: acknowledged.length, stored, failures, latencies: sortedCopy(latencies), errors: host.errors }
  } finally {
    await host.stop()
  }
}

/** A grid of 2,000 rooms holding `count` verified residents, written through the declarations port with real sealing. */
async function registerPage(dir: string, count: number, queries: number) {
  const stack = await openLocalStack({ dataDir: dir, seed: true })
  try {
    const map = await stack.deps.router.currentMap()
    const grid = map.grids[0]
    const worker = await stack.deps.reference.getUser(grid.workerIds[0])
    if (!worker) throw new Error('the demo grid has no worker')
    const at = (await stack.deps.buildings.listBuildings({ gridId: grid.id }))[0]?.building.location
    if (!at) throw new Error('the demo grid has no building')
    const imported = Array.from({ length: 50 }, (_, b) => {
      const building: Building = { id: `b_bench_${b}`, communityId: grid.communityId, gridId: grid.id, name: `${b + 100}栋`, address: '', location: at }
      const rooms: Room[] = Array.from({ length: 40 }, (_, r) => ({ id: `b_bench_${b}.r${r}`, buildingId: building.id, unit: `${1 + (r % 2)}单元`, number: String(101 + r) }))
      return { building, rooms }
    })
    await stack.deps.buildings.saveImport(imported)
    const rooms = imported.flatMap((b) => b.rooms.map((r) => ({ room: r, building: b.building })))
    const t = process.hrtime.bigint()
    const now = stack.clock.now()
    for (let from = 0; from < count; from += 50) {
      const id = `d_bench_${from}`
      const people: Resident[] = []
      for (let i = from; i < Math.min(count, from + 50); i++) {
        const { room, building } = rooms[Math.floor(i / 2.5) % rooms.length]
        const [idSealed, phoneSealed] = await Promise.all([seal(stack.deps.cipher, 'idNumber', idNumber(i)), seal(stack.deps.cipher, 'phone', `138${String(i).padStart(8, '0')}`)])
        people.push({
          id: `p_bench_${i}`, roomId: room.id, buildingId: building.id, communityId: grid.communityId, gridId: grid.id, registerOrder: registerOrderOf(`${building.name}${room.unit}${room.number}`), name: `住户${i}`,
          idKind: 'resident', idNumber: idSealed, phone: phoneSealed, relation: 'self', standing: 'owner', moveInDate: '2023-09-01',
          declarationId: id, declarantId: 'u_resident_1', verifiedAt: now, verifiedById: worker.id, movedOut: null, anonymisedAt: null,
        })
      }
      const declaration: Declaration = {
        id, kind: 'move_in', roomId: people[0].roomId, buildingId: people[0].buildingId, communityId: grid.communityId, streetId: grid.streetId, gridId: grid.id,
        addressLabel: 'bench', declarantId: 'u_resident_1', standing: 'owner', persons: [], consentVersion: CONSENT.version, status: 'pending', assigneeId: worker.id,
        dueAt: now, review: null, history: [], version: 1, createdAt: now, updatedAt: now, anonymisedAt: null,
      }
      await stack.deps.declarations.create({ requestKey: null, declaration, messages: [] })
      const verified: Declaration = { ...declaration, status: 'verified', dueAt: null, version: 2 }
      if (!(await stack.deps.declarations.saveChange({ declaration: verified, expectedVersion: 1, messages: [], addResidents: people }))) throw new Error('bench register: a change was refused')
    }
    const fillSeconds = hrMs(t) / 1000
    const page = async (cursor?: string) => {
      const s = process.hrtime.bigint()
      const answer = await dispatch(stack.deps, 'worker', { action: 'listRegister', payload: { gridId: grid.id, limit: 50, ...(cursor ? { cursor } : {}) } }, worker)
      const ms = hrMs(s)
      if (!answer.ok) throw new Error(`listRegister: ${answer.error.code} ${answer.error.message}`)
      return { ms, data: answer.data as { items: unknown[]; nextCursor: string | null; coverage: { residents: number; verifiedRooms: number; knownRooms: number } } }
    }
    const first = await page()
    // a cursor deep in the register: the 41st page of 50
    let deep: string | null = first.data.nextCursor
    for (let i = 0; i < 40 && deep; i++) deep = (await page(deep)).data.nextCursor
    for (let i = 0; i < 100; i++) await page()
    const firstMs: number[] = []
    const deepMs: number[] = []
    for (let i = 0; i < queries; i++) {
      firstMs.push((await page()).ms)
      deepMs.push((await page(deep ?? undefined)).ms)
    }
    return { first: sortedCopy(firstMs), deep: sortedCopy(deepMs), coverage: first.data.coverage, fillSeconds, items: first.data.items.length }
  } finally {
    await stack.close()
  }
}

export const declarations: SectionRun = async (opts, log) => {
  const size = opts.quick ? SIZES.quick : SIZES.full
  log(`declareResidence over HTTP: ${size.warmSeconds} s warm-up, ${size.loadSeconds} s measured, ${CONNECTIONS} connections`)
  const e2e = await endToEnd(join(opts.tmpDir, 'host'), size.warmSeconds, size.loadSeconds)
  log(`register page: ${size.residents.toLocaleString('en-US')} residents in one grid, ${size.queries} pages`)
  const reg = await registerPage(join(opts.tmpDir, 'register'), size.residents, size.queries)
  const lost = e2e.acknowledged - e2e.stored
  const p99 = percentile(reg.first, 99)
  const deepP99 = percentile(reg.deep, 99)
  return {
    title: 'Residence declarations',
    how: [
      `End to end: the local host (\`npm start\`'s \`cloudfunctions/local/main.ts\`, seeded, abuse limits off) in its own process; ${CONNECTIONS} connections from 8 demo residents send \`resident.declareResidence\` over loopback HTTP, each a household of two new people (valid resident IDs, mobiles), a fresh requestId, rooms of the demo registry in turn. Each request parses the payload, looks the room up, searches both IDs' blind indexes for duplicates, encrypts 2 IDs and 2 phones (AES-256-GCM) and computes their indexes, and writes the declaration, its index rows and the worker's message in one durable SQLite transaction. After the run the host is stopped and every acknowledged declaration is looked for in the file.`,
      `Register page: a seeded stack with 50 more buildings of 40 rooms in one grid and ${size.residents.toLocaleString('en-US')} verified residents there (2.5 a room, sealed with the stack's own cipher, written through the declarations port). Timed: \`worker.listRegister\` through \`dispatch\` as the grid's worker (schema, policy, the page of 50, the coverage counts, the building list, the views), ${size.queries} times for the first page and for the 41st page (a cursor deep in the register), after 100 warm-up calls.`,
    ],
    rows: [
      row('Declarations end to end', Math.round(e2e.perSecond), 'declarations/s', { note: `${e2e.acknowledged} acknowledged in the measured window; 2 people, 4 encrypted fields each${e2e.failures.length ? `; ${e2e.failures.length} refused: ${e2e.failures[0]}` : ''}` }),
      row('Declaration latency: p50', percentile(e2e.latencies, 50), 'ms'),
      row('Declaration latency: p99', percentile(e2e.latencies, 99), 'ms'),
      row('Acknowledged declarations lost', lost, 'declarations', { goal: '0', met: lost === 0, note: `${e2e.stored} of ${e2e.acknowledged} found in the file after the host stopped; ${e2e.errors.length} lines on the host's stderr` }),
      row('Register page, 5,000 residents: first page p50', percentile(reg.first, 50), 'ms', { note: `${reg.items} residents a page; coverage ${reg.coverage.verifiedRooms}/${reg.coverage.knownRooms} rooms, ${reg.coverage.residents} residents` }),
      row('Register page, 5,000 residents: first page p99', p99, 'ms', { goal: '< 50 ms', met: p99 < 50 }),
      row('Register page, 5,000 residents: page 41 p99', deepP99, 'ms', { goal: '< 50 ms', met: deepP99 < 50, note: `the register filled in ${reg.fillSeconds.toFixed(1)} s` }),
    ],
  }
}
