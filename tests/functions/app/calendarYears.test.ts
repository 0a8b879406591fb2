import dayjs from 'dayjs'
import utc from 'dayjs/plugin/utc'
import timezone from 'dayjs/plugin/timezone'
import { openTestStack, insidePoint, RESIDENT, type TestStack } from '../harness'

dayjs.extend(utc)
dayjs.extend(timezone)

// holidays.json holds 2025 and 2026: a deadline that runs into 2027 says so on every view of the task.

let t: TestStack
beforeAll(async () => { t = await openTestStack() })
afterAll(() => t.close())

const at = (s: string) => dayjs.tz(s, 'Asia/Shanghai').valueOf()
const moveClockTo = (instant: number) => t.stack.clock.advance((instant - t.stack.clock.now()) / 60_000)

async function submitGarbage() {
  const photo = await t.upload(RESIDENT)
  const sub = await t.call('resident', RESIDENT, 'submitReport', { category: 'garbage', description: '楼下垃圾桶满了没人清', photos: [photo], location: insidePoint() })
  expect(sub.ok).toBe(true)
  const report = (await t.stack.store.cases.getReport(sub.data.reportId))!
  const grid = (await t.stack.store.reference.getGrid(sub.data.gridId))!
  return { reportId: report.id, taskId: report.taskId, worker: grid.workerIds[0] }
}

describe('deadlines past the last year of the working calendar', () => {
  it('flags a task whose deadline runs into 2027 as 日历未确认 for the worker and the resident, and not before', async () => {
    // Wednesday 30 Dec 2026, 17:00: accepting (4 working hours) ends on the 31st, inside 2026
    moveClockTo(at('2026-12-30 17:00'))
    const c = await submitGarbage()
    const fresh = await t.call('worker', c.worker, 'getTask', { taskId: c.taskId })
    expect(fresh.data).toMatchObject({ status: 'assigned', dueNote: null })
    expect(dayjs(fresh.data.dueAt).tz('Asia/Shanghai').format('YYYY-MM-DD')).toBe('2026-12-31')

    // resolving takes 2 working days from the 31st: it counts days of 2027, which the file does not hold
    moveClockTo(at('2026-12-31 09:30'))
    const accepted = await t.call('worker', c.worker, 'acceptTask', { taskId: c.taskId, version: fresh.data.version })
    expect(accepted.ok).toBe(true)
    expect(accepted.data).toMatchObject({ status: 'accepted', dueNote: '日历未确认' })
    expect(dayjs(accepted.data.dueAt).tz('Asia/Shanghai').format('YYYY-MM-DD')).toBe('2027-01-05')
    expect((await t.stack.store.cases.getTask(c.taskId))?.calendarUnconfirmed).toBe(true)

    const inbox = await t.call('worker', c.worker, 'listInbox', { limit: 50 })
    expect(inbox.data.items.find((i: any) => i.taskId === c.taskId)).toMatchObject({ dueNote: '日历未确认' })
    const detail = await t.call('resident', RESIDENT, 'getMyReport', { reportId: c.reportId })
    expect(detail.data).toMatchObject({ status: 'accepted', dueNote: '日历未确认' })
    const mine = await t.call('resident', RESIDENT, 'listMyReports', {})
    expect(mine.data.items.find((r: any) => r.reportId === c.reportId)).toMatchObject({ dueNote: '日历未确认' })

    // once resolved, the deadline is the rating window's end (calendar days): the note goes with the old deadline
    const resolved = await t.call('worker', c.worker, 'resolveTask', { taskId: c.taskId, version: accepted.data.version, text: '已联系环卫清运垃圾', photos: [await t.upload(c.worker)] })
    expect(resolved.data).toMatchObject({ status: 'resolved', dueNote: null })
    expect((await t.stack.store.cases.getTask(c.taskId))?.calendarUnconfirmed).toBeUndefined()
  })
})
