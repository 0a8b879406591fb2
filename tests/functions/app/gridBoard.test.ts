import { LocalContentCheck } from '../../../cloudfunctions/adapters/local/localContentCheck'
import { distanceM, offsetByMetres } from '../../../shared/routing/geo'
import { insidePoint, openTestStack, OTHER_RESIDENT, photoIdOf, RESIDENT, type TestStack } from '../harness'

// 办结公示: a grid's resolved cases for anyone to read. Only photos that passed content
// security (whoever asks, their uploader included), the place rounded to 50 m, and nothing
// that names or reaches a person.

// a seeded stack per test and a dozen calls: more than jest's 5 s on two busy cores
jest.setTimeout(60_000)
let t: TestStack
let passed: Set<string>
beforeEach(async () => {
  t = await openTestStack()
  // the local check passes every photo at once; here a photo passes only when a test says so
  passed = new Set()
  t.stack.deps.content = Object.assign(new LocalContentCheck(), { visiblePhotos: async (ids: string[]) => new Set(ids.filter((id) => passed.has(id))) })
})
afterEach(() => t.close())

const GRID = 'g-lianhua1-1' // holds the clear inside point
const W1 = 'u_worker_1'
const board = (userId: string, payload: object) => t.call('user', userId, 'gridBoard', { gridId: GRID, ...payload })

interface Made { reportId: string; taskId: string; caseNumber: string; reportPhotos: string[]; resultPhotos: string[]; location: { lng: number; lat: number } }

/** A report at a point a few metres from the grid's centre, accepted and (unless `open`) resolved by the grid's worker. */
async function made(description: string, eastM: number, opts: { open?: boolean; address?: string; result?: string } = {}): Promise<Made> {
  const reportPhotos = [await t.upload(RESIDENT), await t.upload(RESIDENT)]
  const location = offsetByMetres(insidePoint(), eastM, 7)
  const sub = await t.call('resident', RESIDENT, 'submitReport', { category: 'garbage', description, photos: reportPhotos, location, address: opts.address ?? '莲花一村12栋东门' })
  expect(sub.ok).toBe(true)
  const taskId = (await t.stack.deps.cases.getReport(sub.data.reportId))!.taskId
  const accepted = await t.call('worker', W1, 'acceptTask', { taskId, version: 1 })
  expect(accepted.ok).toBe(true)
  const resultPhotos = [await t.upload(W1), await t.upload(W1)]
  if (!opts.open) {
    t.stack.clock.advance(30) // minutes
    const resolved = await t.call('worker', W1, 'resolveTask', { taskId, version: accepted.data.version, text: opts.result ?? '已联系环卫清运完毕', photos: resultPhotos })
    expect(resolved.data.status).toBe('resolved')
  }
  return { reportId: sub.data.reportId, taskId, caseNumber: sub.data.caseNumber, reportPhotos, resultPhotos, location }
}

describe('a grid\'s public board', () => {
  it('shows a resolved case\'s first passed photo before and after, and none for a case whose photos have not passed, to anyone', async () => {
    const reviewed = await made('垃圾桶满了两天', 0)
    // the first report photo is still under review: the board shows the second
    passed.add(reviewed.reportPhotos[1]).add(reviewed.resultPhotos[0])
    const unreviewed = await made('绿化带里堆了垃圾', 10)
    const open = await made('楼道堆放杂物', 20, { open: true })
    passed.add(open.reportPhotos[0])

    for (const viewer of [OTHER_RESIDENT, RESIDENT, W1]) {
      const page = await board(viewer, {})
      expect(page.ok).toBe(true)
      expect(page.data).toMatchObject({ gridId: GRID, gridName: expect.any(String), communityName: '莲花一村社区' })
      const numbers = page.data.items.map((c: { caseNumber: string }) => c.caseNumber)
      // the latest resolution first (the demo street's older closed cases follow), the open one not at all
      expect(numbers.slice(0, 2)).toEqual([unreviewed.caseNumber, reviewed.caseNumber])
      expect(numbers).not.toContain(open.caseNumber)
      const [u, r] = page.data.items
      expect(photoIdOf(r.before)).toBe(reviewed.reportPhotos[1])
      expect(photoIdOf(r.after)).toBe(reviewed.resultPhotos[0])
      expect(u).toMatchObject({ before: null, after: null, category: 'garbage', categoryName: '垃圾堆放', tookWords: '不到1天', stars: null })
    }
  })

  it('rounds the place to 50 m, says how long it took and the stars, and carries nothing about the people or their words', async () => {
    const c = await made('门口垃圾没人清理，住户说已经三天了', 3, { address: '莲花一村12栋东门', result: '已联系王师傅清运完毕' })
    passed.add(c.reportPhotos[0]).add(c.resultPhotos[0])
    const rated = await t.call('resident', RESIDENT, 'rateReport', { reportId: c.reportId, stars: 4, solved: true, comment: '处理得很及时' })
    expect(rated.ok).toBe(true)

    const page = await board(OTHER_RESIDENT, {})
    const shown = page.data.items.find((x: { caseNumber: string }) => x.caseNumber === c.caseNumber)
    expect(shown).toMatchObject({ caseNumber: c.caseNumber, stars: 4, tookWords: '不到1天', reportedAt: expect.any(Number), resolvedAt: expect.any(Number) })
    expect(Object.keys(shown).sort()).toEqual(['after', 'before', 'caseNumber', 'category', 'categoryName', 'location', 'reportedAt', 'resolvedAt', 'stars', 'tookWords'])
    expect(shown.location).not.toEqual({ lng: c.location.lng, lat: c.location.lat })
    expect(distanceM(shown.location, c.location)).toBeLessThanOrEqual(50)

    const text = JSON.stringify(page.data)
    const reporter = (await t.stack.deps.reference.getUser(RESIDENT))!
    const worker = (await t.stack.deps.reference.getUser(W1))!
    for (const secret of ['门口垃圾没人清理', '已经三天了', '莲花一村12栋', '王师傅清运', '处理得很及时', reporter.name, reporter.phone, worker.name, worker.phone, RESIDENT, W1, c.reportId, c.taskId]) {
      expect(text).not.toContain(secret)
    }
  })

  it('says more than a day in whole days', async () => {
    const photos = [await t.upload(RESIDENT)]
    const sub = await t.call('resident', RESIDENT, 'submitReport', { category: 'garbage', description: '垃圾桶坏了', photos, location: insidePoint() })
    const taskId = (await t.stack.deps.cases.getReport(sub.data.reportId))!.taskId
    const accepted = await t.call('worker', W1, 'acceptTask', { taskId, version: 1 })
    t.stack.clock.advance(2 * 24 * 60 + 60) // two days and an hour, in minutes
    const resolved = await t.call('worker', W1, 'resolveTask', { taskId, version: accepted.data.version, text: '已更换新垃圾桶', photos: [await t.upload(W1)] })
    expect(resolved.ok).toBe(true)
    expect((await board(OTHER_RESIDENT, {})).data.items[0]).toMatchObject({ caseNumber: sub.data.caseNumber, tookWords: '2天' })
  })

  it('pages with a cursor, the latest resolution first, no case twice', async () => {
    const first = await made('第一件：垃圾桶满了', 0)
    const second = await made('第二件：垃圾桶满了', 8)
    const third = await made('第三件：垃圾桶满了', 16)
    const numbers = (page: { data: { items: { caseNumber: string }[] } }) => page.data.items.map((c) => c.caseNumber)
    const one = await board(OTHER_RESIDENT, { limit: 2 })
    expect(numbers(one)).toEqual([third.caseNumber, second.caseNumber])
    expect(one.data.nextCursor).toEqual(expect.any(String))
    const two = await board(OTHER_RESIDENT, { limit: 2, cursor: one.data.nextCursor })
    // then the first, and the demo street's older closed cases of the grid
    expect(numbers(two)[0]).toBe(first.caseNumber)
    const seen = [...numbers(one), ...numbers(two)]
    let cursor = two.data.nextCursor
    while (cursor) {
      const next = await board(OTHER_RESIDENT, { limit: 2, cursor })
      seen.push(...numbers(next))
      cursor = next.data.nextCursor
    }
    expect(new Set(seen).size).toBe(seen.length)
    const all = await board(OTHER_RESIDENT, { limit: 50 })
    expect(numbers(all)).toEqual(seen)
  })

  it('is NOT_FOUND for a grid that does not exist, naming it', async () => {
    const res = await t.call('user', OTHER_RESIDENT, 'gridBoard', { gridId: 'g-nowhere-9' })
    expect(res.error).toMatchObject({ code: 'NOT_FOUND', message: expect.stringContaining('g-nowhere-9') })
  })
})
