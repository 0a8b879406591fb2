import { UNLIMITED } from '../../cloudfunctions/app/limits'
import { spawn, type ChildProcess } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { createInterface } from 'node:readline'

// The local host (`cloudfunctions/local/main.ts`, what `npm start` runs) in a child
// process on a scratch data folder, so its memory can be read from /proc while it serves.

export interface RunningHost {
  url: string
  pid: number
  /** kB figures from /proc/<pid>/status (Linux); null elsewhere */
  memory(): { rssKB: number; peakKB: number } | null
  /** lines the host wrote to stderr (errors it logged while serving) */
  errors: string[]
  stop(): Promise<void>
}

const ROOT = resolve(__dirname, '../..')
// e.g. BENCH_HOST_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" to profile the host under load
const EXTRA_ARGS = (process.env.BENCH_HOST_NODE_ARGS ?? '').split(' ').filter(Boolean)

export function startHost(dataDir: string): Promise<RunningHost> {
  const child: ChildProcess = spawn(process.execPath, [...EXTRA_ARGS, '--import', 'tsx', 'cloudfunctions/local/main.ts'], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      NODE_ENV: 'production',
      HOST: '127.0.0.1',
      PORT: '0',
      GRIDLINK_DATA_DIR: dataDir,
      GRIDLINK_DEV: '1',
      GRIDLINK_SEED: '1',
      GRIDLINK_WEB_DIR: join(dataDir, 'no-web'),
      // the load is what the abuse limits stop: off for the bench's host
      GRIDLINK_RATE_LIMITS: JSON.stringify(UNLIMITED),
    },
  })
  const errors: string[] = []
  createInterface({ input: child.stderr! }).on('line', (line) => errors.push(line))
  const exited = new Promise<void>((done) => child.on('exit', () => done()))

  return new Promise((ready, fail) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL')
      fail(new Error(`local host did not start within 60 s: ${errors.slice(-3).join(' / ')}`))
    }, 60_000)
    child.on('exit', (code) => {
      clearTimeout(timer)
      fail(new Error(`local host exited (${code}) before listening: ${errors.slice(-3).join(' / ')}`))
    })
    createInterface({ input: child.stdout! }).on('line', (line) => {
      const m = /(http:\/\/127\.0\.0\.1:\d+)\//.exec(line)
      if (!m) return
      clearTimeout(timer)
      ready({
        url: m[1],
        pid: child.pid as number,
        errors,
        memory: () => readStatus(child.pid as number),
        stop: async () => {
          if (child.exitCode !== null) return
          child.kill('SIGTERM')
          const force = setTimeout(() => child.kill('SIGKILL'), 5000)
          await exited
          clearTimeout(force)
        },
      })
    })
  })
}

function readStatus(pid: number): { rssKB: number; peakKB: number } | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8')
    const kb = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN)
    return { rssKB: kb('VmRSS'), peakKB: kb('VmHWM') }
  } catch {
    return null
  }
}
