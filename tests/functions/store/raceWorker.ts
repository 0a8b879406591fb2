import { openSqliteStore } from '../../../cloudfunctions/adapters/local/sqliteStore'
import { newCase } from './fixtures'

// One of two processes creating reports with the same request keys at the same moment
// (sqliteStore.test.ts). It says "ready", waits for "go" on stdin so both start together,
// then prints what each create answered, in key order. Worker "down" walks the keys from
// the end, so the two meet in the middle and each wins some of them.
const [file, tag, count] = process.argv.slice(2)
const keys = Array.from({ length: Number(count) }, (_, n) => n)
const store = openSqliteStore(file)
process.stdout.write('ready\n')
process.stdin.once('data', async () => {
  const answers: { reportId: string; created: boolean }[] = []
  for (const n of tag === 'down' ? [...keys].reverse() : keys) {
    answers[n] = await store.cases.createReport(newCase({ n, tag, requestKey: `req-race-${n}` }))
    // a pause like the gap between real requests; without it one process keeps the write
    // lock while the other sleeps in SQLite's busy handler, and they never interleave
    await new Promise((resolve) => setTimeout(resolve, 2))
  }
  await store.close()
  process.stdout.write(`${JSON.stringify(answers)}\n`)
  process.exit(0)
})
