import path from 'node:path'
import { Worker } from 'node:worker_threads'

// Writes of the local store go to a second connection on a worker thread. better-sqlite3
// is synchronous, so on the host's own thread every commit held the event loop for the
// inserts, the WAL writes and the fsync of synchronous=FULL: no request was read, routed
// or answered meanwhile. On its own thread the commit of one group overlaps the next
// requests, which gather into the group after it (group commit as before: N writes,
// one fsync). Reads stay on the host's connection; WAL lets them run beside the writer,
// and a write is answered only after its COMMIT returned, so the next read sees it.

/** One SQL statement of a job; params are positional (array) or named (object). */
export interface Step {
  sql: string
  params: unknown[] | object
  /** A step that changed no row ends the job with nothing of it kept (it is rolled back to
   *  its savepoint): quietly for 'changed' (stoppedAt says where), as a failure for 'required' */
  expect?: 'changed' | 'required'
  /** the error message of a 'required' step that changed nothing */
  missing?: string
}

export interface JobOutcome {
  /** index of the 'changed' step that ended the job, which then wrote nothing; null when all ran */
  stoppedAt: number | null
  changes: number[]
}

interface Pending { resolve: (o: JobOutcome) => void; reject: (e: Error) => void }
type Answer = { id: number; ok: true; value: JobOutcome } | { id: number; ok: false; error: { message: string; code?: string; name?: string } }

export interface WriteThreadOptions { file: string; pragmas: string[]; busyTimeoutMs: number }

const WORKER_FILE = path.join(__dirname, 'writeThread.worker.cjs')

export class WriteThread {
  private worker: Worker | null = null
  private readonly pending = new Map<number, Pending>()
  private outbox: { id: number; steps: Step[] }[] = []
  private scheduled = false
  private nextId = 1
  private closed = false
  // SQL text crosses to the thread once; later jobs name a statement by its number
  private sqlIds = new Map<string, number>()

  constructor(private readonly opts: WriteThreadOptions) {}

  /** Runs the steps as one job in the next group transaction; resolves once it committed. */
  run(steps: Step[]): Promise<JobOutcome> {
    if (this.closed) return Promise.reject(new Error('the store is closed'))
    return new Promise<JobOutcome>((resolve, reject) => {
      const id = this.nextId++
      this.pending.set(id, { resolve, reject })
      this.outbox.push({ id, steps })
      if (!this.scheduled) {
        this.scheduled = true
        // one message for every job this turn of the event loop produced
        setImmediate(() => this.send())
      }
    })
  }

  /** Waits for the jobs already sent, then closes the write connection. */
  async close(): Promise<void> {
    this.closed = true
    while (this.pending.size > 0) await new Promise((r) => setTimeout(r, 1))
    const worker = this.worker
    if (!worker) return
    this.worker = null
    const exited = new Promise<void>((done) => worker.once('exit', () => done()))
    worker.ref()
    worker.postMessage('close')
    await exited
  }

  private send() {
    this.scheduled = false
    const jobs = this.outbox
    this.outbox = []
    if (jobs.length === 0) return
    const worker = this.started()
    const define: [number, string][] = []
    const wire = jobs.map(({ id, steps }) => ({
      id,
      steps: steps.map(({ sql, params, expect, missing }) => {
        let n = this.sqlIds.get(sql)
        if (n === undefined) {
          n = this.sqlIds.size
          this.sqlIds.set(sql, n)
          define.push([n, sql])
        }
        return { n, params, expect, missing }
      }),
    }))
    worker.ref() // answers are due: keep the process alive until they come
    worker.postMessage({ define, jobs: wire })
  }

  private started(): Worker {
    if (this.worker) return this.worker
    const worker = new Worker(WORKER_FILE, { workerData: this.opts })
    this.sqlIds = new Map() // a new thread has prepared nothing yet
    worker.on('message', (answers: Answer[]) => this.answer(answers))
    // A thread that dies (it could not open the file) fails what it held; the next write starts a new one.
    const fail = (error: Error) => {
      if (this.worker === worker) this.worker = null
      for (const p of this.pending.values()) p.reject(error)
      this.pending.clear()
    }
    worker.on('error', fail)
    worker.on('exit', (code) => {
      if (this.pending.size > 0) fail(new Error(`the store's write thread stopped (exit code ${code})`))
      else if (this.worker === worker) this.worker = null
    })
    this.worker = worker
    return worker
  }

  private answer(answers: Answer[]) {
    for (const a of answers) {
      const p = this.pending.get(a.id)
      if (!p) continue
      this.pending.delete(a.id)
      if (a.ok) p.resolve(a.value)
      else p.reject(Object.assign(new Error(a.error.message), { code: a.error.code, name: a.error.name ?? 'Error' }))
    }
    if (this.pending.size === 0) this.worker?.unref()
  }
}
