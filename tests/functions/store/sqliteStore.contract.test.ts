import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { openSqliteStore } from '../../../cloudfunctions/adapters/local/sqliteStore'
import { storeContract } from './storeContract'

storeContract('sqlite', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gridlink-store-'))
  const store = openSqliteStore(path.join(dir, 'gridlink.sqlite'))
  return {
    store,
    seed: async (data) => {
      store.transaction(() => {
        data.streets.forEach((s) => store.upsertStreet(s))
        data.communities.forEach((c) => store.upsertCommunity(c))
        data.grids.forEach((g) => store.upsertGrid(g))
        data.users.forEach((u) => store.upsertUser(u))
      })
      await Promise.all(data.files.map((f) => store.insertFile(f)))
    },
    close: async () => {
      await store.close()
      fs.rmSync(dir, { recursive: true, force: true })
    },
  }
})
