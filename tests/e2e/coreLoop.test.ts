import { DEMO_POINTS } from '../../cloudfunctions/local/seed/demoArea'
import { attachPhoto, loginAs, openWorld, phone, shot, stationed, typePlace, type World } from './browser'
import type { Page } from 'playwright-core'

jest.setTimeout(180_000)

let world: World
beforeAll(async () => { world = await openWorld() })
afterAll(async () => { await world?.close() })

const RESIDENT = 'u_resident_1'
const DESCRIPTION = `端到端测试：${Date.now()} 号楼下井盖松动`

describe('the core loop in a browser', () => {
  it('takes a resident\'s report with a photo to the grid worker and the result back to the resident, who rates it', async () => {
    const gridId = DEMO_POINTS.insideClear.expected.gridId as string
    const grid = (await world.stack.store.reference.getGrid(gridId))!

    // The resident reports.
    const resident = await phone(world)
    await loginAs(world, resident, RESIDENT, 'page-home')
    await resident.waitForSelector('#home-contact-card')
    await shot(resident, '01-resident-home')
    await resident.click('#home-go-report')
    await stationed(resident, 'page-report')
    await resident.click('#report-submit')
    await resident.waitForSelector('#field-error-description')
    expect(await resident.textContent('#field-error-description')).toMatch(/问题描述/)
    await shot(resident, '02-report-validation')

    await attachPhoto(resident, '#report-add-photo', [200, 90, 60])
    await resident.waitForSelector('.photo-item[data-state=done]')
    await typePlace(resident, DEMO_POINTS.insideClear.point)
    await resident.click('#category-manhole_cover')
    await resident.fill('#report-description textarea', DESCRIPTION)
    await shot(resident, '03-report-filled')
    await resident.click('#report-submit')
    await resident.waitForSelector('#report-routed')
    expect(await resident.textContent('#report-routed-grid')).toContain(grid.name)
    await shot(resident, '04-report-routed')

    // The grid's worker finds it in the inbox, accepts and resolves it with a photo.
    const worker = await phone(world)
    await loginAs(world, worker, grid.workerIds[0], 'page-inbox')
    const item = worker.locator('.inbox-item', { hasText: DESCRIPTION })
    await item.waitFor()
    expect(await item.locator('.level-tag').textContent()).toMatch(/绿色 · 网格级/)
    expect(await item.locator('.status-tag').textContent()).toMatch(/待签收/)
    await shot(worker, '05-worker-inbox')
    await item.click()
    await stationed(worker, 'page-task')
    await worker.click('#task-accept')
    await worker.waitForSelector('#resolve-form')
    await shot(worker, '06-worker-task-accepted')
    await worker.fill('#resolve-text textarea', '已更换井盖并设置警示标志')
    await attachPhoto(worker, '#resolve-add-photo', [60, 160, 90])
    await worker.waitForSelector('#resolve-form .photo-item[data-state=done]')
    await worker.click('#task-resolve')
    await worker.waitForSelector('#task-result')
    await shot(worker, '07-worker-task-resolved')

    // The resident sees the result and rates it.
    await resident.goto(`${world.base}/#/pages/mine/index`)
    await stationed(resident, 'page-mine')
    await resident.locator('.mine-item', { hasText: DESCRIPTION }).click()
    await stationed(resident, 'page-report-detail')
    await resident.waitForSelector('#detail-result')
    expect(await resident.textContent('#detail-result')).toContain('已更换井盖并设置警示标志')
    await shot(resident, '08-resident-result')
    await resident.click('#rate-solved-yes')
    await resident.click('#rate-star-5')
    await resident.fill('#rate-comment textarea', '修得很快，谢谢')
    await resident.click('#rate-submit')
    await resident.waitForSelector('#detail-rating')
    expect(await resident.textContent('#detail-rating')).toMatch(/5/)
    await shot(resident, '09-resident-rated')

    const mine = await world.stack.store.cases.listReportsByReporter(RESIDENT, { limit: 50 })
    const report = mine.items.find((r) => r.description === DESCRIPTION)!
    const task = (await world.stack.store.cases.getTask(report.taskId))!
    expect(task.status).toBe('closed')
    expect(report.rating).toMatchObject({ stars: 5, solved: true })

    await resident.goto(`${world.base}/#/case/messages`)
    await stationed(resident, 'page-messages')
    await resident.locator('.message-item', { hasText: '已办结' }).first().waitFor()
    await shot(resident, '10-resident-messages')
  })

  it("leaves no person's phone number, ID number or session token in the host's logs of the whole run", async () => {
    // the run above logged people in, uploaded, reported, accepted, resolved and rated
    expect(world.tokens.length).toBeGreaterThan(0)
    const people = world.stack.store.reference.listUsers()
    const log = world.logs.join('\n')
    for (const token of world.tokens) expect(log).not.toContain(token)
    for (const u of people) if (u.phone.length >= 7) expect(log).not.toContain(u.phone)
    // mainland ID numbers (18 digits, the last may be X) and mobile numbers of anyone
    expect(log).not.toMatch(/(?<!\d)\d{17}[\dXx](?!\d)/)
    expect(log).not.toMatch(/(?<!\d)1[3-9]\d{9}(?!\d)/)
  })
})
