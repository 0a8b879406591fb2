import Database from 'better-sqlite3'
import { join } from 'node:path'
import { samplePhoto } from '../../cloudfunctions/local/seed/samplePhoto'
import { directSubmissions } from './directSubmit'
import { startHost, type RunningHost } from './localHost'
import { rawSingleRowInserts } from './rawInserts'
import { autocannonLoad } from './autocannonLoad'
import { processCpuSeconds, type LoadRun, type Reporter } from './loadRun'
import { wrkLoad, wrkPath } from './wrkLoad'
import { missing, row, type SectionRun } from './types'

// End-to-end submissions (随手拍) against the local host over loopback, 50 connections,
// each request a fresh requestId with one photo the submitting resident uploaded; beside
// it, the raw durable single-row insert rate of better-sqlite3 measured in the same run.

const SIZES = {
  full: { loadSeconds: 30, warmSeconds: 5, rawSeconds: 5, directSeconds: 5 },
  quick: { loadSeconds: 5, warmSeconds: 3, rawSeconds: 2, directSeconds: 2 },
}
const CONNECTIONS = 50
const RESIDENTS = Array.from({ length: 8 }, (_, i) => `u_resident_${i + 1}`)

async function call<T>(url: string, init: RequestInit): Promise<T> {
  const res = await fetch(url, init)
  const body = (await res.json()) as { ok: boolean; data?: T; error?: { code: string; message: string } }
  if (!body.ok) throw new Error(`${url}: ${body.error?.code} ${body.error?.message}`)
  return body.data as T
}

async function prepareReporters(host: RunningHost): Promise<Reporter[]> {
  return Promise.all(RESIDENTS.map(async (userId, i) => {
    const { token } = await call<{ token: string }>(`${host.url}/api/_dev/login`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ userId }),
    })
    const form = new FormData()
    form.append('file', new Blob([samplePhoto([40 + i * 25, 140, 200 - i * 20])], { type: 'image/png' }), 'photo.png')
    const { fileId } = await call<{ fileId: string }>(`${host.url}/api/_files`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: form })
    return { token, fileId }
  }))
}

export const submissions: SectionRun = async (opts, log) => {
  const size = opts.quick ? SIZES.quick : SIZES.full
  const dataDir = join(opts.tmpDir, 'host')
  // The raw rate is measured before the load and again after it, and the submissions are held
  // to the higher of the two: right after the load the disk may still be writing back the
  // host's data, which would make the floor look lower than it is.
  log(`raw single-row inserts for ${size.rawSeconds} s (before the load)`)
  const rawBefore = rawSingleRowInserts(join(opts.tmpDir, 'raw-before'), size.rawSeconds)
  log('starting the local host (seeded, scratch data folder)')
  const host = await startHost(dataDir)
  let run: LoadRun
  let hostCpuSeconds = NaN
  let memory: { rssKB: number; peakKB: number } | null
  let bootRssKB = NaN
  try {
    bootRssKB = host.memory()?.rssKB ?? NaN
    const reporters = await prepareReporters(host)
    log(`${size.warmSeconds} s warm-up, then ${size.loadSeconds} s measured, at ${CONNECTIONS} connections`)
    const wrk = wrkPath()
    log(`load generator: ${wrk ?? 'autocannon (wrk not found; apt-get install wrk for a generator that leaves the host more CPU)'}`)
    const cpuBefore = processCpuSeconds(host.pid)
    run = wrk
      ? await wrkLoad(wrk, host, reporters, opts.tmpDir, CONNECTIONS, size.warmSeconds, size.loadSeconds)
      : await autocannonLoad(host, reporters, CONNECTIONS, size.warmSeconds, size.loadSeconds)
    hostCpuSeconds = processCpuSeconds(host.pid) - cpuBefore
    memory = host.memory()
  } finally {
    await host.stop()
  }

  // every acknowledged report must be in the file once the host has stopped
  const acknowledged = [...new Set(run.reportIds)]
  const db = new Database(join(dataDir, 'gridlink.sqlite'), { readonly: true })
  const stored = db.prepare<[string], { n: number }>('SELECT count(*) AS n FROM reports WHERE id IN (SELECT value FROM json_each(?))').get(JSON.stringify(acknowledged))?.n ?? 0
  db.close()

  log(`submitReport in-process for ${size.directSeconds} s`)
  const direct = await directSubmissions(opts.tmpDir, size.directSeconds)
  log(`raw single-row inserts for ${size.rawSeconds} s (after the load)`)
  const rawAfter = rawSingleRowInserts(join(opts.tmpDir, 'raw-after'), size.rawSeconds)
  const raw = rawBefore.rowsPerSecond >= rawAfter.rowsPerSecond ? rawBefore : rawAfter

  const rate = run.ok / run.elapsed
  const ratio = rate / raw.rowsPerSecond
  const p99 = run.p99Ms
  const problems = run.problems
  const perAnswer = (seconds: number) => (seconds / run.answers) * 1e6
  return {
    title: 'End-to-end submissions on the local stack',
    how: [
      `The local host (\`cloudfunctions/local/main.ts\`, as \`npm start\` runs it, under tsx) in a child process on a scratch data folder, seeded with the demo street; ${run.generator}, ${CONNECTIONS} connections over loopback: ${size.warmSeconds} s of warm-up (the connections open and the JIT warms), then ${size.loadSeconds} s measured.`,
      'Load generator: wrk (Debian package `wrk`) when it is installed, driven by a generated Lua script; otherwise autocannon in the bench process. Both run on the same 2 cores as the host, so the CPU the generator spends per request is shown: autocannon spent ~110 µs, about a third of what the host needed.',
      'Each request is `POST /api/resident` `submitReport` with a new requestId, a real description and address, a few metres of GPS scatter around the demo points (inside, on and near borders, in a gap, in a hole, far in the street), and one photo the submitting resident uploaded first through `POST /api/_files`. Eight residents take turns.',
      'Reports/s counts 2xx answers over wall time; p50/p99 are per-request latencies of those answers. After the host stops, every report id from a 2xx answer is looked up in its data file: all must be there.',
      'Raw rate: better-sqlite3 in the bench process, one ~1 KB JSON row per transaction, WAL + synchronous=FULL (the store\'s settings), same disk, measured before the host starts and again after it stopped; the ratio uses the higher of the two. A submission is one job of about seven rows (key, report, task, two timeline events, messages to grid staff) in the write thread\'s next group transaction, answered once that group committed.',
      'Use case alone: `submitReport(deps, resident, payload, requestId)` awaited in a loop in the bench process on a freshly seeded local stack (same store, same settings), after 200 warm-up calls: the submission without HTTP or concurrency. Each call waits for its own commit and fsync on the write thread, so this is a latency figure (one durable submission after another), not a capacity.',
      'Host CPU: user + system seconds of the host process (all its threads) from /proc over warm-up and measured load, divided by the requests answered.',
      'Peak memory: VmHWM of the host process from /proc at the end of the load (it includes start-up and seeding).',
    ],
    rows: [
      row('Submissions', rate, 'reports/s', { note: `${run.ok.toLocaleString('en-US')} reports in ${run.elapsed.toFixed(1)} s${problems.length ? `; failures: ${problems.join(', ')}` : '; no failures'}` }),
      row('Latency p50', run.p50Ms, 'ms'),
      row('Latency p99', p99, 'ms', { goal: '< 50 ms', met: p99 < 50, note: `slowest answer during the warm-up: ${run.warmMaxMs.toFixed(0)} ms` }),
      row('submitReport use case alone, one at a time (no HTTP)', direct.perSecond, 'reports/s', { note: `${direct.calls.toLocaleString('en-US')} calls in ${size.directSeconds} s, in the bench process, on a freshly seeded stack` }),
      row('Raw durable single-row inserts (better-sqlite3, WAL + FULL)', raw.rowsPerSecond, 'rows/s', {
        note: `the higher of ${Math.round(rawBefore.rowsPerSecond).toLocaleString('en-US')} rows/s before the load and ${Math.round(rawAfter.rowsPerSecond).toLocaleString('en-US')} after, ${size.rawSeconds} s each`,
      }),
      row('Submissions vs raw single-row inserts', ratio, '×', {
        goal: '≥ 1.0×', met: ratio >= 1,
        note: ratio >= 1 ? 'same run' : 'same run; submissions are BELOW the raw single-row insert rate',
      }),
      row('Acknowledged reports found in the data file', `${stored.toLocaleString('en-US')} of ${acknowledged.length.toLocaleString('en-US')}`, '', {
        goal: 'all', met: stored === acknowledged.length && acknowledged.length === run.reportIds.length,
        note: 'report ids from the 2xx answers (warm-up included), looked up after the host stopped',
      }),
      row('Host CPU per answered request', perAnswer(hostCpuSeconds), 'µs', { note: `${hostCpuSeconds.toFixed(1)} CPU s over ${(size.warmSeconds + size.loadSeconds)} s: host thread, write thread and Node's own threads` }),
      row('Load generator CPU per request', perAnswer(run.generatorCpuSeconds), 'µs', { note: `${run.generator}; on the same cores as the host` }),
      memory
        ? row('Peak memory of the local host (VmHWM)', memory.peakKB / 1024, 'MB', { note: `RSS ${(bootRssKB / 1024).toFixed(0)} MB after start-up, ${(memory.rssKB / 1024).toFixed(0)} MB at the end of the load` })
        : missing('Peak memory of the local host', '/proc not available on this OS'),
      ...(host.errors.length ? [row('Host errors logged', host.errors.length, 'lines', { note: host.errors[0].slice(0, 160) })] : []),
    ],
  }
}
