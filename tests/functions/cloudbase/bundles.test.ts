import { execFile, spawnSync } from 'node:child_process'
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { promisify } from 'node:util'
import { docsReply } from './captureServer'
import { sdkEnv, useCaptureServer } from './sdkEnv'
import { dbRequest } from './wire'

// The deployable bundles: `npm run build:functions` output, each folder copied where no
// node_modules can be reached, loaded by a plain `node` and called like CloudBase calls it,
// with both SDKs pointed at the capture server.
const cap = useCaptureServer()
const ROOT = resolve(__dirname, '../../..')
const run = promisify(execFile)
let out = ''
let outside = ''

beforeAll(() => {
  out = mkdtempSync(join(tmpdir(), 'gridlink-bundles-'))
  outside = mkdtempSync(join(tmpdir(), 'gridlink-deployed-'))
  const built = spawnSync(process.execPath, [join(ROOT, 'scripts/build-functions.mjs'), `--out=${out}`], { encoding: 'utf8' })
  if (built.status !== 0) throw new Error(`build failed: ${built.stderr}`)
}, 60_000)

afterAll(() => {
  rmSync(out, { recursive: true, force: true })
  rmSync(outside, { recursive: true, force: true })
})

/** Copies a bundle out, then runs `main(event)` in a fresh Node process as caller `openid`. */
async function invoke(name: string, event: unknown, openid = 'o_resident') {
  const dir = join(outside, name)
  cpSync(join(out, name), dir, { recursive: true })
  // the answer on a line of its own: a cold start logs to stdout too (the calendar's years)
  const code = `require('./index.js').main(${JSON.stringify(event)}, {}).then((r) => process.stdout.write('\\n' + JSON.stringify(r)))`
  const env = { PATH: process.env.PATH ?? '', ...sdkEnv(cap.server, openid) }
  const { stdout } = await run(process.execPath, ['-e', code], { cwd: dir, env, timeout: 20_000 })
  return JSON.parse(stdout.trim().split('\n').pop() ?? '')
}

function nodeModulesAbove(dir: string): string | null {
  for (let d = dir; ; d = dirname(d)) {
    if (existsSync(join(d, 'node_modules'))) return join(d, 'node_modules')
    if (dirname(d) === d) return null
  }
}

describe('function bundles', () => {
  it('builds one folder per function with its index.js, package.json and config.json, and a cloudbaserc.json', () => {
    const folders = readdirSync(out, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name)
    expect(folders).toEqual(expect.arrayContaining(['mediaCheck', 'resident', 'user', 'worker']))
    for (const name of folders) expect(readdirSync(join(out, name)).sort()).toEqual(['config.json', 'index.js', 'package.json'])
    expect(JSON.parse(readFileSync(join(out, 'user/package.json'), 'utf8'))).not.toHaveProperty('dependencies')
    expect(JSON.parse(readFileSync(join(out, 'resident/config.json'), 'utf8'))).toEqual({
      permissions: { openapi: ['security.msgSecCheck', 'security.mediaCheckAsync', 'subscribeMessage.send'] }, triggers: [],
    })
    const rc = JSON.parse(readFileSync(join(out, 'cloudbaserc.json'), 'utf8'))
    expect(rc.functions.map((f: { name: string }) => f.name)).toEqual(folders.sort())
    expect(rc.functions.every((f: { installDependency: boolean }) => f.installDependency === false)).toBe(true)
  })

  it('runs a bundle from a folder with no node_modules and answers with the envelope', async () => {
    cap.server.respond((req) => {
      const { collection, query } = dbRequest(req)
      if (req.action !== 'database.getDocument') return undefined
      if (collection === 'identities' && query._id === 'o_resident') return docsReply({ _id: 'o_resident', userId: 'u_1' })
      if (collection === 'users') return docsReply({ _id: 'u_1', openid: 'o_resident', name: '张居民', role: 'resident', phone: '13800000001', gridIds: [] })
      return undefined
    })
    expect(nodeModulesAbove(outside)).toBeNull()
    const answer = await invoke('user', { action: 'me' })
    expect(answer).toEqual({ ok: true, data: { id: 'u_1', name: '张居民', role: 'resident', roleName: '居民', gridIds: [] } })
    const asked = cap.server.requests.map(dbRequest).map((r) => [r.collection, r.query])
    expect(asked).toEqual(expect.arrayContaining([['identities', { _id: 'o_resident' }], ['users', { _id: 'u_1' }]]))
  })

  it('registers a WeChat account seen for the first time as a resident', async () => {
    const answer = await invoke('user', { action: 'me' }, 'o_newcomer')
    expect(answer).toMatchObject({ ok: true, data: { role: 'resident', name: '微信用户', gridIds: [] } })
    const inserts = cap.server.requests.map(dbRequest).filter((r) => r.action === 'database.insertDocument')
    expect(inserts.map((r) => [r.collection, r.data[0]._id ?? r.data[0]])).toEqual([
      ['identities', 'o_newcomer'],
      ['users', answer.data.id],
    ])
    expect(inserts[1].data[0]).toMatchObject({ openid: 'o_newcomer', role: 'resident' })
  })

  it('answers a call without a WeChat caller as unauthenticated', async () => {
    expect(await invoke('worker', { action: 'listInbox' }, '')).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } })
  })

  it('records a photo verdict from the wxa_media_check event in the mediaCheck bundle', async () => {
    const event = { MsgType: 'event', Event: 'wxa_media_check', trace_id: 'trace-9', version: 2, result: { suggest: 'pass', label: 100 } }
    expect(await invoke('mediaCheck', event, '')).toEqual({ ok: true, recorded: true })
    expect(cap.server.requests.map(dbRequest)).toEqual([
      expect.objectContaining({ action: 'database.modifyDocument', collection: 'files', query: { 'check.traceId': 'trace-9' } }),
    ])
  })

  it('answers INTERNAL, not a crash, when the database fails at cold start', async () => {
    cap.server.respond((req) => (req.action === 'database.getDocument' ? { requestId: 'req', code: 'DATABASE_PERMISSION_DENIED', message: 'denied' } : undefined))
    expect(await invoke('resident', { action: 'listMyReports' })).toEqual({ ok: false, error: { code: 'INTERNAL', message: '系统繁忙，请稍后重试' } })
  })

  it('picks up a timer job added later, with its 7-field cron in config.json and cloudbaserc.json', () => {
    const src = mkdtempSync(join(tmpdir(), 'gridlink-src-'))
    const jobOut = join(src, 'out')
    try {
      mkdirSync(join(src, 'escalate'))
      writeFileSync(join(src, 'escalate/index.ts'), 'export const main = async () => ({ ok: true, data: 0 })\n')
      writeFileSync(join(src, 'escalate/function.json'), JSON.stringify({ timer: '0 */10 * * * * *', timeout: 60 }))
      const built = spawnSync(process.execPath, [join(ROOT, 'scripts/build-functions.mjs'), `--src=${src}`, `--out=${jobOut}`], { encoding: 'utf8' })
      expect(built.status).toBe(0)
      const trigger = { name: 'escalateTimer', type: 'timer', config: '0 */10 * * * * *' }
      expect(JSON.parse(readFileSync(join(jobOut, 'escalate/config.json'), 'utf8'))).toEqual({ permissions: { openapi: [] }, triggers: [trigger] })
      expect(JSON.parse(readFileSync(join(jobOut, 'cloudbaserc.json'), 'utf8')).functions).toEqual([
        { name: 'escalate', handler: 'index.main', runtime: 'Nodejs18.15', installDependency: false, timeout: 60, memorySize: 256, triggers: [trigger] },
      ])
      writeFileSync(join(src, 'escalate/function.json'), JSON.stringify({ timer: '*/10 * * * *' }))
      const refused = spawnSync(process.execPath, [join(ROOT, 'scripts/build-functions.mjs'), `--src=${src}`, `--out=${jobOut}`], { encoding: 'utf8' })
      expect(refused.status).toBe(1)
      expect(refused.stderr).toMatch(/needs 7 cron fields/)
    } finally {
      rmSync(src, { recursive: true, force: true })
    }
  })
})
