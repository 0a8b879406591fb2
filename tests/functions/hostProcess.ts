import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { createInterface } from 'node:readline'
import { UNLIMITED } from '../../cloudfunctions/app/limits'

// `npm start`'s host as its own process on a data folder, for the tests that kill it.
const ROOT = path.resolve(__dirname, '../..')

/** Starts the host; `ready` resolves with its base URL once it listens. */
export function spawnHost(dataDir: string): { child: ChildProcess; ready: Promise<string> } {
  const child = spawn(process.execPath, ['--import', 'tsx', 'cloudfunctions/local/main.ts'], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
    // a load of submissions is what the abuse limits stop: off for this host
    env: { ...process.env, HOST: '127.0.0.1', PORT: '0', GRIDLINK_DATA_DIR: dataDir, GRIDLINK_DEV: '1', GRIDLINK_SEED: '1', GRIDLINK_WEB_DIR: path.join(dataDir, 'web'), GRIDLINK_RATE_LIMITS: JSON.stringify(UNLIMITED) },
  })
  const ready = new Promise<string>((resolve, fail) => {
    child.on('exit', (code) => fail(new Error(`host exited (${code}) before listening`)))
    createInterface({ input: child.stdout! }).on('line', (line) => {
      const m = /(http:\/\/127\.0\.0\.1:\d+)\//.exec(line)
      if (m) resolve(m[1])
    })
  })
  return { child, ready }
}

/**
 * A scratch data folder per test and the host started on it, killed and removed after the
 * test: `dir()` and `child()` are the current test's.
 */
export function useHostProcess(prefix: string) {
  let dir = ''
  let child: ChildProcess | null = null
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), prefix))
  })
  afterEach(() => {
    child?.kill('SIGKILL')
    child = null
    rmSync(dir, { recursive: true, force: true })
  })
  return {
    dir: () => dir,
    child: () => child,
    /** starts (or restarts) the host on this test's folder; resolves with its base URL */
    start(): Promise<string> {
      const host = spawnHost(dir)
      child = host.child
      return host.ready
    },
  }
}
