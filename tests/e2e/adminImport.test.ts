import type { Page } from 'playwright-core'
import { DEMO_GRIDS } from '../../cloudfunctions/local/seed/demoArea'
import { loginAs, openWorld, phone, shot as viewportShot, stationed, type World } from './browser'

// The admin pages in a browser, on the real H5 build and the seeded local stack: the district
// admin imports a grid map (a broken file first, then a good one) and a staff roster through
// the pages, a community dispatcher issues a binding code, and a resident binds with it.
// Screenshots at phone size and at a desktop's, as both are how the pages are used.

jest.setTimeout(240_000)

let world: World
beforeAll(async () => { world = await openWorld() })
afterAll(async () => { await world?.close() })

const ADMIN = 'u_admin_1'
const DISPATCHER = 'u_cdisp_1'
const RESIDENT = 'u_resident_2'

async function desktop(w: World): Promise<Page> {
  const context = await w.browser.newContext({ viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1, locale: 'zh-CN' })
  const page = await context.newPage()
  page.on('pageerror', (err) => console.error('page error:', err.message))
  return page
}

/**
 * Taro's H5 pages scroll inside their own box, so a full-page screenshot stops at the window:
 * for the shot, the page on show is let grow to its content, and put back afterwards.
 */
async function shot(page: Page, name: string) {
  const grow = await page.addStyleTag({ content: `.taro_router { height: auto !important; }
    .taro_router > .taro_page.taro_page_stationed:last-child { position: relative !important; height: auto !important; max-height: none !important; overflow: visible !important; }` })
  await viewportShot(page, name)
  await grow.evaluate((el) => el.remove())
}

const open = async (page: Page, path: string, rootId: string) => {
  await page.goto(`${world.base}/#${path}`)
  await stationed(page, rootId)
}

const feature = (g: { code?: string; name: string; geometry: unknown }) => ({ type: 'Feature', properties: { code: g.code, name: g.name }, geometry: g.geometry })
const lianhua = DEMO_GRIDS.filter((g) => g.communityId === 'c-lianhua1')

/** 莲花一村社区's four grids as the seed has them, its first grid's north-west corner moved 33 m north (into the second). */
function movedMap(): string {
  const [first, ...rest] = lianhua
  const ring = (first.geometry.coordinates as [number, number][][])[0].map(([lng, lat]) => [lng, lat] as [number, number])
  // the ring runs a0, b0, b1, a1, a0: a1 is the north-west corner
  ring[3] = [ring[3][0] + 0.0001, ring[3][1] + 0.0003]
  const moved = { ...first, geometry: { type: 'Polygon', coordinates: [ring] } }
  return JSON.stringify({ type: 'FeatureCollection', features: [moved, ...rest].map(feature) })
}

/** Two of the classic mistakes: lng/lat swapped in one feature, a community code the map doesn't have in another. */
function brokenMap(): string {
  const swapped = { ...lianhua[0], geometry: { type: 'Polygon', coordinates: [(lianhua[0].geometry.coordinates as [number, number][][])[0].map(([lng, lat]) => [lat, lng])] } }
  const stranger = { ...lianhua[1], code: '440304005009001', name: '不存在社区第1网格' }
  return JSON.stringify({ type: 'FeatureCollection', features: [swapped, stranger].map(feature) })
}

const chooseFile = (page: Page, input: string, name: string, text: string, mimeType: string) =>
  page.setInputFiles(input, { name, mimeType, buffer: Buffer.from(text, 'utf8') })

const isDisabled = async (page: Page, id: string) => (await page.getAttribute(id, 'class'))!.includes('nut-button-disabled')

describe('the admin pages in a browser', () => {
  it('shows the district admin every tool and a dispatcher only theirs, at phone and desktop size', async () => {
    const admin = await phone(world)
    await loginAs(world, admin, ADMIN, 'page-home')
    await open(admin, '/admin/index', 'page-admin')
    expect(await admin.textContent('#admin-role')).toContain('区网格办管理员')
    for (const tool of ['grids', 'roster', 'staff', 'leave']) await admin.waitForSelector(`#admin-tool-${tool}`)
    await shot(admin, 'admin-01-console-phone')

    const wide = await desktop(world)
    await loginAs(world, wide, ADMIN, 'page-home')
    await open(wide, '/admin/index', 'page-admin')
    // one readable column at a desk, not a phone page stretched over 1280 px
    const box = (await wide.locator('#page-admin .admin-wrap').boundingBox())!
    expect(box.width).toBeLessThanOrEqual(960)
    expect(box.x).toBeGreaterThan(100)
    const titleSize = await wide.$eval('#page-admin .admin-title', (el) => parseFloat(getComputedStyle(el).fontSize))
    expect(titleSize).toBeLessThan(30)
    await shot(wide, 'admin-02-console-desktop')

    // the district's staff list: everyone, or one community's
    await wide.click('#admin-tool-staff')
    await stationed(wide, 'page-admin-staff')
    await wide.waitForSelector('#staff-filter-c-tianmian')
    await wide.waitForSelector('.admin-staff')
    await wide.click('#staff-filter-c-tianmian')
    await wide.waitForSelector('#staff-filter-c-tianmian.chip-on')
    await wide.waitForFunction(() => {
      const places = [...document.querySelectorAll('.taro_page_stationed .admin-staff .admin-staff-head .gl-muted')].map((el) => el.textContent ?? '')
      return places.length > 0 && places.every((p) => p.startsWith('田面社区'))
    })
    await shot(wide, 'admin-02b-staff-district-desktop')

    const dispatcher = await phone(world)
    await loginAs(world, dispatcher, DISPATCHER, 'page-home')
    await open(dispatcher, '/admin/index', 'page-admin')
    await dispatcher.waitForSelector('#admin-tool-staff')
    expect(await dispatcher.$('#admin-tool-grids')).toBeNull()
    expect(await dispatcher.$('#admin-tool-roster')).toBeNull()
  })

  it('imports a GeoJSON map through the page: problems block it, a good file is previewed, then imported', async () => {
    const generationBefore = await world.stack.store.reference.mapGeneration()
    const page = await phone(world)
    await loginAs(world, page, ADMIN, 'page-home')
    await open(page, '/admin/index', 'page-admin')
    await page.click('#admin-tool-grids')
    await stationed(page, 'page-admin-grids')
    expect(await isDisabled(page, '#grids-preview')).toBe(true)

    // A broken file: each problem with its feature and field, and no way to import it.
    await chooseFile(page, '#grids-file-input', 'broken.geojson', brokenMap(), 'application/geo+json')
    await page.waitForSelector('#grids-file:has-text("broken.geojson")')
    await page.click('#grids-from-gcj02')
    await page.click('#grids-preview')
    await page.waitForSelector('#grids-problems')
    const problems = (await page.textContent('#grids-problems'))!
    expect(problems).toContain('第1个网格（features[0]）')
    expect(problems).toMatch(/填反/)
    expect(problems).toContain('第2个网格（features[1]） · properties.code')
    expect(problems).toContain('440304005009')
    expect(await isDisabled(page, '#grids-apply')).toBe(true)
    await shot(page, 'admin-03-grids-problems-phone')

    // The good file: a preview with the overlap in m² and the plan, nothing written yet.
    await chooseFile(page, '#grids-file-input', 'lianhua1.geojson', movedMap(), 'application/geo+json')
    await page.waitForSelector('#grids-file:has-text("lianhua1.geojson")')
    expect(await isDisabled(page, '#grids-apply')).toBe(true)
    await page.click('#grids-preview')
    await page.waitForSelector('#grids-preview-ok')
    expect(await page.textContent('#grids-plan-changed')).toContain('440304005001001')
    expect(await page.textContent('#grids-plan-unchanged')).toContain('没有变化：3 个')
    expect(await page.textContent('#grids-plan-removed')).toContain('0 个')
    const warnings = (await page.textContent('#grids-warnings'))!
    expect(warnings).toContain('网格重叠')
    expect(warnings).toMatch(/面积约 [\d,]+ 平方米（m²）/)
    expect(await world.stack.store.reference.mapGeneration()).toBe(generationBefore)
    await shot(page, 'admin-04-grids-preview-phone')

    expect(await isDisabled(page, '#grids-apply')).toBe(false)
    await page.click('#grids-apply')
    await page.waitForSelector('#grids-applied')
    const generation = await world.stack.store.reference.mapGeneration()
    expect(generation).toBe(generationBefore + 1)
    expect(await page.textContent('#grids-applied')).toContain(`地图已更新为第 ${generation} 版`)
    const grid = (await world.stack.store.reference.getGrid('g-lianhua1-1'))!
    expect(grid.version).toBe(2)
    expect((await world.stack.store.reference.getGrid('g-lianhua1-2'))!.version).toBe(1)
    await shot(page, 'admin-05-grids-applied-phone')

    // The same page at a desk.
    const wide = await desktop(world)
    await loginAs(world, wide, ADMIN, 'page-home')
    await open(wide, '/admin/grids/index', 'page-admin-grids')
    await chooseFile(wide, '#grids-file-input', 'lianhua1.geojson', movedMap(), 'application/geo+json')
    await wide.click('#grids-from-wgs84')
    await wide.click('#grids-preview')
    await wide.waitForSelector('#grids-report')
    await shot(wide, 'admin-06-grids-preview-desktop')
  })

  it('imports a staff roster through the page: row problems block it, a good file is imported', async () => {
    const page = await phone(world)
    await loginAs(world, page, ADMIN, 'page-home')
    await open(page, '/admin/roster/index', 'page-admin-roster')
    // no 照片 column: photos are uploaded on the staff page
    const header = '姓名,工作电话,角色,所属编码,职责,办公时间'
    expect((await page.textContent('#roster-example'))!.split('\n')[0]).toBe(header)

    await chooseFile(page, '#roster-file-input', 'broken.csv', `${header}\n陈小明,1390000,网格员,440304005001001,,,\n`, 'text/csv')
    await page.waitForSelector('#roster-file:has-text("broken.csv")')
    await page.click('#roster-preview')
    await page.waitForSelector('#roster-problems')
    expect(await page.textContent('#roster-problems')).toMatch(/第\d+行 · “工作电话”列/)
    expect(await isDisabled(page, '#roster-apply')).toBe(true)
    await shot(page, 'admin-07-roster-problems-phone')

    await chooseFile(page, '#roster-file-input', 'roster.csv', `${header}\n陈小明,13900007788,网格员,440304005001002,巡查走访、事件签收处置,工作日 9:00–17:30 社区党群服务中心,\n`, 'text/csv')
    await page.waitForSelector('#roster-file:has-text("roster.csv")')
    await page.click('#roster-preview')
    await page.waitForSelector('#roster-preview-ok')
    expect(await page.textContent('#roster-plan-added')).toContain('陈小明')
    await page.click('#roster-apply')
    await page.waitForSelector('#roster-applied')
    const added = (await world.stack.store.reference.listUsers()).find((u) => u.name === '陈小明')
    expect(added).toMatchObject({ role: 'grid_worker', phone: '13900007788', gridIds: ['g-lianhua1-2'] })
    await shot(page, 'admin-08-roster-applied-phone')
  })

  it('a dispatcher issues a binding code and a resident binds with it on 我是工作人员', async () => {
    const dispatcher = await phone(world)
    await loginAs(world, dispatcher, DISPATCHER, 'page-home')
    await open(dispatcher, '/admin/staff/index', 'page-admin-staff')
    const worker = 'u_worker_1'
    await dispatcher.waitForSelector(`#staff-${worker}`)
    await dispatcher.click(`#staff-${worker} [data-action=issue]`)
    await dispatcher.waitForSelector(`#staff-${worker} .admin-code`)
    const code = (await dispatcher.textContent(`#staff-${worker} .admin-code-value`))!.replace(/\s/g, '')
    expect(code).toMatch(/^[A-HJ-NP-Z2-9]{8}$/)
    expect(await dispatcher.textContent(`#staff-${worker} .admin-code`)).toContain('请当面交给')
    await shot(dispatcher, 'admin-09-staff-code-phone')

    const wide = await desktop(world)
    await loginAs(world, wide, DISPATCHER, 'page-home')
    await open(wide, '/admin/staff/index', 'page-admin-staff')
    await wide.waitForSelector(`#staff-${worker}`)
    await shot(wide, 'admin-10-staff-desktop')

    // The resident types it as people do: lower case, a space in the middle.
    const resident = await phone(world)
    await loginAs(world, resident, RESIDENT, 'page-home')
    await open(resident, '/account/bind/index', 'page-bind')
    await resident.fill('#bind-code input', 'ABCDEFGH')
    await resident.click('#bind-submit')
    await resident.waitForSelector('#bind-error, #field-error-code')
    await shot(resident, 'admin-11-bind-wrong-code-phone')
    await resident.fill('#bind-code input', `${code.slice(0, 4).toLowerCase()} ${code.slice(4).toLowerCase()}`)
    await resident.click('#bind-submit')
    await resident.waitForSelector('#bind-done')
    const words = (await resident.textContent('#bind-done-words'))!
    const staffRecord = (await world.stack.store.reference.listUsers()).find((u) => u.id === worker)!
    expect(words).toContain('已绑定为')
    expect(words).toContain(staffRecord.name)
    expect(words).toContain('网格员')
    await shot(resident, 'admin-12-bind-done-phone')

    // the code was single use: the dispatcher's list now shows the record as bound
    await dispatcher.reload()
    await stationed(dispatcher, 'page-admin-staff')
    await dispatcher.waitForSelector(`#staff-${worker} [data-field=binding]:has-text("已绑定")`)

    // The grid's leader goes on leave for three days; the worker just bound covers.
    const leader = 'u_leader_1'
    const lastDay = new Date(Date.now() + 3 * 86_400_000)
    const ymd = `${lastDay.getFullYear()}-${String(lastDay.getMonth() + 1).padStart(2, '0')}-${String(lastDay.getDate()).padStart(2, '0')}`
    await dispatcher.click(`#staff-${leader} [data-action=leave]`)
    await dispatcher.waitForSelector(`#leave-sub-${worker}`)
    await dispatcher.fill('#leave-until input', ymd)
    await dispatcher.click(`#leave-sub-${worker}`)
    await shot(dispatcher, 'admin-13-leave-form-phone')
    await dispatcher.click('#leave-submit')
    const leave = dispatcher.locator(`#staff-${leader} [data-field=leave]`)
    await leave.waitFor()
    expect(await leave.textContent()).toBe(`请假中（至${lastDay.getMonth() + 1}月${lastDay.getDate()}日，由 ${staffRecord.name} 代班）`)
    expect((await world.stack.store.reference.getUser(leader))!.leave).toMatchObject({ substituteId: worker })
    await shot(dispatcher, 'admin-14-leave-set-phone')
  })
})
