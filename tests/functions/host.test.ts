import type { AddressInfo } from 'node:net'
import type { Server } from 'node:http'
import { createHost } from '../../cloudfunctions/local/host'
import { samplePhoto } from '../../cloudfunctions/local/seed/samplePhoto'
import { openTestStack, insidePoint, RESIDENT, type TestStack } from './harness'

let t: TestStack
const servers: Server[] = []
beforeAll(async () => { t = await openTestStack() })
afterAll(async () => {
  await Promise.all(servers.map((s) => new Promise((r) => s.close(r))))
  await t.close()
})

async function start(dev: boolean) {
  const server = createHost(t.stack, { dev, webDir: '/nonexistent-web-dir' })
  servers.push(server)
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`
}
const post = (url: string, body: unknown, token?: string) =>
  fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) }, body: typeof body === 'string' ? body : JSON.stringify(body) })

describe('the local host over HTTP', () => {
  it('logs in a demo user in dev mode and runs a submission through POST /api/<function>', async () => {
    const base = await start(true)
    const users = await (await fetch(`${base}/api/_dev/users`)).json() as any
    expect(users.data.find((u: any) => u.id === RESIDENT)).toMatchObject({ role: 'resident', roleName: '居民' })
    const login = await (await post(`${base}/api/_dev/login`, { userId: RESIDENT })).json() as any
    const token = login.data.token as string

    const form = new FormData()
    form.append('file', new Blob([samplePhoto([10, 20, 30], 8)], { type: 'image/png' }), 'a.png')
    const upload = await (await fetch(`${base}/api/_files`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: form })).json() as any
    expect(upload.data.fileId).toMatch(/^f_/)
    // the photo is served through the signed link, and its id alone opens nothing
    const photo = await fetch(`${base}${upload.data.url}`)
    expect(photo.status).toBe(200)
    expect(photo.headers.get('content-type')).toBe('image/png')
    expect(photo.headers.get('x-content-type-options')).toBe('nosniff')
    expect((await fetch(`${base}/api/_files/${upload.data.fileId}`)).status).toBe(403)
    expect((await fetch(`${base}${upload.data.url.replace(/s=[^&]+/, 's=' + 'A'.repeat(43))}`)).status).toBe(403)

    const res = await post(`${base}/api/resident`, { action: 'submitReport', requestId: 'http-req-0001', payload: { category: 'garbage', description: '垃圾桶满了没人清', photos: [upload.data.fileId], location: insidePoint() } }, token)
    expect(res.status).toBe(200)
    expect((await res.json() as any).data.routing.outcome).toBe('inside')
  })

  it('refuses the dev routes unless in dev mode', async () => {
    const base = await start(false)
    const res = await fetch(`${base}/api/_dev/users`)
    expect(res.status).toBe(404)
    expect((await res.json() as any).error.code).toBe('NOT_FOUND')
  })

  it('answers bad JSON, unknown functions and missing identity in the envelope', async () => {
    const base = await start(false)
    const bad = await post(`${base}/api/resident`, '{not json')
    expect(bad.status).toBe(400)
    expect((await bad.json() as any).error.code).toBe('VALIDATION')
    expect((await (await post(`${base}/api/nosuch`, { action: 'x' })).json() as any).error.code).toBe('NOT_FOUND')
    const anon = await post(`${base}/api/resident`, { action: 'listMyReports', payload: {} })
    expect(anon.status).toBe(401)
    expect((await anon.json() as any).error).toMatchObject({ code: 'UNAUTHENTICATED', message: '请先登录' })
  })

  it('refuses an upload that is not an image, naming the field', async () => {
    const base = await start(true)
    const token = (await (await post(`${base}/api/_dev/login`, { userId: RESIDENT })).json() as any).data.token
    const form = new FormData()
    form.append('file', new Blob([Buffer.from('hello, not a photo')], { type: 'image/png' }), 'a.png')
    const res = await (await fetch(`${base}/api/_files`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: form })).json() as any
    expect(res.error.code).toBe('VALIDATION')
    expect(res.error.fields.file).toMatch(/JPEG、PNG 或 WebP/)
  })

  it('tells a person opening the site that the H5 build is missing', async () => {
    const base = await start(false)
    const res = await fetch(`${base}/`)
    expect(res.status).toBe(503)
    expect(await res.text()).toMatch(/npm run build:h5/)
  })
})
