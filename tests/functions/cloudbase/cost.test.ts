import { capacity, lifeCost, measureCloudbaseCost, registered, type CostRun } from '../../../scripts/bench/cloudbaseCost'
import { DECLARATION_LIFE, FIXTURES, REPORT_LIFE } from '../../../scripts/bench/cloudbaseFixtures'

// The bench's CloudBase cost table (scripts/bench/cloudbaseCost.ts) stays whole: every
// registered action has a fixture whose call succeeds, and what it costs is counted in whole
// requests. It says nothing of how long anything takes: the generous timeout is for a busy CI
// machine running it beside other suites (a run makes some hundred calls through the wire fake).
jest.setTimeout(240_000)
let run: CostRun
beforeAll(async () => {
  run = await measureCloudbaseCost()
})

const isCount = (n: number) => Number.isInteger(n) && n >= 0

describe('CloudBase cost per action', () => {
  it('has a fixture for every registered action, and none for an action that is gone', () => {
    const { actions } = registered()
    expect(actions.filter((a) => !FIXTURES[a])).toEqual([])
    expect(Object.keys(FIXTURES).filter((a) => !actions.includes(a))).toEqual([])
    expect(run.missing).toEqual([])
  })

  it('runs every fixture as a successful call', () => {
    expect(run.actions.map((a) => a.action)).toEqual(registered().actions)
    expect(run.actions.filter((a) => !a.ok).map((a) => `${a.action}: ${a.error}`)).toEqual([])
  })

  it('asks the database only what the wire database models, without conflicts', () => {
    expect([...run.actions, ...run.jobs].flatMap((a) => a.dbErrors)).toEqual([])
  })

  it('counts whole requests, and every call reads at least its caller', () => {
    for (const a of run.actions) {
      expect({ action: a.action, reads: a.reads > 0, counts: [a.reads, a.writes, a.transactions, a.openApi, a.storage].every(isCount) }).toEqual({ action: a.action, reads: true, counts: true })
    }
    for (const j of run.jobs) expect([j.reads, j.writes, j.transactions, j.openApi, j.changed].every(isCount)).toBe(true)
    expect(run.coldStart.reads).toBeGreaterThan(0)
  })

  it.each([["a report's", REPORT_LIFE], ["a declaration's", DECLARATION_LIFE]])('prices %s life from registered actions only, and turns it into so many a day', (_name, calls) => {
    expect(calls.map((c) => c.action).filter((a) => !registered().actions.includes(a))).toEqual([])
    const life = lifeCost(run.actions, calls)
    expect(life.unmeasured).toEqual([])
    expect(life.invocations).toBe(calls.reduce((n, c) => n + c.times, 0))
    const { byReads, byWrites, byFunctionCalls } = capacity(life)
    expect([byReads, byWrites, byFunctionCalls].every((n) => Number.isInteger(n) && n > 0)).toBe(true)
  })

  it('runs a full batch of the retention job: every due record of the batch changed', () => {
    const batch = run.jobs.find((j) => j.job === 'anonymiseExpired' && j.run.startsWith('a full batch'))
    expect(batch?.changed).toBeGreaterThanOrEqual(100)
    expect(batch!.writes).toBeGreaterThanOrEqual(batch!.changed)
  })
})
