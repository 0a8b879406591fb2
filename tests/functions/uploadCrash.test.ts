import { useHostProcess } from './hostProcess'
import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import http from 'node:http'
import path from 'node:path'
import Database from 'better-sqlite3'
import sharp from 'sharp'

// Nothing half-written stays behind: the host (`npm start`'s process) is killed with SIGKILL
// while large photos are arriving and being decoded, at the instant one is being written.
// Afterwards every record has its file; a temp file or a file without a record (a kill
// between the steps of a save) may remain, and the host removes those when it next starts.
// A photo it acknowledged stays.

const TEMP = /\.tmp$/
const host = useHostProcess('gridlink-upload-crash-')
const startHost = () => host.start()

async function kill(): Promise<void> {
  const running = host.child()!
  if (running.exitCode === null && running.signalCode === null) {
    const gone = new Promise<void>((r) => running.once('exit', () => r()))
    running.kill('SIGKILL')
    await gone
  }
}

async function login(base: string): Promise<string> {
  const res = await fetch(`${base}/api/_dev/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ userId: 'u_resident_1' }) })
  return ((await res.json()) as { data: { token: string } }).data.token
}

/** A 12-megapixel JPEG of a few MB: a phone photo as heavy to decode as the real thing. */
async function phonePhoto(): Promise<Buffer> {
  const [width, height] = [4000, 3000]
  const raw = Buffer.alloc(width * height * 3)
  let seed = 7
  for (let i = 0; i < raw.length; i++) {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff
    raw[i] = ((i / 3) % width) / 16 + ((seed >> 16) % 24)
  }
  return sharp(raw, { raw: { width, height, channels: 3 } }).jpeg({ quality: 90 }).toBuffer()
}

// `url` is the signed link that opens the photo (the id alone opens nothing)
type Answer = { ok: boolean; data?: { fileId: string; url: string }; error?: unknown } | 'gone'

/** POST /api/_files as multipart, the body written `chunk` bytes at a time with a pause between: a slow phone. */
function upload(base: string, token: string, bytes: Buffer, chunk: number, pauseMs: number): Promise<Answer> {
  const boundary = `----gridlink${randomBytes(8).toString('hex')}`
  const body = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="photo.jpg"\r\nContent-Type: image/jpeg\r\n\r\n`),
    bytes,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ])
  return new Promise((resolve) => {
    const req = http.request(`${base}/api/_files`, {
      method: 'POST',
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}`, 'content-length': body.length, authorization: `Bearer ${token}` },
    })
    req.on('error', () => resolve('gone')) // refused or reset: the host is gone
    req.on('response', (res) => {
      const parts: Buffer[] = []
      res.on('data', (p: Buffer) => parts.push(p))
      res.on('error', () => resolve('gone'))
      res.on('end', () => {
        try {
          resolve(JSON.parse(Buffer.concat(parts).toString('utf8')))
        } catch {
          resolve('gone')
        }
      })
    })
    const send = (at: number) => {
      if (req.destroyed) return
      if (at >= body.length) return void req.end()
      req.write(body.subarray(at, at + chunk), () => setTimeout(() => send(at + chunk), pauseMs))
    }
    send(0)
  })
}

/** The data folder as the next start finds it. */
function inspect() {
  const names = fs.existsSync(path.join(host.dir(), 'files')) ? fs.readdirSync(path.join(host.dir(), 'files')) : []
  const db = new Database(path.join(host.dir(), 'gridlink.sqlite'), { readonly: true })
  const records = db.prepare<[], { id: string; size: number }>('SELECT id, size FROM files').all()
  db.close()
  const present = new Set(names)
  const recorded = new Set(records.map((r) => r.id))
  return {
    records,
    temps: names.filter((n) => TEMP.test(n)),
    unrecorded: names.filter((n) => !TEMP.test(n) && !recorded.has(n)),
    missing: records.filter((r) => !present.has(r.id)).map((r) => r.id),
    sizeOf: (id: string) => fs.statSync(path.join(host.dir(), 'files', id)).size,
  }
}

/** Sets every entry of the photo folder a few minutes back: the next start comes later than the kill. */
function ageFolder() {
  const folder = path.join(host.dir(), 'files')
  const then = new Date(Date.now() - 5 * 60_000)
  for (const name of fs.readdirSync(folder)) fs.utimesSync(path.join(folder, name), then, then)
}

it('leaves no half-written photo when killed mid-upload, and sweeps what a kill between steps left on the next start', async () => {
  const photo = await phonePhoto()
  expect(photo.length).toBeGreaterThan(2 * 1024 * 1024)
  const base = await startHost()
  const token = await login(base)

  const acknowledged: { fileId: string; url: string }[] = []
  let stopped = false
  // six phones, two fast and four slow, each uploading one photo after another until the host disappears
  const phone = async (p: number) => {
    while (!stopped) {
      const answer = p < 2 ? await upload(base, token, photo, 1 << 20, 0) : await upload(base, token, photo, 256 * 1024, 20)
      if (answer === 'gone') return
      if (!answer.ok) throw new Error(`upload refused: ${JSON.stringify(answer.error)}`)
      acknowledged.push(answer.data!)
    }
  }
  const phones = Array.from({ length: 6 }, (_, p) => phone(p))
  const deadline = Date.now() + 40_000
  while (acknowledged.length < 8 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10))
  // then at the worst instant: while a photo is being written (its temp file exists)
  const writing = () => fs.readdirSync(path.join(host.dir(), 'files')).some((n) => TEMP.test(n))
  const latest = Date.now() + 10_000
  while (!writing() && Date.now() < latest) await new Promise((r) => setImmediate(r))
  await kill()
  stopped = true
  await Promise.all(phones)
  expect(acknowledged.length).toBeGreaterThanOrEqual(8)

  const afterKill = inspect()
  // a record is written only once its photo is in place, so none points at nothing
  expect(afterKill.missing).toEqual([])
  const recorded = new Set(afterKill.records.map((r) => r.id))
  expect(acknowledged.filter((a) => !recorded.has(a.fileId))).toEqual([])
  for (const r of afterKill.records) expect(afterKill.sizeOf(r.id)).toBe(r.size)

  // what a kill at the wrong instant leaves, whether or not this run's kill hit one
  fs.writeFileSync(path.join(host.dir(), 'files', `f_${'a'.repeat(32)}.0123abcd.tmp`), photo.subarray(0, 1000))
  fs.writeFileSync(path.join(host.dir(), 'files', `f_${'b'.repeat(32)}`), photo.subarray(0, 1000))
  ageFolder()
  const again = await startHost()
  const served = await fetch(`${again}${acknowledged[0].url}`)
  expect([served.status, served.headers.get('content-type')]).toEqual([200, 'image/jpeg'])
  await kill()

  const afterRestart = inspect()
  expect(afterRestart).toMatchObject({ temps: [], unrecorded: [], missing: [] })
  expect(afterRestart.records.map((r) => r.id).sort()).toEqual(afterKill.records.map((r) => r.id).sort())
}, 120_000)

it('keeps a photo it answered for when killed right after the answer', async () => {
  const photo = await phonePhoto()
  const base = await startHost()
  const token = await login(base)
  const answer = await upload(base, token, photo, 1 << 20, 0)
  await kill()
  if (answer === 'gone' || !answer.ok) throw new Error(`upload not answered: ${JSON.stringify(answer)}`)
  const { fileId, url } = answer.data!

  const found = inspect()
  const record = found.records.find((r) => r.id === fileId)
  expect(record).toBeDefined()
  expect(found.sizeOf(fileId)).toBe(record!.size)

  ageFolder()
  const again = await startHost()
  const served = await fetch(`${again}${url}`)
  const bytes = Buffer.from(await served.arrayBuffer())
  expect(bytes.length).toBe(record!.size)
  expect(await sharp(bytes).metadata()).toMatchObject({ format: 'jpeg', width: 4000, height: 3000 })
}, 60_000)
