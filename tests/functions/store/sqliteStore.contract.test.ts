import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { openSqliteStore } from '../../../cloudfunctions/adapters/local/sqliteStore'
import { seedThroughPorts, storeContract } from './storeContract'

storeContract('sqlite', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gridlink-store-'))
  const store = openSqliteStore(path.join(dir, 'gridlink.sqlite'))
  return {
    store,
    seed: (data) => seedThroughPorts(store, data),
    close: async () => {
      await store.close()
      fs.rmSync(dir, { recursive: true, force: true })
    },
  }
})
