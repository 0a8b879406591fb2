import { spawn, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { createInterface } from 'node:readline'
import { afterExit, MAX_RESTARTS } from '../../scripts/supervise.mjs'

// `npm start` keeps the host running: a host that dies is restarted and the supervisor says
// so; one that keeps dying makes `npm start` exit non-zero (it used to exit 0 when the host
// was killed by a signal, so a process manager would not restart it).
const ROOT = path.resolve(__dirname, '../..')
let dir: string
let sup: ChildProcess | null = null
const hosts: number[] = []
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gridlink-sup-'))
  fs.mkdirSync(path.join(dir, 'web'))
  fs.writeFileSync(path.join(dir, 'web', 'index.html'), '<!doctype html><title>t</title>')
})
afterEach(() => {
  sup?.kill('SIGKILL')
  for (const pid of hosts.splice(0)) {
    try { process.kill(pid, 'SIGKILL') } catch { /* already gone */ }
  }
  fs.rmSync(dir, { recursive: true, force: true })
})

function startSupervisor(env: Record<string, string>) {
  sup = spawn(process.execPath, ['scripts/start.mjs'], {
    cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, HOST: '127.0.0.1', PORT: '0', GRIDLINK_DATA_DIR: dir, GRIDLINK_SEED: '0', GRIDLINK_WEB_DIR: path.join(dir, 'web'), ...env },
  })
  const lines: string[] = []
  const waiters: { re: RegExp; done: () => void }[] = []
  const onLine = (line: string) => {
    lines.push(line)
    const pid = /host started \(pid (\d+)\)/.exec(line)
    if (pid) hosts.push(Number(pid[1]))
    for (const w of waiters.splice(0)) (w.re.test(line) ? w.done() : waiters.push(w))
  }
  createInterface({ input: sup.stdout! }).on('line', onLine)
  createInterface({ input: sup.stderr! }).on('line', onLine)
  /** Resolves once `times` lines matching `re` have been printed. */
  const until = (re: RegExp, times = 1) => new Promise<void>((done) => {
    const check = () => {
      if (lines.filter((l) => re.test(l)).length >= times) return done()
      waiters.push({ re, done: check })
    }
    check()
  })
  const exited = new Promise<number | null>((done) => sup!.on('exit', (code) => done(code)))
  return { until, exited, lines }
}

describe('the supervisor of npm start', () => {
  it('decides: stop when asked, restart a host that died, give up on one that keeps dying', () => {
    expect(afterExit({ stopping: true, code: 0, signal: null, recent: [], now: 0 })).toBe('stop')
    expect(afterExit({ stopping: false, code: null, signal: 'SIGKILL', recent: [], now: 0 })).toBe('restart')
    expect(afterExit({ stopping: false, code: 1, signal: null, recent: Array(MAX_RESTARTS).fill(1000), now: 2000 })).toBe('give-up')
    expect(afterExit({ stopping: false, code: 1, signal: null, recent: Array(MAX_RESTARTS).fill(0), now: 120_000 })).toBe('restart')
  })

  it('restarts a host killed by a signal and says so', async () => {
    const s = startSupervisor({})
    await s.until(/GridLink local stack: http/)
    expect(hosts).toHaveLength(1)
    process.kill(hosts[0], 'SIGKILL')
    await s.until(/restarting it/)
    await s.until(/GridLink local stack: http/, 2)
    expect(hosts).toHaveLength(2)
    expect(s.lines.filter((l) => /GridLink local stack: http/.test(l))).toHaveLength(2)
  }, 60_000)

  it('exits non-zero when the host keeps dying', async () => {
    const s = startSupervisor({ PORT: 'not-a-port' })
    expect(await s.exited).not.toBe(0)
    expect(s.lines.some((l) => /giving up/.test(l))).toBe(true)
    expect(s.lines.filter((l) => /restarting it/.test(l))).toHaveLength(MAX_RESTARTS)
  }, 90_000)
})
