import type { Page } from 'playwright-core'
import { DEMO_POINTS } from '../../cloudfunctions/local/seed/demoArea'
import { samplePhoto } from '../../cloudfunctions/local/seed/samplePhoto'
import { asUser, loginAs, openWorld, phone, shot, stationed, wholeShot, type World } from './browser'

jest.setTimeout(180_000)

// Deadlines in a browser, with the dev clock: a report nobody accepts in time goes up to its
// community's queue; the community's dispatcher finds it in the console and reassigns it to a
// grid; the resident's page says both in plain words.

let world: World
beforeAll(async () => { world = await openWorld() })
afterAll(async () => { await world?.close() })

const RESIDENT = 'u_resident_1'
const DISPATCHER = 'u_cdisp_1' // 莲花一村社区
const DESCRIPTION = `端到端测试：${Date.now()} 东门垃圾三天没人清`

const open = async (page: Page, path: string, rootId: string) => {
  await page.goto(`${world.base}/#${path}`)
  await stationed(page, rootId)
}

async function advanceClock(minutes: number) {
  const res = await fetch(`${world.base}/api/_dev/clock`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ advanceMinutes: minutes }) })
  expect(res.status).toBe(200)
  const body = (await res.json()) as { ok: boolean; data: { now: number; jobs: Record<string, number> } }
  expect(body.ok).toBe(true)
  return body.data
}

describe('escalation in a browser', () => {
  it('moves a report not accepted in time to the community queue, where the dispatcher reassigns it, and the resident reads both in words', async () => {
    // the report itself is the core loop's (tests/e2e/coreLoop.test.ts fills the form); here it is made directly
    const saved = await world.stack.files.saveFile(RESIDENT, 'image/png', samplePhoto([190, 120, 40], 32))
    if ('error' in saved) throw new Error(saved.error)
    const sub = await asUser<{ reportId: string; caseNumber: string; expectedBy: string }>(world, RESIDENT, 'resident', 'submitReport', {
      category: 'garbage', description: DESCRIPTION, photos: [saved.id], location: DEMO_POINTS.insideClear.point,
    })
    expect(sub.expectedBy).toMatch(/^预计\d+月\d+日\d\d:\d\d前处理$/)
    const task = (await world.stack.deps.cases.getTask((await world.stack.deps.cases.getReport(sub.reportId))!.taskId))!

    // The resident sees the case number and who has it.
    const resident = await phone(world)
    await loginAs(world, resident, RESIDENT, 'page-home')
    await open(resident, `/case/detail?id=${sub.reportId}`, 'page-report-detail')
    await resident.waitForSelector('#detail-case-number')
    expect(await resident.textContent('#detail-case-number')).toContain(sub.caseNumber)
    expect(await resident.textContent('#detail-stage')).toContain('已受理，等待网格员处理')

    // Nobody accepts it: the dev clock passes its accept deadline and the escalate job runs.
    const ran = await advanceClock(Math.ceil((task.dueAt! - world.stack.clock.now()) / 60_000) + 1)
    expect(ran.jobs.escalate).toBeGreaterThanOrEqual(1)
    expect(await world.stack.deps.cases.getTask(task.id)).toMatchObject({ level: 'community', status: 'escalated' })

    // The community's dispatcher finds it in the console's queue.
    const dispatcher = await phone(world)
    await loginAs(world, dispatcher, DISPATCHER, 'page-home')
    await open(dispatcher, '/admin/index', 'page-admin')
    await dispatcher.click('#admin-tool-console')
    await stationed(dispatcher, 'page-admin-console')
    const row = dispatcher.locator('.taro_page_stationed .console-row', { hasText: sub.caseNumber })
    await row.waitFor()
    expect(await row.textContent()).toMatch(/已上报待派单/)
    expect(await row.textContent()).toMatch(/黄色 · 社区级/)
    expect(await row.textContent()).toContain('莲花一村社区分拨中心')
    await wholeShot(dispatcher, 'console-01-queue')
    await dispatcher.click('#console-view-overdue')
    await dispatcher.click('#console-view-queue')
    await row.waitFor()

    // …selects it and reassigns it to the second grid's worker on duty.
    await row.locator('[data-action=select]').click()
    expect(await dispatcher.textContent('#bulk-count')).toContain('已选 1 件')
    await dispatcher.click('#bulk-open-assign')
    await dispatcher.waitForSelector('#bulk-form')
    await dispatcher.click('#bulk-assign-grid-g-lianhua1-2')
    await wholeShot(dispatcher, 'console-02-assign')
    await dispatcher.click('#bulk-submit')
    await dispatcher.waitForSelector('#bulk-result')
    expect(await dispatcher.textContent('#bulk-summary')).toMatch(/已处理 1 件/)
    await wholeShot(dispatcher, 'console-03-result')
    expect(await world.stack.deps.cases.getTask(task.id)).toMatchObject({ status: 'assigned', gridId: 'g-lianhua1-2', level: 'community' })

    // The resident's timeline says so in words.
    // the dev clock moved on by up to a day, past the 16-hour session: the resident signs in again
    await loginAs(world, resident, RESIDENT, 'page-home')
    await open(resident, `/case/detail?id=${sub.reportId}`, 'page-report-detail')
    await resident.waitForSelector('.taro_page_stationed #timeline')
    await resident.waitForFunction(() => (document.querySelector('.taro_page_stationed #timeline')?.textContent ?? '').includes('派单至'))
    const timeline = (await resident.textContent('.taro_page_stationed #timeline'))!
    expect(timeline).toContain('超过处理时限，已上报社区处理')
    expect(timeline).toContain('派单至莲花一村社区第2网格')
    expect(await resident.textContent('#detail-stage')).toContain('社区已安排处理人')
    await shot(resident, 'console-04-resident-timeline')

    // The new grid's worker sees where it came from and what they can do with it.
    const worker = await phone(world)
    await loginAs(world, worker, 'u_worker_2', 'page-inbox')
    await open(worker, `/worker/task/index?id=${task.id}`, 'page-task')
    await worker.waitForSelector('#task-moves')
    expect(await worker.textContent('#task-level')).toContain('黄色 · 社区级')
    expect(await worker.textContent('#task-case-number')).toContain(sub.caseNumber)
    for (const move of ['#task-accept', '#task-moves']) await worker.waitForSelector(move)
    await wholeShot(worker, 'console-05-worker-task')
  })
})
