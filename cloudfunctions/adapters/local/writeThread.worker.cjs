'use strict'
// The local store's write connection, on a thread of its own (writeThread.ts says why).
// Plain CommonJS so that tsx, jest and node all start it as is. It knows nothing of
// reports or tasks: each job is a list of SQL steps, and every job that arrived while the
// previous group was committing joins the next group, which is one transaction.

const { parentPort, workerData } = require('node:worker_threads')
const Database = require('better-sqlite3')

const db = new Database(workerData.file, { timeout: workerData.busyTimeoutMs })
for (const pragma of workerData.pragmas) db.pragma(pragma)

// statements by the number the host gave their SQL when it first sent it
const statements = []

/** SQL that does not prepare fails the jobs that use it, not the thread. */
function preparedOrFailing(sql) {
  try {
    return db.prepare(sql)
  } catch (error) {
    return { run() { throw error } }
  }
}

/** Thrown to roll a job back to its savepoint when a step meant to change a row did not. */
class Stopped {
  constructor(at) {
    this.at = at
  }
}

/** Runs a job's steps. A step that changed no row ends the job with nothing of it kept:
 * quietly for `expect: 'changed'` (stoppedAt says where), as a failure for 'required'. */
function runSteps(steps) {
  const changes = []
  for (let i = 0; i < steps.length; i++) {
    const step = steps[i]
    const statement = statements[step.n]
    const n = Array.isArray(step.params) ? statement.run(...step.params).changes : statement.run(step.params).changes
    if (n === 0 && step.expect === 'changed') throw new Stopped(i)
    if (n === 0 && step.expect === 'required') throw new Error(step.missing || `step ${i} changed no row`)
    changes.push(n)
  }
  return { stoppedAt: null, changes }
}

// Nested in the group transaction each job is a savepoint: one that throws is rolled back
// alone and fails (or stops) alone; the others still commit.
const jobTx = db.transaction(runSteps)
const groupTx = db.transaction((jobs) =>
  jobs.map((job) => {
    try {
      return { id: job.id, ok: true, value: jobTx(job.steps) }
    } catch (error) {
      if (error instanceof Stopped) return { id: job.id, ok: true, value: { stoppedAt: error.at, changes: [] } }
      return { id: job.id, ok: false, error: errorOf(error) }
    }
  }),
)

function errorOf(error) {
  return error instanceof Error ? { message: error.message, code: error.code, name: error.name } : { message: String(error) }
}

let queue = []
let scheduled = false

function flush() {
  scheduled = false
  const jobs = queue
  queue = []
  let outcomes
  try {
    outcomes = groupTx.immediate(jobs)
  } catch (error) {
    // BEGIN or COMMIT failed (the lock stayed busy, a deferred key was broken): nothing
    // of the group was written, so every job of it fails.
    const failed = errorOf(error)
    outcomes = jobs.map((job) => ({ id: job.id, ok: false, error: failed }))
  }
  // Answered only now, after COMMIT returned: with synchronous=FULL the group is on disk.
  parentPort.postMessage(outcomes)
}

parentPort.on('message', (message) => {
  if (message === 'close') {
    if (queue.length > 0) flush()
    db.close()
    parentPort.close()
    return
  }
  const { define, jobs } = message
  for (const [n, sql] of define) statements[n] = preparedOrFailing(sql)
  for (const job of jobs) queue.push(job)
  if (!scheduled) {
    scheduled = true
    // after the messages already waiting, so jobs sent while we committed join one group
    setImmediate(flush)
  }
})
