import type { Page } from 'playwright-core'
import type { CommunityMap } from '../../shared/api'
import type { LngLat } from '../../shared/model'
import { DEMO_POINTS } from '../../cloudfunctions/local/seed/demoArea'
import { samplePhoto } from '../../cloudfunctions/local/seed/samplePhoto'
import { wgs84ToGcj02 } from '../../client/src/lib/gcj02'
import { projectionFor } from '../../client/src/lib/mapProjection'
import { pointOnSurface } from '../../shared/routing/pointOnSurface'
import { join } from 'node:path'
import { asUser, loginAs, newPhone, openWorld, PHONE, shot, SHOTS, stationed, type World } from './browser'

// 我的网格 and reporting without GPS in the real H5 build: a resident standing in a demo grid
// finds its people and calls its leader in one tap; a resident whose browser refuses location
// places the pin on the drawing of their community and sees the grid named before sending.
jest.setTimeout(180_000)

let world: World
beforeAll(async () => { world = await openWorld() })
afterAll(async () => { await world?.close() })

/** The WGS-84 point a browser must report for the H5 build to place it at this GCJ-02 point. */
function wgs84Of(gcj: LngLat): { latitude: number; longitude: number } {
  let w = { ...gcj }
  for (let i = 0; i < 5; i++) {
    const g = wgs84ToGcj02(w.lng, w.lat)
    w = { lng: w.lng - (g.lng - gcj.lng), lat: w.lat - (g.lat - gcj.lat) }
  }
  return { latitude: w.lat, longitude: w.lng }
}

/** Where on the screen a point of the community drawing is (the same projection the page draws with). */
async function screenPointOf(page: Page, svg: string, map: CommunityMap, p: LngLat): Promise<{ x: number; y: number }> {
  const box = (await page.locator(svg).boundingBox())!
  const projection = projectionFor(map.bbox)
  const [x, y] = projection.toXY(p)
  const scale = Math.min(box.width / projection.width, box.height / projection.height)
  return { x: box.x + (box.width - projection.width * scale) / 2 + x * scale, y: box.y + (box.height - projection.height * scale) / 2 + y * scale }
}

/**
 * One part of the page, whole: a Taro page scrolls inside its own box, so the phone is made
 * as tall as the page for the picture (still 390 wide), then put back.
 */
async function shotOf(page: Page, selector: string, name: string) {
  const tall = await page.evaluate(() => Math.max(...[...document.querySelectorAll('.taro_page_stationed')].map((p) => p.scrollHeight)))
  await page.setViewportSize({ width: PHONE.viewport.width, height: Math.max(tall, PHONE.viewport.height) })
  await page.locator(selector).screenshot({ path: join(SHOTS, `${name}.png`) })
  await page.setViewportSize(PHONE.viewport)
}

/** A screenshot in large-text mode: the switch lives on the home page, which stays in the page stack (hidden). */
async function withLargeText(page: Page, name: string, part: string) {
  const every = (large: boolean) => page.waitForFunction((on) => [...document.querySelectorAll('.gl-page')].every((e) => e.classList.contains('gl-large') === on), large)
  await page.dispatchEvent('#large-text-toggle', 'click')
  await every(true)
  await shot(page, name)
  await shotOf(page, part, `${name}-part`)
  await page.dispatchEvent('#large-text-toggle', 'click')
  await every(false)
}

describe('my grid on the home page', () => {
  it("shows a resident standing in a demo grid that grid's leader, and the call button carries the leader's number", async () => {
    // a resident with no home grid: only where they stand says which grid is theirs
    const residentId = 'u_resident_2'
    const resident = (await world.stack.store.reference.getUser(residentId))!
    await world.stack.store.reference.saveUsers([{ ...resident, homeGridId: undefined }])
    const gridId = DEMO_POINTS.insideClear.expected.gridId as string
    const grid = (await world.stack.store.reference.getGrid(gridId))!
    const leader = (await world.stack.store.reference.getUser(grid.leaderId!))!
    const worker = (await world.stack.store.reference.getUser(grid.workerIds[0]))!

    const { context, page } = await newPhone(world, { geolocation: wgs84Of(DEMO_POINTS.insideClear.point), permissions: ['geolocation'] })
    await loginAs(world, page, residentId, 'page-home')
    await page.waitForSelector('#home-no-grid[data-reason=no_location]')
    expect(await page.textContent('#home-pick')).toContain('从列表选择我的网格')
    await shot(page, 'mygrid-01-home-no-location')

    await page.click('#home-locate')
    await page.waitForSelector('#home-contact-card')
    expect(await page.getAttribute('#home-contact-card', 'data-grid-id')).toBe(gridId)
    expect(await page.textContent('#home-grid-name')).toBe('莲花一村社区 · 第1网格')
    expect(await page.textContent('#home-grid-source')).toContain('按您当前的位置找到')
    expect(await page.textContent('#home-leader-name')).toBe(leader.name)
    expect(await page.textContent('#home-leader-role')).toBe('网格长')
    expect(await page.textContent('#home-leader')).toContain(`职责：${leader.duties}`)
    // the one-tap call: a tel: link to the leader's work phone, labelled with the number
    expect(await page.getAttribute('#home-call-leader', 'href')).toBe(`tel:${leader.phone}`)
    expect((await page.textContent('#home-call-leader'))!.replace(/\s/g, '')).toBe(`拨打${leader.phone}`)
    expect(await page.getAttribute('#home-call-worker-0', 'href')).toBe(`tel:${worker.phone}`)
    // the seeded portrait, from our own host: nothing loads from elsewhere
    const photo = await page.locator('#home-leader .leader-photo img').getAttribute('src')
    expect(photo).toContain('/api/_files/')
    // the grid drawn, highlighted and labelled in words
    await page.waitForSelector(`#home-map-svg path.gm-grid-mine[data-grid-id="${gridId}"]`)
    expect(await page.textContent('#home-map-svg .gm-label-mine')).toContain('您的网格')
    await shot(page, 'mygrid-02-home-card')
    await shotOf(page, '#home-contact-card', 'mygrid-02-home-card-part')
    await withLargeText(page, 'mygrid-03-home-card-large', '#home-contact-card')

    // the tap itself: the browser is sent to tel:<number>
    const dialled = await page.evaluate(() => new Promise<string>((resolve) => {
      const link = document.querySelector('#home-call-leader') as HTMLAnchorElement
      link.addEventListener('click', (e) => { e.preventDefault(); resolve(link.href) }, { once: true })
      link.click()
    }))
    expect(dialled).toBe(`tel:${leader.phone}`)
    await context.close()
  })

  it("says so when the resident stands outside every grid, with the community's hotline to call", async () => {
    const residentId = 'u_resident_4'
    const resident = (await world.stack.store.reference.getUser(residentId))!
    await world.stack.store.reference.saveUsers([{ ...resident, homeGridId: undefined }])
    const { context, page } = await newPhone(world, { geolocation: wgs84Of(DEMO_POINTS.farInCommunity.point), permissions: ['geolocation'] })
    await loginAs(world, page, residentId, 'page-home')
    await page.waitForSelector('#home-no-grid')
    await page.click('#home-locate')
    await page.waitForSelector('#home-no-grid[data-reason=outside]')
    expect(await page.textContent('#home-outside')).toBe('您所在的位置不属于任何网格')
    expect(await page.textContent('#home-no-grid')).toContain('新田社区')
    const street = (await world.stack.store.reference.getStreet('s-huafu'))!
    expect(await page.getAttribute('#home-call-area', 'href')).toBe(`tel:${street.hotline}`)
    await shot(page, 'mygrid-04-home-outside')
    await context.close()
  })

  it('lets a resident pick community and grid from a list, which home then shows as theirs', async () => {
    const residentId = 'u_resident_5'
    const resident = (await world.stack.store.reference.getUser(residentId))!
    await world.stack.store.reference.saveUsers([{ ...resident, homeGridId: undefined }])
    const { context, page } = await newPhone(world)
    await loginAs(world, page, residentId, 'page-home')
    await page.click('#home-pick')
    await stationed(page, 'page-grid-pick')
    await page.click('#pick-community-c-tianmian')
    await page.waitForSelector('#pick-grid-g-tianmian-3')
    await shot(page, 'mygrid-05-pick-grid')
    await page.click('#pick-grid-g-tianmian-3')
    await stationed(page, 'page-home')
    await page.waitForSelector('#home-contact-card[data-grid-id=g-tianmian-3][data-source=home]')
    expect((await world.stack.store.reference.getUser(residentId))!.homeGridId).toBe('g-tianmian-3')
    expect(await page.textContent('#home-repick')).toBe('不是我的网格？重新选择')
    await context.close()
  })
})

describe('reporting without GPS', () => {
  it('lets a resident whose browser refuses location place the pin on the drawing, names the grid, and sends the report there', async () => {
    const residentId = 'u_resident_1'
    const home = (await world.stack.store.reference.getUser(residentId))!.homeGridId!
    const homeGrid = (await world.stack.store.reference.getGrid(home))!
    const map = await asUser<CommunityMap>(world, residentId, 'user', 'communityMap', { communityId: homeGrid.communityId })

    // no geolocation permission in this context: the browser refuses
    const { context, page } = await newPhone(world)
    await loginAs(world, page, residentId, 'page-home')
    await page.waitForSelector('#home-contact-card') // home remembers the resident's community for the form
    await page.click('#home-go-report')
    await stationed(page, 'page-report')
    await page.waitForSelector('#location-map-svg')
    expect(await page.textContent('#location-place')).toContain('无法自动定位')
    expect(await page.isVisible('#location-lng')).toBe(false) // typed coordinates are folded away
    await shot(page, 'mygrid-06-report-no-gps')

    // a tap on 莲花一村社区第2网格 places the pin there, and the grid is named before anything is sent
    const target = pointOnSurface((await world.stack.store.reference.getGrid('g-lianhua1-2'))!.geometry)!
    const at = await screenPointOf(page, '#location-map-svg', map, target)
    await page.mouse.click(at.x, at.y)
    await page.waitForSelector('#location-place[data-outcome=inside]')
    expect(await page.textContent('#location-place')).toBe('该位置属于 莲花一村社区 · 第2网格')
    await page.waitForSelector('#location-map-svg path.gm-grid-mine[data-grid-id="g-lianhua1-2"]')

    // dragging the pin south into 第1网格 moves it there
    const pinTip = await screenPointOf(page, '#location-map-svg', map, { lng: Number(await page.getAttribute('#location-map-pin', 'data-lng')), lat: Number(await page.getAttribute('#location-map-pin', 'data-lat')) })
    const to = await screenPointOf(page, '#location-map-svg', map, DEMO_POINTS.insideClear.point)
    await page.mouse.move(pinTip.x, pinTip.y - 20)
    await page.mouse.down()
    await page.mouse.move((pinTip.x + to.x) / 2, (pinTip.y + to.y) / 2 - 20, { steps: 4 })
    await page.mouse.move(to.x, to.y - 20, { steps: 4 })
    await page.mouse.up()
    await page.waitForFunction(() => document.querySelector('#location-place')?.textContent === '该位置属于 莲花一村社区 · 第1网格')
    const placed = { lng: Number(await page.getAttribute('#location-map-pin', 'data-lng')), lat: Number(await page.getAttribute('#location-map-pin', 'data-lat')) }
    expect((await world.stack.deps.router.route(placed)).gridId).toBe('g-lianhua1-1')
    await shot(page, 'mygrid-07-report-pin-placed')
    await shotOf(page, '#report-location', 'mygrid-07-report-pin-placed-part')
    await withLargeText(page, 'mygrid-08-report-pin-large', '#report-location')

    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.click('#report-add-photo')])
    await chooser.setFiles({ name: 'photo.png', mimeType: 'image/png', buffer: samplePhoto([120, 90, 200], 64) })
    await page.waitForSelector('.photo-item[data-state=done]')
    await page.click('#category-garbage')
    const description = `无定位上报：${Date.now()} 楼下垃圾桶满了`
    await page.fill('#report-description textarea', description)
    await page.click('#report-submit')
    await page.waitForSelector('#report-routed')
    expect(await page.textContent('#report-routed-grid')).toContain('莲花一村社区第1网格')
    const mine = await world.stack.store.cases.listReportsByReporter(residentId, { limit: 50 })
    const report = mine.items.find((r) => r.description === description)!
    expect(report.location).toEqual(placed)
    expect(report.routing).toMatchObject({ outcome: 'inside', gridId: 'g-lianhua1-1' })
    await context.close()
  })

  it('lets a resident with no known community choose one first, or pick community → grid from a list', async () => {
    const residentId = 'u_volunteer_2'
    const volunteer = (await world.stack.store.reference.getUser(residentId))!
    await world.stack.store.reference.saveUsers([{ ...volunteer, homeGridId: undefined }])
    const { context, page } = await newPhone(world)
    await loginAs(world, page, residentId, 'page-home')
    // straight to the form: nothing on this phone says which community the volunteer is in
    await page.goto(`${world.base}/#/pages/report/index`)
    await stationed(page, 'page-report')
    await page.waitForSelector('#location-community-c-xintian')
    await shot(page, 'mygrid-09-report-choose-community')
    await page.click('#location-community-c-xintian')
    await page.waitForSelector('#location-map-svg')
    expect(await page.textContent('#location-map')).toContain('第4网格')

    await page.click('#location-pick-grid')
    await page.click('#location-community-c-tianmian')
    await page.click('#location-grid-g-tianmian-3')
    // placed at the grid's interior point, clear of the school carved out of it, and said so
    await page.waitForFunction(() => document.querySelector('#location-place')?.textContent === '该位置属于 田面社区 · 第3网格')
    expect(await page.textContent('#location-note')).toContain('第3网格')
    await page.waitForSelector('#location-map-svg path.gm-grid-mine[data-grid-id="g-tianmian-3"]')
    await shotOf(page, '#report-location', 'mygrid-10-report-picked-grid')
    await context.close()
  })
})
