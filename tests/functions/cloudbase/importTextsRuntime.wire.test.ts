import { liftCdnFields } from '../../../cloudfunctions/adapters/cloudbase/cdnEnvelope'
import { COLLECTIONS } from '../../../cloudfunctions/adapters/cloudbase/docs'
import { upsertReference } from '../../../cloudfunctions/adapters/cloudbase/reference'
import { openRuntime, type CloudbaseRuntime } from '../../../cloudfunctions/adapters/cloudbase/runtime'
import { loadCloudbaseSettings } from '../../../cloudfunctions/adapters/cloudbase/settings'
import { dispatch } from '../../../cloudfunctions/app/dispatch'
import { DEMO_COMMUNITIES, DEMO_GRIDS, DEMO_STREET } from '../../../cloudfunctions/local/seed/demoArea'
import { demoPeople } from '../../../cloudfunctions/local/seed/people'
import { MAX_IMPORT_TEXT } from '../../../shared/schemas/admin'
import { CdnStandIn } from './cdnStandIn'
import { useWireDb } from './wireDb'

// The admin function as deployed (openRuntime on the wire database) receiving an import file
// the way a mini-program sends one past 100 KB: WeChat's temporary CDN URL in the top-level
// field `cdn_<field>` of the event, beside the envelope. The file is downloaded only for a
// caller allowed to import, then held to the same 900 KB as inline text.
jest.setTimeout(30_000)
useWireDb()

const ADMIN = 'u_admin_1'
const RESIDENT = 'u_resident_1'
let cdn: CdnStandIn
let rt: CloudbaseRuntime

beforeEach(async () => {
  // each download logs the CDN's host (cdnImportTexts.ts); importTexts.test.ts states the line
  jest.spyOn(console, 'log').mockImplementation(() => undefined)
  cdn = await CdnStandIn.start()
  rt = openRuntime(loadCloudbaseSettings({}), { fetch: cdn.fetch })
  const { users, staff, dispatchers } = demoPeople(DEMO_STREET.id, DEMO_COMMUNITIES, DEMO_GRIDS)
  const grids = DEMO_GRIDS.map((g) => ({ ...g, workerIds: [staff.get(g.id)!.workerId], leaderId: staff.get(g.id)!.leaderId }))
  const communities = DEMO_COMMUNITIES.map((c) => ({ ...c, dispatcherIds: [dispatchers.get(c.id)!] }))
  await upsertReference(rt.store.db, { streets: [DEMO_STREET], communities, grids, users, files: [] })
  for (const id of [ADMIN, RESIDENT]) await rt.store.db.collection(COLLECTIONS.identities).doc(`o_${id}`).set({ userId: id, createdAt: Date.now() })
})
afterEach(async () => {
  jest.restoreAllMocks()
  await cdn.close()
})

/** One invocation as the function entry runs it: the caller from the OPENID, the CDN field put back, the action router. */
async function invoke(userId: string, event: object) {
  const caller = await rt.identity.caller({ getWXContext: () => ({ OPENID: `o_${userId}` }) })
  return dispatch(await rt.deps(), 'admin', liftCdnFields('admin', event), caller) as Promise<any>
}
const importGrids = (userId: string, url: string, apply = true) => invoke(userId, { action: 'importGrids', payload: { from: 'gcj02', apply }, cdn_geojson: url })

/** The demo map with its first grid renamed: one changed grid. */
const renamedMap = () =>
  JSON.stringify({
    type: 'FeatureCollection',
    features: DEMO_GRIDS.map((g, i) => ({ type: 'Feature', properties: { code: g.code, name: i === 0 ? `${g.name}（调整）` : g.name }, geometry: g.geometry })),
  })

describe('an import file sent by the temporary CDN', () => {
  it('admin.importGrids downloads the file at the URL and imports it', async () => {
    cdn.file('/a1b2/grids.geojson', renamedMap())
    const before = await rt.store.reference.mapGeneration()
    const res = await importGrids(ADMIN, cdn.url('/a1b2/grids.geojson'))
    expect(res).toMatchObject({ ok: true, data: { applied: true, problems: [], plan: { changed: [expect.stringContaining(DEMO_GRIDS[0].code!)], added: [], removed: [] } } })
    expect(res.data.generation).toBeGreaterThan(before)
    expect((await rt.store.reference.getGrid(DEMO_GRIDS[0].id))!.name).toBe(`${DEMO_GRIDS[0].name}（调整）`)
    expect(cdn.asked).toEqual(['/a1b2/grids.geojson'])
  })

  it('admin.importRoster downloads its CSV the same way', async () => {
    const csv = ['姓名,工作电话,角色,所属编码,职责,办公时间', `王小明,13912340001,网格员,${DEMO_GRIDS[0].code},巡查走访,工作日 9:00-17:30`].join('\n')
    cdn.file('/c3d4/roster.csv', csv)
    const res = await invoke(ADMIN, { action: 'importRoster', payload: { apply: false }, cdn_csv: cdn.url('/c3d4/roster.csv') })
    expect(res).toEqual({ ok: true, data: { applied: false, problems: [], plan: { added: ['王小明（139****0001）'], changed: [], unchanged: [] } } })
  })

  it('downloads nothing for a caller who may not import', async () => {
    cdn.file('/a1b2/grids.geojson', renamedMap())
    const res = await importGrids(RESIDENT, cdn.url('/a1b2/grids.geojson'))
    expect(res).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(cdn.asked).toEqual([])
  })

  it('holds the downloaded text to the 900 KB of inline text, and changes nothing past it', async () => {
    const padded = JSON.stringify({ type: 'FeatureCollection', features: [], note: 'x'.repeat(MAX_IMPORT_TEXT) })
    cdn.file('/e5f6/huge.geojson', padded)
    const before = await rt.store.reference.mapGeneration()
    const res = await importGrids(ADMIN, cdn.url('/e5f6/huge.geojson'))
    const message = '网格边界文件过大：页面上一次最多 900 KB，请按街道拆分后分批导入'
    expect(res).toEqual({ ok: false, error: { code: 'VALIDATION', message, fields: { geojson: message } } })
    expect(await rt.store.reference.mapGeneration()).toBe(before)
  })

  it('refuses a URL that is not the CDN\'s without fetching it, in the CDN field or in the payload', async () => {
    const inPayload = await invoke(ADMIN, { action: 'importGrids', payload: { geojson: 'https://localhost/f', from: 'gcj02', apply: false } })
    expect(inPayload).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: { geojson: expect.stringContaining('（localhost）') } } })
    const res = await importGrids(ADMIN, 'http://169.254.0.23/latest/meta-data', false)
    expect(res).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: { geojson: expect.stringContaining('不是微信临时 CDN 的 https 地址') } } })
    expect(cdn.asked).toEqual([])
  })
})
