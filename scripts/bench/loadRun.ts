import { readFileSync } from 'node:fs'

// What a load generator reports back to the submissions section, whichever one ran.

export interface Reporter { token: string; fileId: string }

export interface LoadRun {
  /** e.g. "wrk (1 thread)" */
  generator: string
  /** 2xx answers in the measured window, and the window's length in seconds */
  ok: number
  elapsed: number
  p50Ms: number
  p99Ms: number
  /** slowest answer of the warm-up */
  warmMaxMs: number
  /** non-2xx answers, connection errors, timeouts, in words */
  problems: string[]
  /** report ids of every 2xx answer, warm-up included */
  reportIds: string[]
  /** CPU seconds the generator itself used (both windows) */
  generatorCpuSeconds: number
  /** every answer of both windows, for CPU per request */
  answers: number
}

/** CPU seconds (user + system) a process has used so far, from /proc; NaN where there is none. */
export function processCpuSeconds(pid: number | 'self', children = false): number {
  try {
    // fields after the command name: state is field 3; utime 14, stime 15, cutime 16, cstime 17
    const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ')
    const ticks = children ? Number(f[13]) + Number(f[14]) : Number(f[11]) + Number(f[12])
    return ticks / 100 // USER_HZ is 100 on Linux
  } catch {
    return NaN
  }
}
