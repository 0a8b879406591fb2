import { COLLECTIONS } from '../../../cloudfunctions/adapters/cloudbase/docs'
import { upsertReference } from '../../../cloudfunctions/adapters/cloudbase/reference'
import { openRuntime, type CloudbaseRuntime } from '../../../cloudfunctions/adapters/cloudbase/runtime'
import { loadCloudbaseSettings } from '../../../cloudfunctions/adapters/cloudbase/settings'
import { dispatch } from '../../../cloudfunctions/app/dispatch'
import { DEMO_COMMUNITIES, DEMO_GRIDS, DEMO_STREET } from '../../../cloudfunctions/local/seed/demoArea'
import { demoPeople } from '../../../cloudfunctions/local/seed/people'
import { CONSENT } from '../../../shared/declarations/consent'
import { checkCharacter } from '../../../shared/identity/idDocuments'
import { useWireDb } from './wireDb'

// A residence declaration's life through the functions as deployed (openRuntime on the wire
// database, field keys set): declared, listed and opened by the grid worker, one number
// revealed, verified into the register, seen by the household and in the audit log. Every
// request is one the wire database models (a query CloudBase would refuse fails here), the
// revealed number comes back whole through the CloudBase cipher, and the audit log is only
// ever inserted into.
jest.setTimeout(30_000)
const wire = useWireDb()
const RESIDENT = 'u_resident_1'
const ADMIN = 'u_admin_1'
// a key of the right shape for tests only (app/privacy/keyRing.ts)
const FIELD_KEYS = 'k1:3f9c2a7be41d85f06c19ad3e7b52f8c0d4a6e91b27f3c58d0e6a4b19c72d5f8e'
let rt: CloudbaseRuntime
let worker = ''

beforeEach(async () => {
  rt = openRuntime(loadCloudbaseSettings({ GRIDLINK_FIELD_KEYS: FIELD_KEYS }))
  const { users, staff, dispatchers } = demoPeople(DEMO_STREET.id, DEMO_COMMUNITIES, DEMO_GRIDS)
  const grids = DEMO_GRIDS.map((g) => ({ ...g, workerIds: [staff.get(g.id)!.workerId], leaderId: staff.get(g.id)!.leaderId }))
  const communities = DEMO_COMMUNITIES.map((c) => ({ ...c, dispatcherIds: [dispatchers.get(c.id)!] }))
  await upsertReference(rt.store.db, { streets: [DEMO_STREET], communities, grids, users, files: [] })
  worker = grids[0].workerIds[0]
  for (const id of [RESIDENT, ADMIN, worker]) await rt.store.db.collection(COLLECTIONS.identities).doc(`o_${id}`).set({ userId: id, createdAt: Date.now() })
  const building = { id: 'b_t1', communityId: grids[0].communityId, gridId: grids[0].id, name: '3栋', address: '', location: { lng: 114.05, lat: 22.54 } }
  await rt.store.buildings.saveImport([{ building, rooms: [{ id: 'b_t1.301', buildingId: 'b_t1', unit: '2单元', number: '301' }] }])
})

/** One invocation as the function entry runs it: the caller from the OPENID, then the action router. */
async function invoke(fn: 'resident' | 'worker' | 'admin', userId: string, action: string, payload: object, requestId?: string) {
  const caller = await rt.identity.caller({ getWXContext: () => ({ OPENID: `o_${userId}` }) })
  return (await dispatch(await rt.deps(), fn, { action, payload, ...(requestId ? { requestId } : {}) }, caller)) as any
}

it('declares, verifies and reveals on the CloudBase runtime with only the requests the database models', async () => {
  const id = (body17: string) => body17 + checkCharacter(body17)
  const persons = [
    { name: '陈晓岚', document: { idKind: 'resident', idNumber: id('44030519870412203') }, phone: '13760012345', relation: 'self', moveInDate: '2024-03-01' },
    { name: '陈子墨', document: { idKind: 'resident', idNumber: id('44030520150908301') }, phone: null, relation: 'child', moveInDate: '2024-03-01' },
  ]
  const declared = await invoke('resident', RESIDENT, 'declareResidence', { roomId: 'b_t1.301', standing: 'owner', persons, consentVersion: CONSENT.version }, 'req-00000001')
  expect(declared).toMatchObject({ ok: true })
  const declarationId = declared.data.id
  expect((await invoke('worker', worker, 'listVerifications', {})).data.items.map((v: { id: string }) => v.id)).toEqual([declarationId])
  const detail = await invoke('worker', worker, 'getVerification', { declarationId })
  expect(detail).toMatchObject({ ok: true })

  const shown = await invoke('worker', worker, 'revealPersonField', { declarationId, personId: detail.data.persons[0].id, field: 'idNumber', reason: '核对证件照片' })
  expect(shown).toMatchObject({ ok: true, data: { value: persons[0].document.idNumber } })
  expect(await invoke('worker', worker, 'reviewDeclaration', { declarationId, version: 1, decision: 'approve' })).toMatchObject({ ok: true })

  const register = await invoke('worker', worker, 'listRegister', {})
  expect(register.data.coverage).toEqual({ knownRooms: 1, verifiedRooms: 1, residents: 2, rate: 1 })
  expect(await invoke('resident', RESIDENT, 'myResidence', {})).toMatchObject({ ok: true })
  expect((await invoke('admin', ADMIN, 'listAudit', {})).data.items).toHaveLength(1)

  expect(wire.db.requests.filter((r) => r.error)).toEqual([])
  const audit = wire.db.requests.filter((r) => r.collection === COLLECTIONS.auditLog)
  expect(audit.filter((r) => r.kind === 'write').map((r) => r.action)).toEqual(['database.insertDocument'])
  // no plain number reaches any stored document
  const stored = JSON.stringify([COLLECTIONS.declarations, COLLECTIONS.residents, COLLECTIONS.idIndex, COLLECTIONS.auditLog, COLLECTIONS.messages].map((c) => wire.db.docs(c)))
  for (const p of persons) expect(stored).not.toContain(p.document.idNumber)
  expect(stored).not.toContain('13760012345')
})
