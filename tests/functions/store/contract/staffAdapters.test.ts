import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import Database from 'better-sqlite3'
import { CloudbaseIdentity, IDENTITY_TTL_MS } from '../../../../cloudfunctions/adapters/cloudbase/identity'
import { CloudbaseKeyedHash, SECRET_ID, secretSetting } from '../../../../cloudfunctions/adapters/cloudbase/keyedHash'
import { CloudbaseStore } from '../../../../cloudfunctions/adapters/cloudbase/cloudbaseStore'
import { COLLECTIONS } from '../../../../cloudfunctions/adapters/cloudbase/docs'
import { openTasksSql } from '../../../../cloudfunctions/adapters/local/sqliteCases'
import { openSqliteStore } from '../../../../cloudfunctions/adapters/local/sqliteStore'
import type { User } from '../../../../shared/model'
import { TEST_ENV_ID } from '../../cloudbase/sdkEnv'
import { wireApp } from '../../cloudbase/wire'
import { useWireDb } from '../../cloudbase/wireDb'
import { seedThroughPorts } from '../storeContract'
import { SEED } from '../fixtures'

// What each adapter of the staff ports does beyond the contract: the SQLite inbox query's
// indexes and sessions of bound accounts; in CloudBase the identity documents, the openid
// pushes go to, a warm container's link cache, and where the keyed hash's secret comes from.
const wire = useWireDb()

describe('SQLite: staff binding', () => {
  let dir: string
  beforeEach(() => { dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gridlink-staffsql-')) })
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }))
  const file = () => path.join(dir, 'gridlink.sqlite')

  it("serves a substitute's inbox from both partial indexes, the grids' and the assignee's", async () => {
    const store = openSqliteStore(file())
    await store.close()
    const db = new Database(file(), { readonly: true })
    for (const after of ['none', 'due', 'undated'] as const) {
      const plan = JSON.stringify(db.prepare(`EXPLAIN QUERY PLAN ${openTasksSql(after, 'gridsOrAssignee')}`).all({ grids: '["g1"]', assignee: 'u', limit: 21, due: 1, created: 1, id: 't' }))
      expect(plan).toContain('USING INDEX tasks_open_by_grid')
      expect(plan).toContain('USING INDEX tasks_open_by_assignee')
    }
    db.close()
  })

  it("resolves a bound account's session to its staff record, back to its own once unbound, and after a restart", async () => {
    let store = openSqliteStore(file())
    await seedThroughPorts(store, SEED)
    const { token } = store.sessions.create('u_res', 0)
    await store.accountLinks.link('u_res', 'u_w1', 1)
    expect((await store.sessions.userOf(token, 2))?.id).toBe('u_w1')
    await store.close()
    store = openSqliteStore(file())
    expect((await store.sessions.userOf(token, 2))?.id).toBe('u_w1')
    await store.accountLinks.unlink('u_res')
    expect((await store.sessions.userOf(token, 3))?.id).toBe('u_res')
    await store.close()
  })
})

describe('CloudBase: staff binding', () => {
  const open = () => {
    const app = wireApp()
    return new CloudbaseStore(app.database(), { storage: app, env: TEST_ENV_ID })
  }
  let now = 0
  const container = (store: CloudbaseStore) => {
    const identity = new CloudbaseIdentity(store.db, { next: (p) => `${p}_new` }, { now: () => now }, (id) => store.reference.getUser(id))
    store.accountLinks.onChange((openid) => identity.forget(openid))
    return { store, identity, as: async (openid: string) => (await identity.resolve(openid)).id }
  }
  const user = (store: CloudbaseStore, id: string) => store.docsByIds(COLLECTIONS.users, [id]).then((d) => d[0])
  /** What bindStaff and unbindStaff save beside the link: the staff record's binding. */
  const setBinding = async (store: CloudbaseStore, staffId: string, accountId: string | null) => {
    const staff = (await store.reference.getUser(staffId))!
    const { binding: _, ...rest } = staff
    await store.reference.saveUsers([accountId ? { ...rest, binding: { accountId, at: now } } : (rest as User)])
  }

  beforeEach(async () => {
    now = 1_000_000
    const store = open()
    await seedThroughPorts(store, SEED)
    for (const id of ['u_res', 'u_vol']) {
      await store.db.collection(COLLECTIONS.identities).doc(`o_${id}`).set({ userId: id, createdAt: 0 })
      await store.db.collection(COLLECTIONS.users).doc(id).update({ openid: `o_${id}` })
    }
  })

  it('points the identity at the staff record, keeping the account\'s own, and gives the staff document the openid for pushes', async () => {
    const { store } = container(open())
    await store.accountLinks.link('u_res', 'u_w1', 5)
    expect(wire.db.docs(COLLECTIONS.identities).find((d) => d._id === 'o_u_res')).toMatchObject({ userId: 'u_w1', ownUserId: 'u_res', linkedAt: 5 })
    expect((await user(store, 'u_w1')).openid).toBe('o_u_res')
    await store.accountLinks.unlink('u_res')
    expect(wire.db.docs(COLLECTIONS.identities).find((d) => d._id === 'o_u_res')).toEqual({ _id: 'o_u_res', userId: 'u_res', createdAt: 0 })
    expect(await user(store, 'u_w1')).not.toHaveProperty('openid')
  })

  it('leaves the openid of an account bound since on the staff document when an earlier one is unlinked', async () => {
    const { store } = container(open())
    await store.accountLinks.link('u_res', 'u_w1', 5)
    await store.accountLinks.link('u_vol', 'u_w1', 6)
    await store.accountLinks.unlink('u_res')
    expect((await user(store, 'u_w1')).openid).toBe('o_u_vol')
  })

  it('shows a binding made in the same container at once, and one made in another within the link cache\'s lifetime', async () => {
    const here = container(open())
    const there = container(open())
    expect(await here.as('o_u_res')).toBe('u_res')
    expect(await there.as('o_u_res')).toBe('u_res')
    await here.store.accountLinks.link('u_res', 'u_w1', now)
    await setBinding(here.store, 'u_w1', 'u_res')
    expect(await here.as('o_u_res')).toBe('u_w1')
    expect(await there.as('o_u_res')).toBe('u_res')
    now += IDENTITY_TTL_MS
    expect(await there.as('o_u_res')).toBe('u_w1')
  })

  it('shows an unbinding made in another container at once: the staff record no longer names the account', async () => {
    const here = container(open())
    const there = container(open())
    await here.store.accountLinks.link('u_res', 'u_w1', now)
    await setBinding(here.store, 'u_w1', 'u_res')
    expect(await there.as('o_u_res')).toBe('u_w1')
    await here.store.accountLinks.unlink('u_res')
    await setBinding(here.store, 'u_w1', null)
    expect(await there.as('o_u_res')).toBe('u_res')
    // and a steady bound account costs no more than before: the identity once, then the user each call
    await here.store.accountLinks.link('u_vol', 'u_w2', now)
    await setBinding(here.store, 'u_w2', 'u_vol')
    expect(await there.as('o_u_vol')).toBe('u_w2')
    const before = wire.db.requests.length
    expect(await there.as('o_u_vol')).toBe('u_w2')
    expect(wire.db.requests.slice(before).map((r) => r.collection)).toEqual(['users'])
  })
})

describe('CloudBase: the keyed hash', () => {
  const db = () => wireApp().database()

  it('uses GRIDLINK_SECRET when set, and refuses one too short to be a secret', async () => {
    const secret = 'x'.repeat(32)
    expect(secretSetting({ GRIDLINK_SECRET: secret })).toBe(secret)
    expect(secretSetting({})).toBeUndefined()
    expect(() => secretSetting({ GRIDLINK_SECRET: 'short' })).toThrow(/at least 32/)
    const a = await new CloudbaseKeyedHash(db(), secret).hash('binding-code', 'ABCD2345')
    expect(a).toMatch(/^[0-9a-f]{64}$/)
    expect(await new CloudbaseKeyedHash(db(), secret).hash('binding-code', 'ABCD2345')).toBe(a)
    expect(await new CloudbaseKeyedHash(db(), 'y'.repeat(32)).hash('binding-code', 'ABCD2345')).not.toBe(a)
    expect(await new CloudbaseKeyedHash(db(), secret).hash('other', 'ABCD2345')).not.toBe(a)
    expect(wire.db.docs(COLLECTIONS.meta)).toEqual([])
  })

  it('without GRIDLINK_SECRET makes the env one secret, which every container then uses', async () => {
    const [a, b] = await Promise.all([new CloudbaseKeyedHash(db()).hash('binding-code', 'ABCD2345'), new CloudbaseKeyedHash(db()).hash('binding-code', 'ABCD2345')])
    expect(a).toBe(b)
    expect(await new CloudbaseKeyedHash(db()).hash('binding-code', 'ABCD2345')).toBe(a)
    expect(wire.db.docs(COLLECTIONS.meta).map((d) => d._id)).toEqual([SECRET_ID])
  })
})
