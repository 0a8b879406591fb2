import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { CloudbaseIdentity } from '../../../../cloudfunctions/adapters/cloudbase/identity'
import { CloudbaseStore } from '../../../../cloudfunctions/adapters/cloudbase/cloudbaseStore'
import { COLLECTIONS } from '../../../../cloudfunctions/adapters/cloudbase/docs'
import { openSqliteStore } from '../../../../cloudfunctions/adapters/local/sqliteStore'
import { TEST_ENV_ID } from '../../cloudbase/sdkEnv'
import { wireApp } from '../../cloudbase/wire'
import { useWireDb } from '../../cloudbase/wireDb'
import { seedThroughPorts } from '../storeContract'
import { staffPortsContract } from './staffPorts'

// The staff ports' contract on both stores: SQLite always, and CloudBase's wire format (the
// real node-sdk answered by the in-memory wire database, a fresh one per test).
useWireDb()

staffPortsContract('sqlite', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gridlink-staff-'))
  const store = openSqliteStore(path.join(dir, 'gridlink.sqlite'))
  return {
    store,
    seed: (data) => seedThroughPorts(store, data),
    // every record can be logged in as with the dev login
    addAccount: async () => undefined,
    actingAs: async (accountId) => store.accountLinks.actingAs(accountId),
    close: async () => {
      await store.close()
      fs.rmSync(dir, { recursive: true, force: true })
    },
  }
})

staffPortsContract('cloudbase wire', async () => {
  const app = wireApp()
  const store = new CloudbaseStore(app.database(), { storage: app, env: TEST_ENV_ID })
  const db = store.db
  return {
    store,
    seed: (data) => seedThroughPorts(store, data),
    // what an account's first call leaves (identity.ts): its identity document, and its openid on its record
    addAccount: async (userId) => {
      await db.collection(COLLECTIONS.identities).doc(`o_${userId}`).set({ userId, createdAt: 0 })
      await db.collection(COLLECTIONS.users).doc(userId).update({ openid: `o_${userId}` })
    },
    // a container that has never seen the account: nothing remembered
    actingAs: async (accountId) => (await new CloudbaseIdentity(db, { next: (p) => `${p}_new` }, { now: () => 0 }, (id) => store.reference.getUser(id)).resolve(`o_${accountId}`)).id,
    close: async () => undefined,
  }
})
