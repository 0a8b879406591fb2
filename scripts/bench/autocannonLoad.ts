import autocannon from 'autocannon'
import type { RunningHost } from './localHost'
import { processCpuSeconds, type LoadRun, type Reporter } from './loadRun'
import { reportPayload } from './reportPayload'
import { percentile, sortedCopy } from './types'

// The load from autocannon, in this Node process: the fallback where wrk is not installed.
// It costs ~110 µs of CPU a request, taken from the two cores the host also runs on.

/**
 * One autocannon run of warm + load seconds; every request gets the next sequence number, so
 * every requestId is new. Only answers that arrive after the warm-up count: while the
 * connections open, accepts queue behind a busy event loop and the JIT is still cold.
 */
export async function autocannonLoad(host: RunningHost, reporters: Reporter[], connections: number, warmSeconds: number, loadSeconds: number): Promise<LoadRun> {
  const cpuBefore = processCpuSeconds('self')
  let seq = 0
  const setupRequest = (req: autocannon.Request): autocannon.Request => {
    const i = seq++
    const who = reporters[i % reporters.length]
    req.headers = { 'content-type': 'application/json', authorization: `Bearer ${who.token}` }
    req.body = JSON.stringify({ action: 'submitReport', requestId: `bench-${i}`, payload: reportPayload(i, who.fileId) })
    return req
  }
  const reportIds: string[] = []
  const onResponse = (status: number, body: string) => {
    if (status >= 200 && status < 300) reportIds.push((JSON.parse(body) as { data: { reportId: string } }).data.reportId)
  }
  const answers: { at: number; ms: number; status: number }[] = []
  const t0 = process.hrtime.bigint()
  const sinceStart = () => Number(process.hrtime.bigint() - t0) / 1e9
  const instance = autocannon({
    url: host.url, connections, duration: warmSeconds + loadSeconds, timeout: 30,
    requests: [{ method: 'POST', path: '/api/resident', setupRequest, onResponse }],
  })
  instance.on('response', (_client: unknown, status: number, _bytes: number, ms: number) => answers.push({ at: sinceStart(), ms, status }))
  const result = await instance
  const end = sinceStart()
  const measured = answers.filter((a) => a.at >= warmSeconds)
  const ok = measured.filter((a) => a.status >= 200 && a.status < 300)
  const latencies = sortedCopy(ok.map((a) => a.ms))
  const statuses = new Map<number, number>()
  for (const a of measured) statuses.set(a.status, (statuses.get(a.status) ?? 0) + 1)
  const failed = [...statuses].filter(([s]) => s < 200 || s >= 300).map(([s, n]) => `${n} × HTTP ${s}`)
  return {
    generator: 'autocannon (in the bench process; wrk not found)',
    ok: ok.length,
    elapsed: end - warmSeconds,
    p50Ms: percentile(latencies, 50),
    p99Ms: percentile(latencies, 99),
    warmMaxMs: Math.max(0, ...answers.filter((a) => a.at < warmSeconds).map((a) => a.ms)),
    problems: [...failed, ...(result.errors ? [`${result.errors} connection errors`] : []), ...(result.timeouts ? [`${result.timeouts} timeouts`] : [])],
    reportIds,
    generatorCpuSeconds: processCpuSeconds('self') - cpuBefore,
    answers: answers.length,
  }
}
