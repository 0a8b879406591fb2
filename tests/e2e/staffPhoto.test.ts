import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { sampleAvatar } from '../../cloudfunctions/local/seed/samplePhoto'
import { loginAs, openWorld, phone, shot, SHOTS, stationed, type World } from './browser'

// The face on the contact card in the real H5 build: a community dispatcher takes a worker's
// photo and uploads it on the staff page, and a resident of that grid then sees it on the
// home page, loaded from our own host. The demo's first grid shows the seeded portraits.
jest.setTimeout(180_000)

let world: World
beforeAll(async () => { world = await openWorld() })
afterAll(async () => { await world?.close() })

const DISPATCHER = 'u_cdisp_1'
const RESIDENT = 'u_resident_3'

/** The image has arrived and decoded: a link our host refused or a broken file has no width. */
const loaded = (page: Page, selector: string) =>
  page.waitForFunction((s) => { const img = document.querySelector(s) as HTMLImageElement | null; return !!img && img.complete && img.naturalWidth > 0 }, selector)

describe('staff photos', () => {
  it('a dispatcher uploads a worker\'s photo on the staff page, and a resident of that grid sees it on the contact card', async () => {
    const grid = (await world.stack.store.reference.getGrid('g-lianhua1-2'))!
    const workerId = grid.workerIds[0]
    const worker = (await world.stack.store.reference.getUser(workerId))!
    const row = `#staff-${workerId}`

    const page = await phone(world)
    await loginAs(world, page, DISPATCHER, 'page-home')
    await page.goto(`${world.base}/#/admin/staff/index`)
    await stationed(page, 'page-admin-staff')
    await page.waitForSelector(`${row} [data-field=photo-state]`)
    expect(await page.textContent(`${row} [data-field=photo-state]`)).toBe('未上传照片 · 联系卡上显示默认头像')

    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.click(`${row} [data-action=photo-upload]`)])
    await chooser.setFiles({ name: 'face.png', mimeType: 'image/png', buffer: sampleAvatar([200, 150, 90]) })
    await page.waitForSelector(`${row} [data-action=photo-change]`)
    // the local stack's review passes photos at once
    expect(await page.textContent(`${row} [data-field=photo-state]`)).toBe('照片已上传 · 居民在联系卡上可以看到')
    await loaded(page, `${row} .leader-photo img`)
    const stored = (await world.stack.store.reference.getUser(workerId))!.photoUrl
    expect(stored).toBeTruthy()
    expect((await world.stack.deps.files.getFiles([stored!]))[0].ownerId).toBe(DISPATCHER)
    await page.locator(row).screenshot({ path: join(SHOTS, 'staff-photo-01-row.png') })
    await shot(page, 'staff-photo-02-staff-page')
    await page.context().close()

    const resident = (await world.stack.store.reference.getUser(RESIDENT))!
    await world.stack.store.reference.saveUsers([{ ...resident, homeGridId: grid.id }])
    const home = await phone(world)
    await loginAs(world, home, RESIDENT, 'page-home')
    await home.waitForSelector(`#home-contact-card[data-grid-id="${grid.id}"]`)
    expect(await home.textContent('#home-worker-0-name')).toBe(worker.name)
    const src = (await home.getAttribute('#home-worker-0 .leader-photo img', 'src'))!
    expect(src).toContain(`/api/_files/${encodeURIComponent(stored!)}?`)
    await loaded(home, '#home-worker-0 .leader-photo img')
    await shot(home, 'staff-photo-03-home-card')
    await home.context().close()
  })

  it('the demo\'s first grid shows its leader\'s seeded portrait, from our own host', async () => {
    const resident = (await world.stack.store.reference.getUser('u_resident_1'))!
    const page = await phone(world)
    await loginAs(world, page, resident.id, 'page-home')
    await page.waitForSelector(`#home-contact-card[data-grid-id="${resident.homeGridId}"]`)
    const src = (await page.getAttribute('#home-leader .leader-photo img', 'src'))!
    expect(src).toMatch(new RegExp(`^${world.base.replace(/[.]/g, '\\.')}/api/_files/|^/api/_files/`))
    await loaded(page, '#home-leader .leader-photo img')
    await page.context().close()
  })
})
