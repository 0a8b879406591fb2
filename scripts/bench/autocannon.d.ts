// The slice of autocannon 8's API the bench uses (the package ships no types).
declare module 'autocannon' {
  import type { EventEmitter } from 'node:events'

  namespace autocannon {
    interface Request {
      method?: string
      path?: string
      headers?: Record<string, string>
      body?: string | Buffer
      setupRequest?: (request: Request, context: Record<string, unknown>) => Request
      onResponse?: (status: number, body: string, context: Record<string, unknown>) => void
    }
    interface Options {
      url: string
      connections?: number
      duration?: number
      timeout?: number
      requests?: Request[]
    }
    interface Histogram { average: number; p50: number; p99: number; max: number; total: number }
    interface Result {
      duration: number
      errors: number
      timeouts: number
      non2xx: number
      requests: Histogram
      latency: Histogram
      statusCodeStats: Record<string, { count: number }>
    }
    interface Instance extends EventEmitter, PromiseLike<Result> {
      stop(): void
    }
  }
  function autocannon(opts: autocannon.Options): autocannon.Instance
  export = autocannon
}
