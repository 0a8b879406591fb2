import type Database from 'better-sqlite3'

// Group commit: writes that arrive while the event loop is busy are committed together in
// one transaction, so N acknowledged writes cost one fsync instead of N (synchronous=FULL
// keeps every one durable). Each write must be a better-sqlite3 transaction function,
// which nested in the group becomes a savepoint: one that throws is rolled back alone and
// rejects alone; the others still commit. Nobody is answered before the commit that holds
// their write has returned.

interface Job { run: () => unknown; resolve: (v: any) => void; reject: (e: unknown) => void }

export class GroupCommit {
  private queue: Job[] = []
  private scheduled = false
  private readonly flushTx: Database.Transaction<(jobs: Job[]) => { value?: unknown; error?: unknown }[]>

  constructor(db: Database.Database) {
    this.flushTx = db.transaction((jobs: Job[]) =>
      jobs.map((job) => {
        try {
          return { value: job.run() }
        } catch (error) {
          return { error }
        }
      }),
    )
  }

  /** Runs `run` (a transaction function) inside the next group transaction; resolves once that committed. */
  submit<T>(run: () => T): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ run, resolve, reject })
      if (!this.scheduled) {
        this.scheduled = true
        // setImmediate: after the I/O callbacks already due, so concurrent requests join in.
        setImmediate(() => this.flush())
      }
    })
  }

  private flush() {
    const jobs = this.queue
    this.queue = []
    this.scheduled = false
    let outcomes: { value?: unknown; error?: unknown }[]
    try {
      outcomes = this.flushTx.immediate(jobs)
    } catch (error) {
      for (const job of jobs) job.reject(error)
      return
    }
    outcomes.forEach((o, i) => ('error' in o && o.error !== undefined ? jobs[i].reject(o.error) : jobs[i].resolve(o.value)))
  }
}
