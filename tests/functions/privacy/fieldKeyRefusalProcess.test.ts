import { spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { FIELD_KEYS_FILE, REFUSED_EXIT_CODE } from '../../../cloudfunctions/adapters/local/fieldKeys'
import { openLocalStack } from '../../../cloudfunctions/local/stack'
import { afterExit, REFUSED_TO_START } from '../../../scripts/supervise.mjs'
import { spawnHost } from '../hostProcess'

// A host whose field keys cannot read its data refuses to start as a process: it says why on
// stderr and exits with the code the supervisor of `npm start` does not restart on, so the
// reason stays on screen instead of scrolling away under five restarts.
const ROOT = path.resolve(__dirname, '../../..')
let dir: string
beforeEach(() => { dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gridlink-refuse-')) })
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }))

/** A data folder that holds a canary under its key file's key, with the key file gone: its id. */
async function dataWithoutItsKey(): Promise<string> {
  await (await openLocalStack({ dataDir: dir, seed: false })).close()
  const id = fs.readFileSync(path.join(dir, FIELD_KEYS_FILE), 'utf8').split(':')[0]
  fs.rmSync(path.join(dir, FIELD_KEYS_FILE))
  return id
}

/** Everything a process printed, and its exit code. */
function outcome(child: ReturnType<typeof spawn>): Promise<{ code: number | null; out: string }> {
  let out = ''
  child.stdout?.on('data', (b) => (out += b))
  child.stderr?.on('data', (b) => (out += b))
  return new Promise((done) => child.on('close', (code) => done({ code, out })))
}

describe('a host that refuses its field keys', () => {
  it('is told apart from a crash by the supervisor: never restarted', () => {
    expect(REFUSED_TO_START).toBe(REFUSED_EXIT_CODE)
    expect(afterExit({ stopping: false, code: REFUSED_TO_START, signal: null, recent: [], now: 0 })).toBe('refused')
    expect(afterExit({ stopping: false, code: 1, signal: null, recent: [], now: 0 })).toBe('restart')
  })

  it('exits with that code and the reason, naming the missing key', async () => {
    const id = await dataWithoutItsKey()
    const host = spawnHost(dir)
    host.ready.catch(() => undefined)
    const { code, out } = await outcome(host.child)
    expect(code).toBe(REFUSED_EXIT_CODE)
    expect(out).toContain(`refusing to start: the data's ID numbers and phones are encrypted with field key "${id}"`)
    expect(out).toContain('or set GRIDLINK_FIELD_KEYS')
    expect(out).not.toMatch(/GridLink local stack: http/)
    expect(fs.existsSync(path.join(dir, FIELD_KEYS_FILE))).toBe(false)
  }, 60_000)

  it('makes npm start stop with that code after one attempt, saying it does not restart', async () => {
    await dataWithoutItsKey()
    fs.mkdirSync(path.join(dir, 'web'))
    fs.writeFileSync(path.join(dir, 'web', 'index.html'), '<!doctype html><title>t</title>')
    const sup = spawn(process.execPath, ['scripts/start.mjs'], {
      cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, HOST: '127.0.0.1', PORT: '0', GRIDLINK_DATA_DIR: dir, GRIDLINK_SEED: '0', GRIDLINK_WEB_DIR: path.join(dir, 'web') },
    })
    const { code, out } = await outcome(sup)
    expect(code).toBe(REFUSED_TO_START)
    expect(out.match(/host started/g)).toHaveLength(1)
    expect(out).toContain('refused to start')
    expect(out).toContain('not restarting it')
    expect(out).not.toContain('restarting it (restart')
  }, 60_000)
})
