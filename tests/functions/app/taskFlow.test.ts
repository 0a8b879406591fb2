import { openTestStack, insidePoint, RESIDENT, OTHER_RESIDENT, type TestStack } from '../harness'

let t: TestStack
beforeAll(async () => { t = await openTestStack() })
afterAll(() => t.close())

/** A fresh report by RESIDENT and the staff of the grid it landed in. */
async function newCase() {
  const photo = await t.upload(RESIDENT)
  const sub = await t.call('resident', RESIDENT, 'submitReport', { category: 'fire_escape_blocked', description: '消防通道被电动车堵住了', photos: [photo], location: insidePoint() })
  const grid = (await t.stack.store.reference.getGrid(sub.data.gridId))!
  const report = (await t.stack.store.cases.getReport(sub.data.reportId))!
  return { reportId: sub.data.reportId as string, taskId: report.taskId, worker: grid.workerIds[0], leader: grid.leaderId! }
}

async function acceptAndResolve(c: Awaited<ReturnType<typeof newCase>>) {
  const seen = await t.call('worker', c.worker, 'getTask', { taskId: c.taskId })
  const accepted = await t.call('worker', c.worker, 'acceptTask', { taskId: c.taskId, version: seen.data.version })
  expect(accepted.ok).toBe(true)
  const resolved = await t.call('worker', c.worker, 'resolveTask', { taskId: c.taskId, version: accepted.data.version, text: '已联系物业清走电动车', photos: [await t.upload(c.worker)] })
  expect(resolved.ok).toBe(true)
  return resolved.data
}

describe('the core loop', () => {
  it('carries a report from submission to a closed, rated case and tells the resident at each step', async () => {
    const c = await newCase()
    const task = await acceptAndResolve(c)
    expect(task.status).toBe('resolved')
    expect(task.timeline.map((e: any) => e.action)).toEqual(['submit', 'assign', 'accept', 'resolve'])

    const messages = await t.call('user', RESIDENT, 'listMessages', {})
    const kinds = messages.data.items.filter((m: any) => m.reportId === c.reportId).map((m: any) => m.kind)
    expect(kinds).toEqual(['report_resolved', 'report_accepted'])
    expect(messages.data.unread).toBeGreaterThanOrEqual(2)

    const detail = await t.call('resident', RESIDENT, 'getMyReport', { reportId: c.reportId })
    expect(detail.data).toMatchObject({ status: 'resolved', canRate: true, result: { text: '已联系物业清走电动车' } })
    expect(detail.data.result.photos).toHaveLength(1)

    const rated = await t.call('resident', RESIDENT, 'rateReport', { reportId: c.reportId, stars: 5, solved: true, comment: '很快' })
    expect(rated.data).toMatchObject({ status: 'closed', canRate: false, rating: { stars: 5, solved: true } })
    const inbox = await t.call('worker', c.worker, 'listInbox', { limit: 50 })
    expect(inbox.data.items.map((i: any) => i.taskId)).not.toContain(c.taskId)
  })

  it.each([
    ['not solved', { stars: 4, solved: false }],
    ['two stars', { stars: 2, solved: true }],
  ])('reopens the task to the same worker when rated %s', async (_n, rating) => {
    const c = await newCase()
    await acceptAndResolve(c)
    const rated = await t.call('resident', RESIDENT, 'rateReport', { reportId: c.reportId, ...rating })
    expect(rated.data.status).toBe('reopened')
    const task = await t.call('worker', c.worker, 'getTask', { taskId: c.taskId })
    expect(task.data).toMatchObject({ status: 'reopened', reopenCount: 1, canAccept: true })
    const inbox = await t.call('worker', c.worker, 'listInbox', { limit: 50 })
    expect(inbox.data.items.map((i: any) => i.taskId)).toContain(c.taskId)
    const note = await t.call('user', c.worker, 'listMessages', {})
    expect(note.data.items[0]).toMatchObject({ kind: 'task_reopened', taskId: c.taskId })
  })

  it('lets one of two workers accepting the same task at once win; the other gets CONFLICT', async () => {
    const c = await newCase()
    const seen = await t.call('worker', c.worker, 'getTask', { taskId: c.taskId })
    const results = await Promise.all([
      t.call('worker', c.worker, 'acceptTask', { taskId: c.taskId, version: seen.data.version }),
      t.call('worker', c.leader, 'acceptTask', { taskId: c.taskId, version: seen.data.version }),
    ])
    expect(results.filter((r) => r.ok)).toHaveLength(1)
    expect(results.filter((r) => !r.ok).map((r) => r.error.code)).toEqual(['CONFLICT'])
    const timeline = (await t.stack.store.cases.listTimeline(c.taskId)).filter((e) => e.action === 'accept')
    expect(timeline).toHaveLength(1)
  })

  it('refuses rating before the task is resolved', async () => {
    const c = await newCase()
    const res = await t.call('resident', RESIDENT, 'rateReport', { reportId: c.reportId, stars: 5, solved: true })
    expect(res.error.code).toBe('CONFLICT')
    expect(res.error.message).toMatch(/待签收/)
  })

  it('refuses a result from a worker who did not accept the task, unless grid leader', async () => {
    const c = await newCase()
    const seen = await t.call('worker', c.leader, 'getTask', { taskId: c.taskId })
    const accepted = await t.call('worker', c.leader, 'acceptTask', { taskId: c.taskId, version: seen.data.version })
    const res = await t.call('worker', c.worker, 'resolveTask', { taskId: c.taskId, version: accepted.data.version, text: '我来办结这个任务', photos: [await t.upload(c.worker)] })
    expect(res.error.code).toBe('FORBIDDEN')
  })
})

describe('scope', () => {
  it('shows a resident only their own reports', async () => {
    const c = await newCase()
    const res = await t.call('resident', OTHER_RESIDENT, 'getMyReport', { reportId: c.reportId })
    expect(res.error.code).toBe('FORBIDDEN')
    const list = await t.call('resident', OTHER_RESIDENT, 'listMyReports', { limit: 50 })
    expect(list.data.items.map((r: any) => r.reportId)).not.toContain(c.reportId)
  })

  it('shows a worker only their own grid\'s tasks', async () => {
    const c = await newCase()
    const grids = await t.stack.store.reference.listGrids()
    const other = grids.find((g) => !g.workerIds.includes(c.worker))!
    const res = await t.call('worker', other.workerIds[0], 'getTask', { taskId: c.taskId })
    expect(res.error.code).toBe('FORBIDDEN')
    const accept = await t.call('worker', other.workerIds[0], 'acceptTask', { taskId: c.taskId, version: 1 })
    expect(accept.error.code).toBe('FORBIDDEN')
    const inbox = await t.call('worker', other.workerIds[0], 'listInbox', { limit: 50 })
    expect(inbox.data.items.map((i: any) => i.taskId)).not.toContain(c.taskId)
  })

  it('orders the inbox by deadline and shows level and state', async () => {
    const c = await newCase()
    const inbox = await t.call('worker', c.worker, 'listInbox', { limit: 50 })
    const due = inbox.data.items.map((i: any) => i.dueAt ?? Infinity)
    expect(due).toEqual([...due].sort((a, b) => a - b))
    expect(inbox.data.items[0]).toEqual(expect.objectContaining({ level: 'grid', status: expect.any(String) }))
  })
})
