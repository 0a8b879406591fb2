import { useHostProcess } from './hostProcess'
import path from 'node:path'
import Database from 'better-sqlite3'
import { samplePhoto } from '../../cloudfunctions/local/seed/samplePhoto'
import { DEMO_POINTS } from '../../cloudfunctions/local/seed/demoArea'

// Nothing acknowledged is lost: the host (`npm start`'s process, with its write thread) is
// killed with SIGKILL while submissions are in flight; every report it answered must be in
// the data file when it is opened again, and none may be there twice.

const host = useHostProcess('gridlink-crash-')
const startHost = () => host.start()

async function json(res: Promise<Response>) {
  return (await (await res).json()) as { ok: boolean; data?: any; error?: any }
}

it('keeps every report it acknowledged when the process is killed mid-load', async () => {
  const base = await startHost()
  const login = await json(fetch(`${base}/api/_dev/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ userId: 'u_resident_1' }) }))
  const token = login.data.token as string
  const form = new FormData()
  form.append('file', new Blob([samplePhoto([30, 60, 90], 8)], { type: 'image/png' }), 'a.png')
  const upload = await json(fetch(`${base}/api/_files`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: form }))

  const acknowledged: string[] = []
  let stopped = false
  // 20 clients submitting one after another until the host disappears under them
  const client = async (c: number) => {
    for (let i = 0; !stopped; i++) {
      try {
        const res = await json(fetch(`${base}/api/resident`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          body: JSON.stringify({ action: 'submitReport', requestId: `crash-${c}-${String(i).padStart(6, '0')}`, payload: { category: 'garbage', description: `崩溃测试 ${c}-${i}`, photos: [upload.data.fileId], location: { ...DEMO_POINTS.insideClear.point, accuracyM: 10 } } }),
        }))
        if (!res.ok) throw new Error(`submission refused: ${res.error.code} ${res.error.message}`)
        acknowledged.push(res.data.reportId)
      } catch (error) {
        if (stopped) return // connection refused or reset: the host is gone
        throw error
      }
    }
  }
  const clients = Array.from({ length: 20 }, (_, c) => client(c))
  const deadline = Date.now() + 30_000
  while (acknowledged.length < 300 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 5))
  host.child()!.kill('SIGKILL')
  stopped = true
  await Promise.all(clients)
  await new Promise<void>((r) => (host.child()!.exitCode !== null || host.child()!.signalCode !== null ? r() : host.child()!.once('exit', () => r())))

  const db = new Database(path.join(host.dir(), 'gridlink.sqlite'))
  const found = db.prepare<[string], { n: number }>('SELECT count(*) AS n FROM reports WHERE id IN (SELECT value FROM json_each(?))').get(JSON.stringify(acknowledged))!.n
  const keys = db.prepare<[], { n: number; uniq: number }>("SELECT count(*) AS n, count(DISTINCT request_key) AS uniq FROM idempotency WHERE request_key LIKE '%:crash-%'").get()!
  const orphans = db.prepare<[], { n: number }>("SELECT count(*) AS n FROM reports r WHERE r.doc LIKE '%崩溃测试%' AND NOT EXISTS (SELECT 1 FROM tasks t WHERE t.id = r.task_id)").get()!.n
  db.close()
  expect(acknowledged.length).toBeGreaterThanOrEqual(300)
  expect(new Set(acknowledged).size).toBe(acknowledged.length)
  expect(found).toBe(acknowledged.length)
  // each stored report is whole (its task is there) and each request key was used once
  expect(orphans).toBe(0)
  expect(keys.n).toBe(keys.uniq)
  expect(keys.n).toBeGreaterThanOrEqual(acknowledged.length)
}, 60_000)
