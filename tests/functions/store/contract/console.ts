import type { AreaFilter, AreaRef } from '../../../../cloudfunctions/app/ports'
import { DISTRICT_QUEUE_ID, type Task } from '../../../../shared/model'
import { isOpen } from '../../../../shared/workflow/status'
import { currentWireDb, wireDbInUse, type WireDb } from '../../cloudbase/wireDb'
import type { StoreContext } from '../storeContract'
import { HOUR, acceptChange, allPages, at, newCase, type CaseOptions } from '../fixtures'

// The dispatchers' console and the escalate job: an area's open tasks, filtered and counted;
// a task by its 工单编号; what the job must look at next; the day's case-number sequence; and
// the district's queue.
const byDeadline = (a: Task, b: Task) =>
  (a.dueAt === null ? 1 : 0) - (b.dueAt === null ? 1 : 0) || (a.dueAt ?? 0) - (b.dueAt ?? 0) || a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)

const C2 = { communityId: 'c2', streetId: 's1' }
const S2_ONLY = { communityId: null, streetId: 's2' }
const NOWHERE = { communityId: null, streetId: null }

// A district of two streets: c1 and c2 in s1, and a task of s2 that lies in no community.
const DISTRICT: CaseOptions[] = [
  { n: 1, dueAt: at(9) },
  { n: 2, dueAt: at(3), gridId: 'g2', level: 'community' },
  { n: 3, dueAt: null },
  { n: 4, dueAt: at(5), gridId: null, queue: { scope: 'community', id: 'c1' }, status: 'returned' },
  { n: 5, dueAt: at(2), status: 'closed' },
  { n: 6, dueAt: at(4), area: C2, gridId: 'g9' },
  { n: 7, dueAt: at(1), area: S2_ONLY, gridId: null, queue: { scope: 'street', id: 's2' }, status: 'escalated', level: 'street' },
  { n: 8, dueAt: at(6), status: 'extension_requested' },
  { n: 9, dueAt: at(7), area: NOWHERE, gridId: null, queue: { scope: 'district', id: DISTRICT_QUEUE_ID }, status: 'escalated', level: 'district' },
  { n: 10, dueAt: null, status: 'resolved' },
]

export function consoleContract(ctx: StoreContext) {
  const cases = () => ctx.store.cases
  const create = async (list: CaseOptions[]) => {
    for (const c of list) await cases().createReport(newCase(c))
  }
  const areaIds = async (area: AreaRef, filter: AreaFilter = {}, limit = 100) => (await cases().listArea(area, filter, { limit })).items.map((t) => t.id)

  describe("an area's open tasks (the dispatchers' console)", () => {
    it("lists a community's, a street's (its communities included) and the district's open tasks, earliest deadline first, undated last", async () => {
      await create(DISTRICT)
      expect(await areaIds({ communityId: 'c1' })).toEqual(['t_2', 't_4', 't_8', 't_1', 't_3'])
      expect(await areaIds({ communityId: 'c2' })).toEqual(['t_6'])
      expect(await areaIds({ streetId: 's1' })).toEqual(['t_2', 't_6', 't_4', 't_8', 't_1', 't_3'])
      expect(await areaIds({ streetId: 's2' })).toEqual(['t_7'])
      expect(await areaIds({ all: true })).toEqual(['t_7', 't_2', 't_6', 't_4', 't_8', 't_9', 't_1', 't_3'])
      expect(await areaIds({ communityId: 'c9' })).toEqual([])
    })

    it.each<[string, AreaRef, AreaFilter, string[]]>([
      ['a level', { all: true }, { level: 'street' }, ['t_7']],
      ['the grid that holds it', { streetId: 's1' }, { gridId: 'g2' }, ['t_2']],
      ['waiting in a queue', { all: true }, { queued: true }, ['t_7', 't_4', 't_9']],
      ['held by a grid', { communityId: 'c1' }, { queued: false }, ['t_2', 't_8', 't_1', 't_3']],
      ['a deadline before an instant, undated never', { streetId: 's1' }, { dueBefore: at(5) }, ['t_2', 't_6']],
      ['a 延期 request waiting', { all: true }, { extensionRequested: true }, ['t_8']],
      ['no 延期 request waiting', { communityId: 'c1' }, { extensionRequested: false }, ['t_2', 't_4', 't_1', 't_3']],
      ['every filter given at once', { all: true }, { queued: false, dueBefore: at(8), level: 'grid' }, ['t_6', 't_8']],
    ])('narrows them to %s, and counts what it lists', async (_what, area, filter, expected) => {
      await create(DISTRICT)
      expect(await areaIds(area, filter)).toEqual(expected)
      expect(await cases().countArea(area, filter)).toBe(expected.length)
    })

    it('counts an area without a filter, and nothing for an area without tasks', async () => {
      await create(DISTRICT)
      expect(await cases().countArea({ all: true }, {})).toBe(8)
      expect(await cases().countArea({ streetId: 's1' }, {})).toBe(6)
      expect(await cases().countArea({ communityId: 'c9' }, {})).toBe(0)
    })

    it('pages through a street without duplicates or gaps at any page size', async () => {
      const list: CaseOptions[] = Array.from({ length: 23 }, (_, n) => ({
        n,
        area: n % 3 === 0 ? C2 : n % 3 === 1 ? undefined : S2_ONLY,
        // deadlines collide in pairs and every fifth task is undated, so every tie-break is exercised
        dueAt: n % 5 === 4 ? null : at(Math.floor(n / 2)),
        createdAt: at(n % 4),
      }))
      await create(list)
      const expected = (await cases().getTasks(list.map((c) => `t_${c.n}`))).filter((t) => t.area.streetId === 's1').sort(byDeadline).map((t) => t.id)
      expect(expected).toHaveLength(16)
      for (const limit of [1, 2, 5, 16, 100]) {
        const pages = await allPages((cursor) => cases().listArea({ streetId: 's1' }, {}, { limit, cursor }))
        expect(pages.flat().map((t) => t.id)).toEqual(expected)
        expect(pages.every((p) => p.length <= limit)).toBe(true)
      }
      // a filter pages alike: only the dated ones
      const dated = await allPages((cursor) => cases().listArea({ streetId: 's1' }, { dueBefore: at(100) }, { limit: 3, cursor }))
      expect(dated.flat().map((t) => t.id)).toEqual(expected.filter((id) => list[Number(id.slice(2))].dueAt !== null))
    })

    it('follows a change: a task held, then waiting on a 延期 request, then finished', async () => {
      await create([{ n: 1, dueAt: at(1) }, { n: 2, dueAt: at(2) }])
      const first = (await cases().getTask('t_1'))!
      const accepted = acceptChange(first, at(1))
      expect(await cases().saveTaskChange(accepted)).toBe(true)
      expect(await areaIds({ communityId: 'c1' })).toEqual(['t_2', 't_1'])
      const asking = { ...accepted.task, status: 'extension_requested' as const, version: accepted.task.version + 1 }
      expect(await cases().saveTaskChange({ task: asking, expectedVersion: accepted.task.version, events: [], messages: [] })).toBe(true)
      expect(await areaIds({ communityId: 'c1' }, { extensionRequested: true })).toEqual(['t_1'])
      const moved = { ...asking, area: C2, status: 'closed' as const, dueAt: null, checkAt: null, version: asking.version + 1 }
      expect(await cases().saveTaskChange({ task: moved, expectedVersion: asking.version, events: [], messages: [] })).toBe(true)
      expect(await areaIds({ streetId: 's1' })).toEqual(['t_2'])
      expect(await cases().countArea({ communityId: 'c2' }, {})).toBe(0)
    })

    it('refuses a cursor of another list', async () => {
      await create([{ n: 1 }, { n: 2 }])
      const inbox = await cases().listOpenTasksForGrids(['g1'], { limit: 1 })
      await expect(cases().listArea({ communityId: 'c1' }, {}, { limit: 1, cursor: inbox.nextCursor! })).rejects.toMatchObject({ code: 'VALIDATION' })
    })
  })

  describe('a task by its 工单编号', () => {
    it('finds the task whose number it is, and null for a number no task has', async () => {
      const input = newCase({ n: 1, caseNumber: '2025030300042' })
      await cases().createReport(input)
      await cases().createReport(newCase({ n: 2, caseNumber: '2025030300043' }))
      expect(await cases().findByCaseNumber('2025030300042')).toEqual(input.task)
      expect((await cases().getReport('r_1'))?.caseNumber).toBe('2025030300042')
      expect(await cases().findByCaseNumber('2025030300044')).toBeNull()
    })
  })

  describe("the escalate job's sweep", () => {
    it('lists open tasks whose next look is before an instant, earliest first, ties by id, within the limit', async () => {
      await create([
        { n: 1, checkAt: at(5) },
        { n: 2, checkAt: at(2) },
        { n: 3, checkAt: at(2), tag: 'a' },
        { n: 4, checkAt: null },
        // finished: never looked at, whatever it still carries
        { n: 5, checkAt: at(1), status: 'closed' },
        { n: 6, checkAt: at(9) },
      ])
      expect((await cases().listChecks(at(6), 10)).map((t) => t.id)).toEqual(['t_2', 't_3a', 't_1'])
      expect((await cases().listChecks(at(6), 2)).map((t) => t.id)).toEqual(['t_2', 't_3a'])
      expect((await cases().listChecks(at(2), 10)).map((t) => t.id)).toEqual([])
      expect((await cases().listChecks(at(100), 10)).map((t) => t.id)).toEqual(['t_2', 't_3a', 't_1', 't_6'])
    })

    it('follows the next look a change sets', async () => {
      await create([{ n: 1, checkAt: at(1) }])
      const task = (await cases().getTask('t_1'))!
      expect(await cases().saveTaskChange({ task: { ...task, checkAt: at(8), version: 2 }, expectedVersion: 1, events: [], messages: [] })).toBe(true)
      expect(await cases().listChecks(at(5), 10)).toEqual([])
      expect((await cases().listChecks(at(9), 10)).map((t) => [t.id, t.checkAt])).toEqual([['t_1', at(8)]])
    })
  })

  describe("the day's 工单编号 sequence", () => {
    it('counts 1, 2, 3 within a day and starts again at 1 on another', async () => {
      expect([await cases().nextCaseSequence('20251201'), await cases().nextCaseSequence('20251201'), await cases().nextCaseSequence('20251201')]).toEqual([1, 2, 3])
      expect(await cases().nextCaseSequence('20251202')).toBe(1)
      expect(await cases().nextCaseSequence('20251201')).toBe(4)
    })

    it('never hands out one number twice to calls made at once', async () => {
      expect(await cases().nextCaseSequence('20251203')).toBe(1)
      const numbers = await Promise.all(Array.from({ length: 8 }, () => cases().nextCaseSequence('20251203')))
      expect([...numbers].sort((a, b) => a - b)).toEqual([2, 3, 4, 5, 6, 7, 8, 9])
      // a new day raced by its very first calls
      const firsts = await Promise.all(Array.from({ length: 4 }, () => cases().nextCaseSequence('20251204')))
      expect([...firsts].sort((a, b) => a - b)).toEqual([1, 2, 3, 4])
    })

    it('refuses a day that is not YYYYMMDD', async () => {
      await expect(cases().nextCaseSequence('2025-12-01')).rejects.toThrow(/YYYYMMDD/)
    })
  })

  describe("the district's queue", () => {
    it("lists the district's queued tasks by deadline, and nothing of a street's or a grid's", async () => {
      await create(DISTRICT)
      await create([{ n: 11, dueAt: at(2), area: NOWHERE, gridId: null, queue: { scope: 'district', id: DISTRICT_QUEUE_ID }, status: 'submitted', level: 'district' }])
      const district = await cases().listQueue({ scope: 'district', id: DISTRICT_QUEUE_ID }, { limit: 1 })
      expect(district.items.map((t) => t.id)).toEqual(['t_11'])
      const rest = await cases().listQueue({ scope: 'district', id: DISTRICT_QUEUE_ID }, { limit: 10, cursor: district.nextCursor! })
      expect(rest.items.map((t) => t.id)).toEqual(['t_9'])
      expect((await cases().listQueue({ scope: 'street', id: 's2' }, { limit: 10 })).items.map((t) => t.id)).toEqual(['t_7'])
      expect((await cases().listQueue({ scope: 'community', id: 'c1' }, { limit: 10 })).items.map((t) => t.id)).toEqual(['t_4'])
    })
  })

  if (wireDbInUse()) describe('on the CloudBase wire', () => wireContract(ctx))

  // the fixtures' defaults the suites above lean on
  it('builds open tasks with their deadline as their next look, and finished ones with none', () => {
    const open = newCase({ n: 1 }).task
    const done = newCase({ n: 2, status: 'closed' }).task
    expect([isOpen(open.status), open.checkAt]).toEqual([true, open.dueAt])
    expect(done.checkAt).toBeNull()
    expect(open.dueAt! - open.createdAt).toBe(4 * HOUR)
  })
}

/** What the console's reads and the sequence cost in CloudBase requests (docs/capacity.md). */
function wireContract(ctx: StoreContext) {
  const wire = (): WireDb => currentWireDb() ?? (() => { throw new Error('no wire database in this test') })()
  const requestsOf = async (call: () => Promise<unknown>) => {
    const before = wire().requests.length
    await call()
    return wire().requests.slice(before).map((r) => `${r.action.replace('database.', '')} ${r.collection ?? ''}`.trim())
  }

  it('answers each console list, count, look-up and sweep with one read of tasks', async () => {
    for (const c of DISTRICT) await ctx.store.cases.createReport(newCase(c))
    const one = ['getDocument tasks']
    expect(await requestsOf(() => ctx.store.cases.listArea({ streetId: 's1' }, { queued: true, dueBefore: at(8) }, { limit: 2 }))).toEqual(one)
    expect(await requestsOf(() => ctx.store.cases.countArea({ all: true }, { level: 'grid' }))).toEqual(['calculateDocument tasks'])
    expect(await requestsOf(() => ctx.store.cases.findByCaseNumber(newCase({ n: 1 }).task.caseNumber))).toEqual(one)
    expect(await requestsOf(() => ctx.store.cases.listChecks(at(6), 100))).toEqual(one)
  })

  it("hands out a number in one transaction of four requests on the day's counter document", async () => {
    expect(await requestsOf(() => ctx.store.cases.nextCaseSequence('20251201'))).toEqual([
      'startTransaction', 'getDocument case_sequences', 'insertDocument case_sequences', 'commitTransaction',
    ])
    expect(await requestsOf(() => ctx.store.cases.nextCaseSequence('20251201'))).toEqual([
      'startTransaction', 'getDocument case_sequences', 'modifyDocument case_sequences', 'commitTransaction',
    ])
    expect(wire().docs('case_sequences')).toEqual([{ _id: '20251201', seq: 2 }])
  })

  it('retries the calls that lost a race for the counter, so each gets the next number', async () => {
    await Promise.all(Array.from({ length: 6 }, () => ctx.store.cases.nextCaseSequence('20251203')))
    // the race really happened: the database refused some writes, and those calls started again
    expect(wire().requests.filter((r) => r.error === 'DATABASE_TRANSACTION_CONFLICT').length).toBeGreaterThan(0)
    expect(wire().docs('case_sequences')).toEqual([{ _id: '20251203', seq: 6 }])
  })
}
