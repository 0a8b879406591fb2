import type { ContentCheck } from '../../../cloudfunctions/app/ports'
import { LocalContentCheck } from '../../../cloudfunctions/adapters/local/localContentCheck'
import { openTestStack, insidePoint, photoIdOf, RESIDENT, type TestStack } from '../harness'

let t: TestStack
beforeAll(async () => { t = await openTestStack() })
afterAll(() => t.close())
afterEach(() => { t.stack.deps.content = new LocalContentCheck() })

const report = async (over: Record<string, unknown> = {}) => ({
  category: 'garbage', description: '楼道里堆了很多杂物', photos: [await t.upload(RESIDENT)], location: insidePoint(), ...over,
})
const myReportCount = async () => (await t.call('resident', RESIDENT, 'listMyReports', { limit: 50 })).data.items.length

describe('content security', () => {
  const WORDING = '请删去辱骂、广告、联系方式或违法信息等内容后再提交'

  it.each([
    ['description', '问题描述', { description: '这里有人在推广赌博网站' }],
    ['address', '详细地址', { address: '代开发票的门店' }],
  ])('refuses a report whose %s fails the text check, naming the field in words and the wording to change, and stores nothing', async (field, label, over) => {
    const before = await myReportCount()
    const res = await t.call('resident', RESIDENT, 'submitReport', await report(over))
    expect(res.error.code).toBe('CONTENT_REJECTED')
    expect(Object.keys(res.error.fields)).toEqual([field])
    expect(res.error.fields[field]).toBe(`“${label}”中有不宜发布的内容，${WORDING}`)
    expect(res.error.message).toBe(res.error.fields[field])
    expect(await myReportCount()).toBe(before)
  })

  it('names both fields when only their combination is refused', async () => {
    t.stack.deps.content = { ...new LocalContentCheck(), checkText: async (texts) => (texts.length > 1 ? 'rejected' : 'pass'), submitPhotos: async () => undefined, visiblePhotos: async (ids) => new Set(ids) }
    const res = await t.call('resident', RESIDENT, 'submitReport', await report({ address: '幸福里3栋' }))
    expect(res.error.code).toBe('CONTENT_REJECTED')
    const both = `“问题描述”和“详细地址”中有不宜发布的内容，${WORDING}`
    expect(res.error.fields).toEqual({ description: both, address: both })
  })

  it('answers INTERNAL (safe to retry) when the checker is unavailable, and stores nothing', async () => {
    const before = await myReportCount()
    t.stack.deps.content = { ...new LocalContentCheck(), checkText: async () => 'unavailable', submitPhotos: async () => undefined, visiblePhotos: async (ids) => new Set(ids) }
    const res = await t.call('resident', RESIDENT, 'submitReport', await report())
    expect(res.error.code).toBe('INTERNAL')
    expect(await myReportCount()).toBe(before)
  })

  it('refuses a worker\'s result text and a resident\'s comment that fail the check', async () => {
    const sub = await t.call('resident', RESIDENT, 'submitReport', await report())
    const grid = (await t.stack.store.reference.getGrid(sub.data.gridId))!
    const taskId = (await t.stack.store.cases.getReport(sub.data.reportId))!.taskId
    const worker = grid.workerIds[0]
    const accepted = await t.call('worker', worker, 'acceptTask', { taskId, version: 1 })
    const bad = await t.call('worker', worker, 'resolveTask', { taskId, version: accepted.data.version, text: '已处理，顺便办假证', photos: [await t.upload(worker)] })
    expect(bad.error).toMatchObject({ code: 'CONTENT_REJECTED', fields: { text: expect.stringMatching(/^“填写的说明”中有不宜发布的内容，请删去/) } })
    expect((await t.stack.store.cases.getTask(taskId))!.status).toBe('accepted')
    await t.call('worker', worker, 'resolveTask', { taskId, version: accepted.data.version, text: '已清理完毕', photos: [await t.upload(worker)] })
    const rate = await t.call('resident', RESIDENT, 'rateReport', { reportId: sub.data.reportId, stars: 5, solved: true, comment: '谢谢，需要枪支弹药吗' })
    expect(rate.error).toMatchObject({ code: 'CONTENT_REJECTED', fields: { comment: expect.stringMatching(/^“评价内容”中有不宜发布的内容/) } })
    expect((await t.stack.store.cases.getTask(taskId))!.status).toBe('resolved')
  })

  it('sends photos for review once stored and shows them to others only once passed', async () => {
    const submitted: string[][] = []
    const passed = new Set<string>()
    const fake: ContentCheck = {
      checkText: async () => 'pass',
      submitPhotos: async (ids) => { submitted.push(ids) },
      visiblePhotos: async (ids) => new Set(ids.filter((id) => passed.has(id))),
    }
    t.stack.deps.content = fake
    const payload = await report()
    const sub = await t.call('resident', RESIDENT, 'submitReport', payload)
    expect(submitted).toEqual([payload.photos])
    const grid = (await t.stack.store.reference.getGrid(sub.data.gridId))!
    const taskId = (await t.stack.store.cases.getReport(sub.data.reportId))!.taskId

    const hidden = await t.call('worker', grid.workerIds[0], 'getTask', { taskId })
    expect(hidden.data.photos).toEqual([])
    expect(hidden.data.thumbnail).toBeNull()
    expect(hidden.data.timeline[0].photos).toEqual([])
    const own = await t.call('resident', RESIDENT, 'getMyReport', { reportId: sub.data.reportId })
    expect(own.data.photos.map(photoIdOf)).toEqual(payload.photos)

    passed.add(payload.photos[0])
    const shown = await t.call('worker', grid.workerIds[0], 'getTask', { taskId })
    expect(shown.data.photos.map(photoIdOf)).toEqual(payload.photos)
    expect(photoIdOf(shown.data.thumbnail)).toBe(payload.photos[0])
  })
})

describe('subscription grants on the local stack', () => {
  it('asks for no grants and records none, since the local stack sends no WeChat messages', async () => {
    expect((await t.call('user', RESIDENT, 'subscribeTemplates', {})).data).toEqual({ submit: [], accept: [], resolve: [], declare: [] })
    expect((await t.call('user', RESIDENT, 'recordGrants', { answers: { 'tmpl-abc': 'accept' } })).data).toEqual({ recorded: 0 })
  })
  it('refuses answers that are not WeChat\'s words', async () => {
    const res = await t.call('user', RESIDENT, 'recordGrants', { answers: { 'tmpl-abc': 'yes please' } })
    expect(res.error.code).toBe('VALIDATION')
    expect(Object.values(res.error.fields).join()).toMatch(/accept、reject、ban 或 filter/)
  })
})
