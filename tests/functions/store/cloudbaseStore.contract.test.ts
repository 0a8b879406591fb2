import { init } from '@cloudbase/node-sdk'
import { CloudbaseStore } from '../../../cloudfunctions/adapters/cloudbase/cloudbaseStore'
import { COLLECTIONS } from '../../../cloudfunctions/adapters/cloudbase/docs'
import { seedThroughPorts, storeContract } from './storeContract'

// The store contract against a real CloudBase environment. There is no emulator, so this
// runs only with credentials, against an env kept for tests: every test starts by deleting
// all documents of the store's collections there. Without them the suite is reported as
// skipped, with the reason in its title; the wire tests (tests/functions/cloudbase) always run.

const ENV = process.env.GRIDLINK_TCB_TEST_ENV
const credentials = !!(ENV && process.env.TENCENTCLOUD_SECRETID && process.env.TENCENTCLOUD_SECRETKEY)
const WHY = 'no CloudBase credentials: set GRIDLINK_TCB_TEST_ENV (an env whose data the test deletes), TENCENTCLOUD_SECRETID and TENCENTCLOUD_SECRETKEY to run'

const contract = () =>
  storeContract('cloudbase', async () => {
    const app = init({ env: ENV, timeout: 30_000 })
    const db = app.database()
    const _ = db.command
    for (const name of Object.values(COLLECTIONS)) await db.collection(name).where({ _id: _.exists(true) }).remove()
    const store = new CloudbaseStore(db, { storage: app, env: ENV })
    return {
      store,
      seed: (data) => seedThroughPorts(store, data),
      close: async () => undefined,
    }
  })

if (credentials) {
  jest.setTimeout(120_000)
  contract()
} else {
  console.info(`Store contract against CloudBase skipped — ${WHY}`)
  describe.skip(`Store contract: cloudbase — ${WHY}`, contract)
}
