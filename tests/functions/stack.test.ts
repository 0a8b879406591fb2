import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { loadSettings } from '../../cloudfunctions/local/config'
import { newKeyEntry } from '../../cloudfunctions/app/privacy/keyRing'
import { openLocalStack } from '../../cloudfunctions/local/stack'
import { ROLES } from '../../shared/roles'
import { STATUS_NAMES } from '../../shared/workflow/status'

describe('the local stack', () => {
  const dir = mkdtempSync(join(tmpdir(), 'gridlink-stack-'))
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  it('seeds a living demo street on first start: staff for every grid and reports in every state of the loop', async () => {
    const stack = await openLocalStack({ dataDir: dir, seed: true })
    const grids = await stack.store.reference.listGrids()
    const users = await stack.store.reference.listUsers()
    expect(grids.length).toBeGreaterThanOrEqual(12)
    for (const g of grids) {
      expect(users.find((u) => u.id === g.workerIds[0])?.role).toBe('grid_worker')
      expect(users.find((u) => u.id === g.leaderId)?.role).toBe('grid_leader')
    }
    expect(new Set(grids.map((g) => g.communityId)).size).toBeGreaterThanOrEqual(3)
    expect(new Set(users.map((u) => u.role))).toEqual(new Set(ROLES))
    const statuses = new Set<string>()
    for (const u of users.filter((x) => x.role === 'resident' || x.role === 'volunteer')) {
      const page = await stack.store.cases.listReportsByReporter(u.id, { limit: 50 })
      for (const t of await stack.store.cases.getTasks(page.items.map((r) => r.taskId))) statuses.add(STATUS_NAMES[t.status])
    }
    expect([...statuses].sort()).toEqual(['处理中', '待签收', '待派单', '已办结待评价', '已结案', '返工待签收'].sort())
    await stack.close()
  })

  it('never seeds a data folder that already has data', async () => {
    const first = await openLocalStack({ dataDir: dir, seed: true })
    const before = (await first.store.reference.listUsers()).length
    const reports = await first.store.cases.listReportsByReporter('u_resident_1', { limit: 50 })
    await first.close()
    const again = await openLocalStack({ dataDir: dir, seed: true })
    expect((await again.store.reference.listUsers()).length).toBe(before)
    expect((await again.store.cases.listReportsByReporter('u_resident_1', { limit: 50 })).items.length).toBe(reports.items.length)
    await again.close()
  })
})

describe('settings', () => {
  const SECRET = 'x'.repeat(32)
  // production needs the field key ring too (docs/privacy.md)
  const FIELD_KEYS = newKeyEntry('k1')
  it('use safe defaults: loopback, port 8080, dev routes off', () => {
    expect(loadSettings({ GRIDLINK_SECRET: SECRET, GRIDLINK_FIELD_KEYS: FIELD_KEYS })).toMatchObject({ HOST: '127.0.0.1', PORT: 8080, GRIDLINK_DEV: false, GRIDLINK_DATA_DIR: '.data', GRIDLINK_SESSION_HOURS: 16 })
  })
  it('refuse to start production mode without the signing secret, or with a short one', () => {
    expect(() => loadSettings({})).toThrow(/GRIDLINK_SECRET/)
    expect(() => loadSettings({ GRIDLINK_SECRET: 'short' })).toThrow(/32/)
  })
  it('refuse dev mode on anything but loopback', () => {
    for (const HOST of ['0.0.0.0', '192.168.1.5', '::', 'example.com']) expect(() => loadSettings({ GRIDLINK_DEV: '1', HOST })).toThrow(/loopback/)
    for (const HOST of ['127.0.0.1', '::1', 'localhost']) expect(loadSettings({ GRIDLINK_DEV: '1', HOST }).HOST).toBe(HOST)
  })
  it('refuse a bad port with the key named', () => {
    expect(() => loadSettings({ PORT: 'eighty', GRIDLINK_SECRET: SECRET, GRIDLINK_FIELD_KEYS: FIELD_KEYS })).toThrow(/PORT/)
  })
  it('refuse the cloudbase backend on the local host', () => {
    expect(() => loadSettings({ GRIDLINK_BACKEND: 'cloudbase', GRIDLINK_SECRET: SECRET, GRIDLINK_FIELD_KEYS: FIELD_KEYS })).toThrow(/local/)
  })
})
