import { isPlatformRateLimit } from '../../../cloudfunctions/app/dispatch'
import { openTestStack, RESIDENT, type TestStack } from '../harness'

// CloudBase refuses past its own request rate; the person is told to wait, not that we failed.
let t: TestStack
beforeAll(async () => { t = await openTestStack() })
afterAll(() => t.close())

describe("CloudBase's own rate limit", () => {
  it('is recognised by its error code', () => {
    expect(isPlatformRateLimit({ code: 'EXCEED_RATELIMIT', message: 'x' })).toBe(true)
    expect(isPlatformRateLimit({ errCode: 'DATABASE_LIMIT_EXCEEDED' })).toBe(true)
    expect(isPlatformRateLimit({ code: 'DATABASE_TIMEOUT' })).toBe(false)
    expect(isPlatformRateLimit(null)).toBe(false)
  })

  it('answers RATE_LIMITED with a wait, not INTERNAL, when an adapter meets it', async () => {
    const listReportsByReporter = t.stack.deps.cases.listReportsByReporter
    t.stack.deps.cases.listReportsByReporter = async () => { throw Object.assign(new Error('rate'), { code: 'EXCEED_RATELIMIT' }) }
    try {
      const res = await t.call('resident', RESIDENT, 'listMyReports', {})
      expect(res.error).toMatchObject({ code: 'RATE_LIMITED', retryAfterS: expect.any(Number), message: expect.stringContaining('请稍等') })
    } finally {
      t.stack.deps.cases.listReportsByReporter = listReportsByReporter
    }
  })
})
