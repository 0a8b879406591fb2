import type { Page } from 'playwright-core'
import { DEMO_POINTS } from '../../cloudfunctions/local/seed/demoArea'
import { attachPhoto, loginAs, openWorld, phone, stationed, typePlace, wholeShot as shot, type World } from './browser'

jest.setTimeout(240_000)

// Neighbours in a browser (issue 13): a volunteer reports a problem; a second resident about to
// report the same thing nearby sees it and joins it ("me too") instead of filing a duplicate;
// the grid worker resolves it; both are told; the volunteer's points rise; the grid's public
// board shows the case with its before and after photos.

let world: World
beforeAll(async () => { world = await openWorld() })
afterAll(async () => { await world?.close() })

const VOLUNTEER = 'u_volunteer_1'
const NEIGHBOUR = 'u_resident_2'
const DESCRIPTION = `端到端测试：${Date.now()} 中心路路灯不亮了`
const POINT = DEMO_POINTS.insideClear.point
const CATEGORY = 'street_light'

const open = async (page: Page, path: string, rootId: string) => {
  await page.goto(`${world.base}/#${path}`)
  await stationed(page, rootId)
}

/** The report page with the place typed (under 高级) and the category picked. */
async function placeAndCategory(page: Page) {
  await typePlace(page, POINT)
  await page.click(`#category-${CATEGORY}`)
}

async function pointsTotal(page: Page): Promise<number> {
  await open(page, '/volunteer/points', 'page-points')
  await page.waitForSelector('#points-total')
  return Number(/总积分 (\d+) 分/.exec((await page.textContent('#points-total')) ?? '')?.[1] ?? NaN)
}

describe('neighbours in a browser', () => {
  it('a volunteer reports, a neighbour joins it with "me too", the worker resolves it, both are told, the points rise and the board shows it', async () => {
    const gridId = DEMO_POINTS.insideClear.expected.gridId as string
    const grid = (await world.stack.store.reference.getGrid(gridId))!

    // The volunteer's points before.
    const volunteer = await phone(world)
    await loginAs(world, volunteer, VOLUNTEER, 'page-home')
    const before = await pointsTotal(volunteer)
    expect(Number.isFinite(before)).toBe(true)
    await shot(volunteer, 'neighbours-01-points-before')

    // The volunteer reports.
    await open(volunteer, '/pages/report/index', 'page-report')
    await attachPhoto(volunteer, '#report-add-photo', [230, 200, 40])
    await volunteer.waitForSelector('.photo-item[data-state=done]')
    await placeAndCategory(volunteer)
    await volunteer.fill('#report-description textarea', DESCRIPTION)
    await volunteer.click('#report-submit')
    await volunteer.waitForSelector('#report-routed')
    const mine = await world.stack.store.cases.listReportsByReporter(VOLUNTEER, { limit: 50 })
    const report = mine.items.find((r) => r.description === DESCRIPTION)!
    expect(report).toBeDefined()
    await shot(volunteer, 'neighbours-02-volunteer-reported')

    // A neighbour about to report the same thing sees it, with nothing personal, and joins it.
    const neighbour = await phone(world)
    await loginAs(world, neighbour, NEIGHBOUR, 'page-home')
    await open(neighbour, '/pages/report/index', 'page-report')
    await placeAndCategory(neighbour)
    const item = neighbour.locator(`#nearby-${report.id}`)
    await item.waitFor()
    const shown = (await neighbour.textContent('#report-nearby')) ?? ''
    expect(shown).toContain('附近已有人反映')
    expect(shown).toMatch(/刚刚|分钟前/)
    expect(shown).not.toContain(DESCRIPTION)
    await shot(neighbour, 'neighbours-03-me-too-offered')
    await neighbour.click(`#nearby-join-${report.id}`)
    await stationed(neighbour, 'page-report-detail')
    await neighbour.waitForSelector('#detail-follower')
    expect(await neighbour.textContent('#detail-follower')).toContain('您关注了此问题')
    expect(await neighbour.textContent('#page-report-detail')).not.toContain(DESCRIPTION)
    await shot(neighbour, 'neighbours-04-following')
    // one case, followed: no second report was filed
    expect((await world.stack.store.cases.getReport(report.id))!.followerIds).toEqual([NEIGHBOUR])
    expect((await world.stack.store.cases.listReportsByReporter(NEIGHBOUR, { limit: 50 })).items.some((r) => r.category === CATEGORY && r.createdAt >= report.createdAt)).toBe(false)

    // The grid's worker sees one follower, accepts and resolves it with a photo.
    const worker = await phone(world)
    await loginAs(world, worker, grid.workerIds[0], 'page-inbox')
    await open(worker, `/worker/task/index?id=${report.taskId}`, 'page-task')
    await worker.waitForSelector('#task-accept')
    expect(await worker.textContent('#page-task')).toContain('1人关注')
    await worker.click('#task-accept')
    await worker.waitForSelector('#resolve-form')
    await worker.fill('#resolve-text textarea', '已更换路灯灯泡，晚上已正常亮起')
    await attachPhoto(worker, '#resolve-add-photo', [40, 120, 200])
    await worker.waitForSelector('#resolve-form .photo-item[data-state=done]')
    await worker.click('#task-resolve')
    await worker.waitForSelector('#task-result')
    await shot(worker, 'neighbours-05-worker-resolved')

    // Both are told.
    for (const [page, name] of [[volunteer, 'volunteer'], [neighbour, 'neighbour']] as const) {
      await open(page, '/case/messages', 'page-messages')
      await page.locator('.message-item', { hasText: '已办结' }).first().waitFor()
      await shot(page, `neighbours-06-${name}-told`)
    }

    // The volunteer's points rose by one report's worth.
    const after = await pointsTotal(volunteer)
    expect(after).toBe(before + 10)
    await volunteer.locator(`.points-entry[data-report-id="${report.id}"]`).waitFor()
    expect(await volunteer.textContent(`.points-entry[data-report-id="${report.id}"]`)).toContain('+10')
    await shot(volunteer, 'neighbours-07-points-after')

    // The board shows the case, with both photos and without the description.
    await open(neighbour, `/community/board?gridId=${encodeURIComponent(gridId)}`, 'page-board')
    const card = neighbour.locator(`.board-case[data-case-number="${report.caseNumber}"]`)
    await card.waitFor()
    expect(await card.textContent()).toContain('处理前')
    expect(await card.textContent()).toContain('处理后')
    expect(await card.locator('img').count()).toBe(2)
    expect(await neighbour.textContent('#page-board')).not.toContain(DESCRIPTION)
    await shot(neighbour, 'neighbours-08-board')
  })
})
