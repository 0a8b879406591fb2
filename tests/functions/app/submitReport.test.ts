import { openTestStack, insidePoint, RESIDENT, type TestStack } from '../harness'
import { DEMO_POINTS } from '../../../cloudfunctions/local/seed/demoArea'

let t: TestStack
beforeAll(async () => { t = await openTestStack() })
afterAll(() => t.close())

async function validReport(userId = RESIDENT) {
  return { category: 'garbage', description: '楼下垃圾两天没人清理', photos: [await t.upload(userId)], location: { ...insidePoint(), accuracyM: 12 }, address: '3栋门口' }
}
async function counts() {
  const mine = await t.call('resident', RESIDENT, 'listMyReports', { limit: 50 })
  const grids = await t.stack.store.reference.listGrids()
  const open = await t.stack.store.cases.listOpenTasksForGrids(grids.map((g) => g.id), { limit: 1000 })
  return { reports: mine.data.items.length, openTasks: open.items.length }
}

describe('submitReport', () => {
  it('routes a report to the grid that contains it and puts a task in that grid worker\'s inbox', async () => {
    const res = await t.call('resident', RESIDENT, 'submitReport', await validReport(), 'req-route-0001')
    expect(res.ok).toBe(true)
    expect(res.data.routing.outcome).toBe('inside')
    expect(res.data.gridId).toBe(DEMO_POINTS.insideClear.expected.gridId)
    expect(res.data.status).toBe('assigned')
    const grid = (await t.stack.store.reference.getGrid(res.data.gridId))!
    const inbox = await t.call('worker', grid.workerIds[0], 'listInbox', { limit: 50 })
    expect(inbox.data.items.map((i: any) => i.reportId)).toContain(res.data.reportId)
    const messages = await t.call('user', grid.workerIds[0], 'listMessages', {})
    expect(messages.data.items[0]).toMatchObject({ kind: 'task_assigned', reportId: res.data.reportId })
    const report = (await t.stack.store.cases.getReport(res.data.reportId))!
    expect(report.routing.gridVersion).toBe(grid.version)
  })

  it('sends a point in no grid but inside the street to the dispatcher queue', async () => {
    const res = await t.call('resident', RESIDENT, 'submitReport', { ...(await validReport()), location: DEMO_POINTS.farInStreet.point })
    expect(res.ok).toBe(true)
    expect(res.data).toMatchObject({ gridId: null, routing: { outcome: 'dispatcher_queue' } })
  })

  it('refuses a point outside the service area and says whom to call', async () => {
    const before = await counts()
    const res = await t.call('resident', RESIDENT, 'submitReport', { ...(await validReport()), location: DEMO_POINTS.outside.point })
    expect(res.ok).toBe(false)
    expect(res.error.code).toBe('OUTSIDE_SERVICE_AREA')
    expect(res.error.message).toMatch(/热线/)
    expect(await counts()).toEqual(before)
  })

  it('creates one report when the same requestId arrives twice, one after the other', async () => {
    const payload = await validReport()
    const a = await t.call('resident', RESIDENT, 'submitReport', payload, 'req-twice-0001')
    const before = await counts()
    const b = await t.call('resident', RESIDENT, 'submitReport', payload, 'req-twice-0001')
    expect(b.data.reportId).toBe(a.data.reportId)
    expect(await counts()).toEqual(before)
  })

  it('creates one report when the same requestId arrives twice at once', async () => {
    const payload = await validReport()
    const before = await counts()
    const [a, b, c] = await Promise.all([1, 2, 3].map(() => t.call('resident', RESIDENT, 'submitReport', payload, 'req-race-00001')))
    expect(new Set([a.data.reportId, b.data.reportId, c.data.reportId]).size).toBe(1)
    expect(await counts()).toEqual({ reports: before.reports + 1, openTasks: before.openTasks + 1 })
  })
})

describe('submitReport refuses bad input, names the field and changes nothing', () => {
  const tooMany = Array.from({ length: 10 }, (_, i) => `f_${String(i).padStart(32, '0')}`)
  const cases: [string, (p: any) => any, string, RegExp][] = [
    ['category missing', ({ category: _, ...p }) => p, 'category', /请填写问题类别/],
    ['category of wrong type', (p) => ({ ...p, category: 7 }), 'category', /问题类别必须是文本/],
    ['unknown category', (p) => ({ ...p, category: 'flying_saucer' }), 'category', /问题类别不存在/],
    ['description missing', ({ description: _, ...p }) => p, 'description', /请填写问题描述/],
    ['description too short', (p) => ({ ...p, description: '   脏  ' }), 'description', /至少5个字/],
    ['description too long', (p) => ({ ...p, description: '很'.repeat(501) }), 'description', /最多500个字/],
    ['description of wrong type', (p) => ({ ...p, description: ['x'] }), 'description', /问题描述必须是文本/],
    ['photos missing', ({ photos: _, ...p }) => p, 'photos', /请填写照片/],
    ['no photo', (p) => ({ ...p, photos: [] }), 'photos', /至少上传1张照片/],
    ['too many photos', (p) => ({ ...p, photos: tooMany }), 'photos', /最多9张/],
    ['photos of wrong type', (p) => ({ ...p, photos: 'f_1' }), 'photos', /照片必须是列表/],
    ['a photo nobody uploaded', (p) => ({ ...p, photos: ['f_' + 'e'.repeat(32)] }), 'photos.0', /不存在或已失效/],
    ['the same photo twice', (p) => ({ ...p, photos: [p.photos[0], p.photos[0]] }), 'photos.1', /重复/],
    ['location missing', ({ location: _, ...p }) => p, 'location', /请填写位置/],
    ['longitude of wrong type', (p) => ({ ...p, location: { lng: '114.05', lat: 22.54 } }), 'location.lng', /经度必须是数字/],
    ['latitude missing', (p) => ({ ...p, location: { lng: 114.05 } }), 'location.lat', /请填写纬度/],
    ['longitude out of range', (p) => ({ ...p, location: { lng: 214.05, lat: 22.54 } }), 'location.lng', /-180 到 180/],
    ['latitude out of range', (p) => ({ ...p, location: { lng: 114.05, lat: -122.54 } }), 'location.lat', /-90 到 90/],
    ['coordinates swapped', (p) => ({ ...p, location: { lng: 22.54, lat: 84.05 } }), 'location.lng', /填反/],
    ['negative accuracy', (p) => ({ ...p, location: { ...p.location, accuracyM: -1 } }), 'location.accuracyM', /不能为负数/],
    ['address too long', (p) => ({ ...p, address: '路'.repeat(101) }), 'address', /最多100个字/],
  ]

  it.each(cases)('%s', async (_name, mutate, field, message) => {
    const before = await counts()
    const res = await t.call('resident', RESIDENT, 'submitReport', mutate(await validReport()), `req-bad-${Math.random().toString(36).slice(2, 10)}`)
    expect(res.ok).toBe(false)
    expect(res.error.code).toBe('VALIDATION')
    expect(res.error.fields[field]).toMatch(message)
    expect(await counts()).toEqual(before)
  })

  it('refuses a payload that is not an object', async () => {
    const res = await t.call('resident', RESIDENT, 'submitReport', 'hello')
    expect(res.error).toMatchObject({ code: 'VALIDATION' })
  })

  it('refuses a photo another person uploaded', async () => {
    const res = await t.call('resident', RESIDENT, 'submitReport', { ...(await validReport()), photos: [await t.upload('u_resident_3')] })
    expect(res.error.fields['photos.0']).toMatch(/不存在或已失效/)
  })
})

describe('the action router', () => {
  it('answers an unknown action with VALIDATION naming the action', async () => {
    const res = await t.call('resident', RESIDENT, 'launchRocket', {})
    expect(res.error.code).toBe('VALIDATION')
    expect(res.error.fields.action).toMatch(/launchRocket/)
  })
  it('answers an envelope without action with VALIDATION', async () => {
    const { dispatch } = await import('../../../cloudfunctions/app/dispatch')
    const res = await dispatch(t.stack.deps, 'resident', { payload: {} }, await t.stack.store.reference.getUser(RESIDENT))
    expect(res).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: { action: expect.stringMatching(/action/) } } })
  })
  it('forbids a resident from calling a worker action', async () => {
    const res = await t.call('worker', RESIDENT, 'listInbox', {})
    expect(res.error.code).toBe('FORBIDDEN')
  })
  it('forbids a worker from submitting as a resident', async () => {
    const res = await t.call('resident', 'u_worker_1', 'submitReport', await validReport('u_worker_1'))
    expect(res.error.code).toBe('FORBIDDEN')
  })
  it('answers an altered paging cursor with VALIDATION naming the cursor', async () => {
    const res = await t.call('resident', RESIDENT, 'listMyReports', { cursor: 'bm90LWEtY3Vyc29y' })
    expect(res.error).toMatchObject({ code: 'VALIDATION', fields: { cursor: expect.stringMatching(/翻页/) } })
  })
  it('asks a caller without identity to log in', async () => {
    const res = await t.call('resident', null, 'listMyReports', {})
    expect(res.error.code).toBe('UNAUTHENTICATED')
  })
})
