import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { CloudbaseStore } from '../../../../cloudfunctions/adapters/cloudbase/cloudbaseStore'
import { COLLECTIONS } from '../../../../cloudfunctions/adapters/cloudbase/docs'
import { openSqliteStore } from '../../../../cloudfunctions/adapters/local/sqliteStore'
import type { BuildingRooms } from '../../../../cloudfunctions/app/ports'
import { TEST_ENV_ID } from '../../cloudbase/sdkEnv'
import { wireApp } from '../../cloudbase/wire'
import { useWireDb } from '../../cloudbase/wireDb'
import { buildingsPortContract } from './buildingsPort'

// The building registry port on both stores: SQLite always, and CloudBase's wire format
// (the real node-sdk answered by the in-memory wire database, a fresh one per test).
const wire = useWireDb()

buildingsPortContract('sqlite', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gridlink-buildings-'))
  const store = openSqliteStore(path.join(dir, 'gridlink.sqlite'))
  return {
    buildings: store.buildings,
    close: async () => {
      await store.close()
      fs.rmSync(dir, { recursive: true, force: true })
    },
  }
})

buildingsPortContract('cloudbase wire', async () => {
  const app = wireApp()
  return { buildings: new CloudbaseStore(app.database(), { storage: app, env: TEST_ENV_ID }).buildings, close: async () => undefined }
})

describe('the building registry on CloudBase', () => {
  const import300 = (address: string): BuildingRooms[] =>
    Array.from({ length: 300 }, (_, i) => {
      const id = `b_${String(i).padStart(3, '0')}`
      return { building: { id, communityId: 'c1', gridId: 'g1', name: `${i}栋`, address, location: { lng: 114.05, lat: 22.54 } }, rooms: [{ id: `${id}.101`, buildingId: id, unit: '', number: '101' }] }
    })

  it('writes new buildings in one batch, and a changed building as one write of its document', async () => {
    const app = wireApp()
    const store = new CloudbaseStore(app.database(), { storage: app, env: TEST_ENV_ID })
    const before = wire.db.requests.length
    await store.buildings.saveImport(import300(''))
    // one read finds which are new, one insert writes them all
    expect(wire.db.requests.slice(before).map((r) => r.kind)).toEqual(['read', 'write'])
    expect(wire.db.docs(COLLECTIONS.buildings)).toHaveLength(300)

    const again = wire.db.requests.length
    await store.buildings.saveImport(import300('新地址').slice(0, 2))
    expect(wire.db.requests.slice(again).map((r) => r.kind)).toEqual(['read', 'write', 'write'])
    expect(wire.db.docs(COLLECTIONS.buildings).filter((d) => d.address === '新地址').map((d) => d._id)).toEqual(['b_000', 'b_001'])
  })
})
