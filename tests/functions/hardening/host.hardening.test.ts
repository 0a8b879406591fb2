import { samplePhoto } from '../../../cloudfunctions/local/seed/samplePhoto'
import { MAX_HEADER_BYTES } from '../../../cloudfunctions/local/host'
import { MAX_ADMIN_JSON_BYTES, MAX_JSON_BYTES } from '../../../cloudfunctions/local/http'
import { insidePoint, RESIDENT } from '../harness'
import { DEFAULT_LIMITS } from '../../../cloudfunctions/app/limits'
import { login, openHostWorld, postJson, type HostWorld } from './hostWorld'
import { rawRequest, statusOf } from './rawHttp'

// Each weakness found by trying the host as an attacker would, as a test that failed on the
// code before the fix (see the issue note) and passes now.
let w: HostWorld
let errors: jest.SpyInstance
beforeAll(async () => { w = await openHostWorld() })
afterAll(() => w.close())
beforeEach(() => { errors = jest.spyOn(console, 'error').mockImplementation(() => undefined) })
afterEach(() => errors.mockRestore())

const stillAnswers = async () => expect((await postJson(w.base, '/api/user', { action: 'catalogue' })).status).toBe(401)

describe('requests that used to take the host down or leak', () => {
  it('answers a multipart upload cut off inside the file part, and keeps answering', async () => {
    const token = await login(w.base, RESIDENT)
    const boundary = 'XBOUNDARYX'
    const head = `POST /api/_files HTTP/1.1\r\nHost: 127.0.0.1:${w.port}\r\nAuthorization: Bearer ${token}\r\nContent-Type: multipart/form-data; boundary=${boundary}\r\nContent-Length: 100000\r\n\r\n`
    const part = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.png"\r\nContent-Type: image/png\r\n\r\n`
    // a complete request whose body ends inside the file part (no closing boundary)
    const bytes = samplePhoto([1, 2, 3], 8).subarray(0, 40)
    const truncated = await rawRequest(w.port, [head.replace('100000', String(Buffer.byteLength(part) + bytes.length)), part, bytes], { waitMs: 1500 })
    expect(statusOf(truncated)).toBe(400)
    expect(truncated).toContain('照片上传不完整')
    // a client that sends part of the body and goes
    await rawRequest(w.port, [head, part, bytes], { endAfter: true, waitMs: 300 })
    await stillAnswers()
    expect(errors).not.toHaveBeenCalled()
  })

  it('refuses a JSON body over the limit with its own error, not a connection reset', async () => {
    const res = await postJson(w.base, '/api/user', JSON.stringify({ action: 'me', payload: { x: 'x'.repeat(MAX_JSON_BYTES) } }))
    expect(res.status).toBe(413)
    expect(await res.json()).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: expect.stringContaining('请求内容过大') } })
  })

  it('lets the admin function carry an import file, and no more than its own limit', async () => {
    // over the ordinary limit but under the admin one: read, and answered (here: no identity)
    const file = await postJson(w.base, '/api/admin', JSON.stringify({ action: 'importGrids', payload: { geojson: 'x'.repeat(MAX_JSON_BYTES), from: 'gcj02', apply: false } }))
    expect((await file.json() as any).error.code).toBe('UNAUTHENTICATED')
    const over = await postJson(w.base, '/api/admin', JSON.stringify({ action: 'importGrids', payload: { geojson: 'x'.repeat(MAX_ADMIN_JSON_BYTES) } }))
    expect(over.status).toBe(413)
    const user = await postJson(w.base, '/api/user', JSON.stringify({ action: 'me', payload: { x: 'x'.repeat(MAX_JSON_BYTES) } }))
    expect(user.status).toBe(413)
  })

  it('answers malformed percent-encoding with 400 and no stack trace in the log', async () => {
    for (const path of ['/api/_files/%E0%A4%A', '/%zz', '/api/%C0%AF']) {
      const res = await fetch(`${w.base}${path}`)
      expect(res.status).toBe(400)
      expect((await res.json() as any).error.code).toBe('VALIDATION')
    }
    expect(errors).not.toHaveBeenCalled()
  })

  it('answers oversized headers with 431', async () => {
    const answer = await rawRequest(w.port, [`GET / HTTP/1.1\r\nHost: 127.0.0.1:${w.port}\r\nX-Big: ${'a'.repeat(MAX_HEADER_BYTES + 100)}\r\n\r\n`])
    expect(statusOf(answer)).toBe(431)
    await stillAnswers()
  })

  it('answers garbage that is not HTTP with 400, and a header-less trickle is cut off', async () => {
    expect(statusOf(await rawRequest(w.port, ['\u0000\u0001 NOT HTTP\r\n\r\n']))).toBe(400)
    expect(w.server.headersTimeout).toBeLessThanOrEqual(10_000)
    expect(w.server.requestTimeout).toBeLessThanOrEqual(60_000)
    await stillAnswers()
  })

  it('never serves a file outside the web root, even from a sibling folder named like it', async () => {
    for (const path of ['/..%2Fh5-private%2Fsecret.txt', '/../h5-private/secret.txt', '/%2e%2e/h5-private/secret.txt', '/..%5Ch5-private%5Csecret.txt', '/../data/gridlink.sqlite', '/app.js%00.html']) {
      const res = await fetch(`${w.base}${path}`)
      const text = await res.text()
      expect(text).not.toContain('TOP-SECRET')
      expect(text).not.toContain('SQLite format')
    }
    expect(await (await fetch(`${w.base}/app.js`)).text()).toBe('console.log(1)')
  })

  it('sends security headers, and the H5 app a policy that allows its own inline script only', async () => {
    const page = await fetch(`${w.base}/`)
    const csp = page.headers.get('content-security-policy')!
    expect(csp).toMatch(/script-src 'self' 'sha256-[A-Za-z0-9+/=]+'/)
    expect(csp).toMatch(/frame-ancestors 'none'/)
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/)
    expect(page.headers.get('x-content-type-options')).toBe('nosniff')
    expect(page.headers.get('x-frame-options')).toBe('DENY')
    const api = await postJson(w.base, '/api/user', { action: 'me' })
    expect(api.headers.get('x-content-type-options')).toBe('nosniff')
    expect(api.headers.get('content-type')).toBe('application/json; charset=utf-8')
  })
})

describe('dev mode faces this machine only', () => {
  it('refuses a page of another site: foreign Host (DNS rebinding), foreign Origin, cross-site text/plain', async () => {
    const before = w.stack.clock.now()
    const viaRaw = await rawRequest(w.port, [`GET /api/_dev/users HTTP/1.1\r\nHost: attacker.example\r\nConnection: close\r\n\r\n`])
    expect(statusOf(viaRaw)).toBe(403)
    expect(viaRaw).not.toContain('u_resident_1')
    const foreign = await postJson(w.base, '/api/_dev/login', { userId: RESIDENT }, { origin: 'http://evil.example' })
    expect(foreign.status).toBe(403)
    const plain = await fetch(`${w.base}/api/_dev/clock`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: JSON.stringify({ advanceMinutes: 600 }) })
    expect(plain.status).toBe(415)
    expect(w.stack.clock.now() - before).toBeLessThan(60_000)
    // its own pages still work
    expect((await postJson(w.base, '/api/_dev/login', { userId: RESIDENT }, { origin: w.base })).status).toBe(200)
  })
})

describe('sessions', () => {
  it('expire, and an altered or made-up token is UNAUTHENTICATED', async () => {
    const token = await login(w.base, RESIDENT)
    const me = (t: string) => postJson(w.base, '/api/user', { action: 'me' }, { authorization: `Bearer ${t}` }).then((r) => r.json() as Promise<any>)
    expect((await me(token)).ok).toBe(true)
    for (const bad of [`${token}x`, token.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A')), 'made-up-token-000000000', 'a'.repeat(300)]) {
      expect((await me(bad)).error.code).toBe('UNAUTHENTICATED')
    }
    w.stack.clock.advance(17 * 60)
    expect((await me(token)).error.code).toBe('UNAUTHENTICATED')
  })
})

describe('abuse limits', () => {
  it('stops one person filing 500 reports in a second: RATE_LIMITED with a retry time and a kind message', async () => {
    const token = await login(w.base, 'u_resident_3')
    const form = new FormData()
    form.append('file', new Blob([samplePhoto([9, 9, 9], 8)], { type: 'image/png' }), 'a.png')
    const photo = (await (await fetch(`${w.base}/api/_files`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: form })).json() as any).data.fileId
    const send = (i: number) => postJson(w.base, '/api/resident', { action: 'submitReport', requestId: `flood-${String(i).padStart(4, '0')}`, payload: { category: 'garbage', description: '楼下垃圾两天没人清理', photos: [photo], location: insidePoint() } }, { authorization: `Bearer ${token}` })
    const answers = await Promise.all(Array.from({ length: 500 }, (_, i) => send(i)))
    const bodies = await Promise.all(answers.map((r) => r.json() as Promise<any>))
    const stored = bodies.filter((b) => b.ok)
    expect(stored.length).toBe(10)
    const refused = answers.filter((r) => r.status === 429)
    expect(refused.length).toBe(490)
    expect(Number(refused[0].headers.get('retry-after'))).toBeGreaterThan(0)
    const body = bodies.find((b) => !b.ok)
    expect(body.error).toMatchObject({ code: 'RATE_LIMITED', retryAfterS: expect.any(Number), message: expect.stringContaining('请休息一下') })
  })

  it('stops an upload flood from one person', async () => {
    const token = await login(w.base, 'u_resident_4')
    const upload = () => {
      const form = new FormData()
      form.append('file', new Blob([samplePhoto([7, 7, 7], 8)], { type: 'image/png' }), 'a.png')
      return fetch(`${w.base}/api/_files`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: form })
    }
    const answers = await Promise.all(Array.from({ length: 40 }, upload))
    expect(answers.filter((r) => r.status === 200)).toHaveLength(30)
    expect(answers.filter((r) => r.status === 429)).toHaveLength(10)
  })
})

describe('the daily upload quota', () => {
  it('counts uploaded bytes per person and day, and says when uploading works again', async () => {
    const small = await openHostWorld({ limits: { ...DEFAULT_LIMITS, uploadBytesPerPersonDay: { limit: 2500, windowMs: 24 * 3_600_000 } } })
    try {
      const token = await login(small.base, RESIDENT)
      const upload = async () => {
        const form = new FormData()
        form.append('file', new Blob([samplePhoto([7, 7, 7], 16)], { type: 'image/png' }), 'a.png')
        return (await fetch(`${small.base}/api/_files`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: form })).json() as Promise<any>
      }
      const answers = []
      for (let i = 0; i < 30; i++) answers.push(await upload())
      const refused = answers.filter((a) => !a.ok)
      expect(answers[0].ok).toBe(true)
      expect(refused.length).toBeGreaterThan(0)
      expect(refused[0].error).toMatchObject({ code: 'RATE_LIMITED', message: expect.stringContaining('今天上传的照片已达上限'), retryAfterS: expect.any(Number) })
    } finally {
      await small.close()
    }
  })
})
