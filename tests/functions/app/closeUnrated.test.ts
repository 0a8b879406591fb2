import { closeUnrated } from '../../../cloudfunctions/app/jobs/closeUnrated'
import { RATING_WINDOW_MS } from '../../../shared/workflow/taskMachine'
import { openTestStack, insidePoint, RESIDENT, type TestStack } from '../harness'

// The first job of the jobs wing: a resolved case not rated within 7 days closes as unrated.
let t: TestStack
beforeEach(async () => { t = await openTestStack() })
afterEach(() => t.close())

async function resolvedCase() {
  const photo = await t.upload(RESIDENT)
  const sub = await t.call('resident', RESIDENT, 'submitReport', { category: 'garbage', description: '小区东门垃圾两天没人清', photos: [photo], location: insidePoint() })
  const report = (await t.stack.deps.cases.getReport(sub.data.reportId))!
  const grid = (await t.stack.deps.reference.getGrid(sub.data.gridId))!
  const worker = grid.workerIds[0]
  const accepted = await t.call('worker', worker, 'acceptTask', { taskId: report.taskId, version: 1 })
  const resolved = await t.call('worker', worker, 'resolveTask', { taskId: report.taskId, version: accepted.data.version, text: '已通知保洁清运完毕', photos: [await t.upload(worker)] })
  expect(resolved.data.status).toBe('resolved')
  const task = (await t.stack.deps.cases.getTask(report.taskId))!
  return { reportId: report.id, taskId: report.taskId, resolvedAt: task.resolvedAt! }
}

const status = async (taskId: string) => (await t.stack.deps.cases.getTask(taskId))!.status

describe('closing unrated cases', () => {
  it('leaves a case inside its 7-day window alone and closes it once the window has passed, with a timeline line and a message', async () => {
    const c = await resolvedCase()
    await closeUnrated(t.stack.deps, c.resolvedAt + RATING_WINDOW_MS - 60_000)
    expect(await status(c.taskId)).toBe('resolved')

    const run = await closeUnrated(t.stack.deps, c.resolvedAt + RATING_WINDOW_MS + 60_000)
    expect(run.changed).toBeGreaterThanOrEqual(1)
    const task = (await t.stack.deps.cases.getTask(c.taskId))!
    expect(task).toMatchObject({ status: 'closed', closedAt: c.resolvedAt + RATING_WINDOW_MS + 60_000, dueAt: null })
    const timeline = await t.stack.deps.cases.listTimeline(c.taskId)
    expect(timeline.at(-1)).toMatchObject({ action: 'close_unrated', actorId: 'system', text: expect.stringContaining('未评价') })
    const inbox = await t.call('user', RESIDENT, 'listMessages', {})
    expect(inbox.data.items[0]).toMatchObject({ kind: 'report_closed', reportId: c.reportId })
    const detail = await t.call('resident', RESIDENT, 'getMyReport', { reportId: c.reportId })
    expect(detail.data).toMatchObject({ status: 'closed', canRate: false, rating: null })
  })

  it('is idempotent: run twice at the same instant, or twice at once, it closes each case once', async () => {
    const c = await resolvedCase()
    const when = c.resolvedAt + RATING_WINDOW_MS + 1
    const [a, b] = await Promise.all([closeUnrated(t.stack.deps, when), closeUnrated(t.stack.deps, when)])
    const again = await closeUnrated(t.stack.deps, when)
    expect(again).toEqual({ changed: 0, more: false })
    expect(a.changed + b.changed).toBeGreaterThanOrEqual(1)
    const lines = (await t.stack.deps.cases.listTimeline(c.taskId)).filter((e) => e.action === 'close_unrated')
    expect(lines).toHaveLength(1)
    const messages = (await t.call('user', RESIDENT, 'listMessages', { limit: 50 })).data.items.filter((m: any) => m.kind === 'report_closed' && m.reportId === c.reportId)
    expect(messages).toHaveLength(1)
  })

  it('works in bounded batches and says when more is waiting', async () => {
    const cases = [await resolvedCase(), await resolvedCase(), await resolvedCase()]
    const when = Math.max(...cases.map((c) => c.resolvedAt)) + RATING_WINDOW_MS + 1
    const first = await closeUnrated(t.stack.deps, when, 2)
    expect(first).toEqual({ changed: 2, more: true })
    let rest = await closeUnrated(t.stack.deps, when, 2)
    while (rest.more) rest = await closeUnrated(t.stack.deps, when, 2)
    for (const c of cases) expect(await status(c.taskId)).toBe('closed')
  })

  it('a rating that arrives while the job runs: exactly one outcome, in the timeline', async () => {
    const c = await resolvedCase()
    t.stack.clock.advance(RATING_WINDOW_MS / 60_000 + 1)
    const [rated] = await Promise.all([
      t.call('resident', RESIDENT, 'rateReport', { reportId: c.reportId, stars: 5, solved: true }),
      closeUnrated(t.stack.deps, t.stack.clock.now()),
    ])
    const timeline = await t.stack.deps.cases.listTimeline(c.taskId)
    const endings = timeline.filter((e) => e.action === 'rate' || e.action === 'close_unrated')
    expect(endings).toHaveLength(1)
    expect(await status(c.taskId)).toBe('closed')
    if (endings[0].action === 'rate') expect(rated.ok).toBe(true)
    else expect(rated.error.code).toBe('CONFLICT')
  })
})

describe('the local scheduler', () => {
  it('runs the jobs when the dev clock moves past a rating window', async () => {
    const c = await resolvedCase()
    t.stack.clock.advance(RATING_WINDOW_MS / 60_000 + 1)
    const changed = await t.stack.jobs.runNow()
    expect(changed.closeUnrated).toBeGreaterThanOrEqual(1)
    expect(await status(c.taskId)).toBe('closed')
  })
})
