import { CloudbaseStore } from '../../../cloudfunctions/adapters/cloudbase/cloudbaseStore'
import { seedThroughPorts, storeContract } from '../store/storeContract'
import { TEST_ENV_ID } from './sdkEnv'
import { wireApp } from './wire'
import { useWireDb } from './wireDb'

// The store contracts against CloudBase's wire format: the real node-sdk and the CloudBase
// ports, answered by the in-memory wire database (wireDb.ts), a fresh one per test. It runs
// always; tests/functions/store/cloudbaseStore.contract.test.ts runs the same contracts
// against a real env when it has credentials.
useWireDb()

storeContract('cloudbase wire', async () => {
  const app = wireApp()
  const store = new CloudbaseStore(app.database(), { storage: app, env: TEST_ENV_ID })
  return {
    store,
    seed: (data) => seedThroughPorts(store, data),
    close: async () => undefined,
  }
})
