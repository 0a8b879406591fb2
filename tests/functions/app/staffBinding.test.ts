import { join } from 'node:path'
import type { AddressInfo } from 'node:net'
import Database from 'better-sqlite3'
import { createHost } from '../../../cloudfunctions/local/host'
import { BINDING_CODE } from '../../../shared/schemas/binding'
import { openTestStack, type TestStack } from '../harness'

// Binding an account to a staff record (我是工作人员): the area's dispatcher issues a one-time
// code, a resident account types it and from then on acts as the staff member. A code works
// once and expires; a bound record takes no second account until it is unbound. One seeded
// stack for the file: each test binds its own staff member with its own accounts.
let t: TestStack
beforeAll(async () => { t = await openTestStack() }, 60_000)
afterAll(() => t.close())

const ADMIN = 'u_admin_1'
const HOUR_MIN = 60

const issue = async (userId: string, as = ADMIN) => t.call('admin', as, 'issueBindingCode', { userId })
const bind = (account: string, code: string) => t.call('user', account, 'bindStaff', { code })
const record = async (userId: string) => {
  const staff = (await t.stack.deps.reference.getUser(userId))!
  const page = await t.call('admin', ADMIN, 'listStaff', { communityId: staff.communityId, limit: 100 })
  return page.data.items.find((r: any) => r.userId === userId)
}

describe('binding an account to a staff record', () => {
  it('issues an 8-character code that binds once: the account then acts as the staff member', async () => {
    const STAFF = 'u_leader_1', ACCOUNT = 'u_resident_1', OTHER_ACCOUNT = 'u_resident_2'
    const issued = await issue(STAFF)
    expect(issued.ok).toBe(true)
    expect(issued.data.code).toMatch(BINDING_CODE)
    const life = issued.data.expiresAt - t.stack.clock.now()
    expect(life).toBeGreaterThan(71 * 3_600_000)
    expect(life).toBeLessThanOrEqual(72 * 3_600_000)
    expect(await record(STAFF)).toMatchObject({ bound: false, codeExpiresAt: issued.data.expiresAt })

    // typed as a person would: lower case, with a space
    const typed = `${issued.data.code.slice(0, 4).toLowerCase()} ${issued.data.code.slice(4)}`
    const bound = await bind(ACCOUNT, typed)
    expect(bound.data).toMatchObject({ id: STAFF, role: 'grid_leader', roleName: '网格长' })
    expect((await t.call('user', ACCOUNT, 'me', {})).data.id).toBe(STAFF)
    expect((await t.call('worker', ACCOUNT, 'listInbox', {})).ok).toBe(true)
    expect(await record(STAFF)).toMatchObject({ bound: true, boundAt: expect.any(Number), codeExpiresAt: null })

    const again = await bind(OTHER_ACCOUNT, issued.data.code)
    expect(again.error).toMatchObject({ code: 'NOT_FOUND', message: '绑定码不正确或已失效' })
    expect((await t.call('user', OTHER_ACCOUNT, 'me', {})).data.role).toBe('resident')
  })

  it('keeps only a keyed hash of the code in the database', async () => {
    const STAFF = 'u_leader_2'
    const issued = await issue(STAFF)
    const db = new Database(join(t.dataDir, 'gridlink.sqlite'), { readonly: true })
    const rows = db.prepare('SELECT * FROM binding_codes').all() as { staff_id: string }[]
    db.close()
    expect(JSON.stringify(rows)).not.toContain(issued.data.code)
    expect(rows.filter((r) => r.staff_id === STAFF)).toEqual([expect.objectContaining({ code_hash: expect.stringMatching(/^[0-9a-f]{64}$/), used_at: null })])
  })

  it('refuses a code once it has expired, with the same answer as a wrong one', async () => {
    const STAFF = 'u_leader_3', ACCOUNT = 'u_resident_3'
    const issued = await issue(STAFF)
    t.stack.clock.advance(72 * HOUR_MIN)
    const late = await bind(ACCOUNT, issued.data.code)
    expect(late.error).toMatchObject({ code: 'NOT_FOUND', message: '绑定码不正确或已失效' })
    expect((await bind(ACCOUNT, 'ABCD2345')).error).toEqual(late.error)
    expect(await record(STAFF)).toMatchObject({ bound: false, codeExpiresAt: null })
  })

  it('works just before its expiry, and only the newest code of a person works', async () => {
    const STAFF = 'u_leader_4', ACCOUNT = 'u_resident_4'
    const first = await issue(STAFF)
    const second = await issue(STAFF)
    t.stack.clock.advance(72 * HOUR_MIN - 1)
    expect((await bind(ACCOUNT, first.data.code)).error?.code).toBe('NOT_FOUND')
    expect((await bind(ACCOUNT, second.data.code)).data.id).toBe(STAFF)
  })

  it('takes no second account: a bound record gets no new code until it is unbound', async () => {
    const STAFF = 'u_leader_5', ACCOUNT = 'u_resident_5'
    expect((await bind(ACCOUNT, (await issue(STAFF)).data.code)).ok).toBe(true)
    const refused = await issue(STAFF)
    expect(refused.error).toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('请先解除绑定') })
  })

  it('refuses a staff account: it already is its staff record', async () => {
    const STAFF = 'u_leader_6', ACCOUNT = 'u_resident_6'
    const issued = await issue(STAFF)
    const asWorker = await bind('u_worker_1', issued.data.code)
    expect(asWorker.error.code).toBe('FORBIDDEN')
    expect((await bind(ACCOUNT, issued.data.code)).ok).toBe(true)
    // the bound account is staff now: it cannot bind again
    expect((await bind(ACCOUNT, issued.data.code)).error.code).toBe('FORBIDDEN')
  })

  it('unbinds: the account is its own resident record again, and a new code binds another account', async () => {
    const STAFF = 'u_leader_7', ACCOUNT = 'u_resident_7', OTHER_ACCOUNT = 'u_resident_8'
    expect((await bind(ACCOUNT, (await issue(STAFF)).data.code)).ok).toBe(true)
    const unbound = await t.call('admin', ADMIN, 'unbindStaff', { userId: STAFF })
    expect(unbound.data).toMatchObject({ userId: STAFF, bound: false, boundAt: null })
    expect((await t.call('user', ACCOUNT, 'me', {})).data).toMatchObject({ id: ACCOUNT, role: 'resident' })
    expect((await t.stack.deps.reference.getUser(STAFF))!.binding).toBeUndefined()

    const reissued = await issue(STAFF)
    expect(reissued.ok).toBe(true)
    expect((await bind(OTHER_ACCOUNT, reissued.data.code)).data.id).toBe(STAFF)
    expect((await t.call('user', OTHER_ACCOUNT, 'me', {})).data.id).toBe(STAFF)
    expect((await t.call('user', ACCOUNT, 'me', {})).data.id).toBe(ACCOUNT)
    // unbinding a record nobody is bound to changes nothing
    expect((await t.call('admin', ADMIN, 'unbindStaff', { userId: 'u_worker_1' })).data).toMatchObject({ bound: false })
  })

  it('limits tries to 10 an hour per account, so codes cannot be guessed', async () => {
    const STAFF = 'u_leader_8', ACCOUNT = 'u_volunteer_1', OTHER_ACCOUNT = 'u_volunteer_2'
    const issued = await issue(STAFF)
    for (let i = 0; i < 10; i++) expect((await bind(ACCOUNT, 'ABCD2345')).error.code).toBe('NOT_FOUND')
    const limited = await bind(ACCOUNT, issued.data.code)
    expect(limited.error).toMatchObject({ code: 'RATE_LIMITED', retryAfterS: expect.any(Number) })
    // another account is not held back, and the limited one may try again in the next hour
    expect((await bind(OTHER_ACCOUNT, 'ABCD2345')).error.code).toBe('NOT_FOUND')
    t.stack.clock.advance(HOUR_MIN)
    expect((await bind(ACCOUNT, issued.data.code)).data.id).toBe(STAFF)
  })

  it('refuses a code for a record that is not staff, and one outside the dispatcher\'s area', async () => {
    const STAFF = 'u_leader_9'
    expect((await issue('u_resident_2')).error).toMatchObject({ code: 'NOT_FOUND', fields: { userId: '没有找到这位工作人员' } })
    const leader = (await t.stack.deps.reference.getUser(STAFF))!
    const communities = await t.stack.deps.reference.listCommunities()
    const elsewhere = communities.find((c) => c.id !== leader.communityId)!
    expect((await issue(STAFF, elsewhere.dispatcherIds[0])).error.code).toBe('FORBIDDEN')
    const own = communities.find((c) => c.id === leader.communityId)!
    expect((await issue(STAFF, own.dispatcherIds[0])).ok).toBe(true)
  })
})

describe('binding through the local host', () => {
  it('makes the dev login and the session of a bound account the staff member, and its own record again once unbound', async () => {
    const STAFF = 'u_leader_10', ACCOUNT = 'u_volunteer_3'
    const server = createHost(t.stack, { dev: true, webDir: '/nonexistent-web-dir' })
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
    const post = async (path: string, body: unknown, token?: string) =>
      (await fetch(`${base}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) }, body: JSON.stringify(body) })).json() as Promise<any>
    try {
      const login = await post('/api/_dev/login', { userId: ACCOUNT })
      const token = login.data.token
      const issued = await issue(STAFF)
      const bound = await post('/api/user', { action: 'bindStaff', payload: { code: issued.data.code } }, token)
      expect(bound.data).toMatchObject({ id: STAFF, role: 'grid_leader' })
      expect((await post('/api/user', { action: 'me' }, token)).data.id).toBe(STAFF)
      expect((await post('/api/worker', { action: 'listInbox', payload: {} }, token)).ok).toBe(true)
      expect((await post('/api/_dev/login', { userId: ACCOUNT })).data.user).toMatchObject({ id: STAFF, roleName: '网格长' })

      await t.call('admin', ADMIN, 'unbindStaff', { userId: STAFF })
      expect((await post('/api/user', { action: 'me' }, token)).data).toMatchObject({ id: ACCOUNT, role: 'volunteer' })
      expect((await post('/api/worker', { action: 'listInbox', payload: {} }, token)).error.code).toBe('FORBIDDEN')
    } finally {
      await new Promise((r) => server.close(r))
    }
  })
})
