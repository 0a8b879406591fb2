import fc from 'fast-check'
import * as z from 'zod'
import { ALL_ACTIONS, CONTRACTS, FUNCTION_NAMES, type Contract, type FunctionName } from '../../shared/contracts'
import { ERROR_CODES, type ErrorCode } from '../../shared/errors'
import type { User } from '../../shared/model'
import { ROLES, type Role } from '../../shared/roles'
import { dispatch } from '../../cloudfunctions/app/dispatch'
import { policyOf } from '../../cloudfunctions/app/policy'
import { hostileValue } from './arbitraries'
import { FIXTURES, openFuzzWorld, type ActionKey, type World } from './fuzzWorld'
import { bodyOf, brokenEnvelope, payloadOf, schemaPaths, valuePaths, withValueAt } from './payloads'

// Property-based fuzzing of every registered action through dispatch (issue "Hardening"):
// whatever the body and whoever sends it, the answer is a well-formed envelope, never
// INTERNAL, and a refusal stores nothing. FUZZ_RUNS sets the runs per action: 2000 keeps
// the file near 30 s on two cores; a nightly run can afford more.
const RUNS = Number(process.env.FUZZ_RUNS ?? 2000)
// A request that holds the process this long starves every other one (the local host is one
// process; a CloudBase function is cut off at its timeout), whatever it answers in the end.
const TIMEOUT_MS = 180_000

const answerSchema = z.union([
  z.strictObject({ ok: z.literal(true), data: z.unknown() }),
  z.strictObject({
    ok: z.literal(false),
    error: z.strictObject({
      code: z.enum(Object.keys(ERROR_CODES) as [ErrorCode, ...ErrorCode[]]),
      message: z.string().regex(/\p{Script=Han}/u, 'a message in Chinese'),
      fields: z.record(z.string(), z.string().min(1)).optional(),
      retryAfterS: z.number().int().positive().optional(),
      // CONFLICT with a record that already holds it (a person registered at the room)
      existing: z.strictObject({ kind: z.enum(['resident', 'declaration']), id: z.string().min(1) }).optional(),
    }),
  }),
])

const keyOf = (a: { fn: string; action: string }) => `${a.fn}.${a.action}` as ActionKey
const contractOf = (fn: FunctionName, action: string) => (CONTRACTS[fn] as Record<string, Contract>)[action]

let w: World
let consoleError: jest.SpiedFunction<typeof console.error>
beforeAll(async () => {
  w = await openFuzzWorld()
  consoleError = jest.spyOn(console, 'error').mockImplementation(() => undefined)
}, 60_000)
afterAll(async () => {
  consoleError.mockRestore()
  await w.close()
})

const prototypeKeys = () => Object.getOwnPropertyNames(Object.prototype).join()
const logged = (args: unknown[]) => args.map((a) => (a instanceof Error ? a.stack?.split('\n').slice(0, 5).join('\n') : String(a))).join(' ')

/** Sends one body and holds the answer and the store to the properties; true when the payload got past the schema. */
async function attack(fn: string, caller: User | null, body: unknown): Promise<boolean> {
  const errorsBefore = consoleError.mock.calls.length
  const prototypeBefore = prototypeKeys()
  let reached = false
  // dispatch hands the ports on only once the payload passed its schema
  const deps = new Proxy(w.stack.deps, { get: (target, key) => ((reached = true), Reflect.get(target, key)) })
  const answer = await dispatch(deps, fn, body, caller)

  expect(consoleError.mock.calls.slice(errorsBefore).map(logged)).toEqual([])
  expect(answerSchema.safeParse(answer).error?.issues ?? []).toEqual([])
  expect(Object.hasOwn(answer, answer.ok ? 'data' : 'error')).toBe(true)
  expect(answer.ok ? 'ok' : answer.error.code).not.toBe('INTERNAL')
  expect(typeof JSON.stringify(answer)).toBe('string')
  expect(prototypeKeys()).toBe(prototypeBefore)
  expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  if (answer.ok) w.watch.refresh()
  else expect(w.watch.changes()).toEqual([])
  // a person refused for going too fast waits as told (the movable clock), so later runs reach the use case again
  if (!answer.ok && answer.error.retryAfterS) w.stack.clock.advance(Math.ceil(answer.error.retryAfterS / 60))
  return reached || answer.ok
}

/** Mostly the fixture's caller; also the other roles allowed, roles not allowed, and nobody. */
function callerOf(fn: FunctionName, action: string, own: Role): fc.Arbitrary<User | null> {
  const allowed = policyOf(fn, action)?.roles ?? []
  const refused = ROLES.filter((r) => !allowed.includes(r))
  const roles = fc.oneof(
    { arbitrary: fc.constant(own), weight: 14 },
    { arbitrary: fc.constantFrom(...allowed), weight: 3 },
    ...(refused.length ? [{ arbitrary: fc.constantFrom(...refused), weight: 2 }] : []),
  )
  return fc.oneof({ arbitrary: roles.map((r) => w.callers[r]), weight: 19 }, { arbitrary: fc.constant(null), weight: 1 })
}

describe('the fuzz fixture table', () => {
  it('has a valid payload for every registered action', () => {
    expect(ALL_ACTIONS.map(keyOf).filter((k) => !FIXTURES[k])).toEqual([])
  })

  it('names only registered actions', () => {
    const registered = new Set(ALL_ACTIONS.map(keyOf))
    expect(Object.keys(FIXTURES).filter((k) => !registered.has(k as ActionKey))).toEqual([])
  })

  it('is watched by a store snapshot that sees what a call stores', async () => {
    w.watch.refresh()
    const sent = await dispatch(w.stack.deps, 'resident', { action: 'submitReport', payload: FIXTURES['resident.submitReport']!.valid(w) }, w.callers.resident)
    expect(sent.ok).toBe(true)
    expect(w.watch.changes()).toEqual(expect.arrayContaining([expect.stringMatching(/^reports: \d+ → \d+ rows$/), expect.stringMatching(/^tasks: /)]))
    w.watch.refresh()
    const read = await dispatch(w.stack.deps, 'user', { action: 'markMessagesRead', payload: {} }, w.callers.grid_worker)
    expect(read.ok).toBe(true)
    expect(w.watch.changes()).toContain('messages: updated')
    w.watch.refresh()
  })

  it.each(ALL_ACTIONS.filter((a) => FIXTURES[keyOf(a)]).map((a) => [keyOf(a), a] as const))('holds a payload of %s its schema accepts, sent by a role the policy allows', (_key, { fn, action }) => {
    const fixture = FIXTURES[keyOf({ fn, action })]!
    expect(contractOf(fn, action).schema.safeParse(fixture.valid(w)).error?.issues ?? []).toEqual([])
    expect(policyOf(fn, action)?.roles).toContain(fixture.caller)
  })
})

describe('a malformed payload', () => {
  /** The fixture's valid payload with one field removed or of the wrong type, or no object at all: each one its schema refuses. */
  const malformed = (valid: Record<string, unknown>, schema: z.ZodType) => {
    const seen = new Set<string>()
    const paths = [...valuePaths(valid), ...schemaPaths(schema)].filter((p) => !seen.has(p.join('.')) && !!seen.add(p.join('.')))
    const whole = { path: '_', how: 'not an object', payload: '不是对象' as unknown }
    return [whole, ...paths.flatMap((p) => {
      const at = p.reduce<unknown>((o, k) => (o && typeof o === 'object' ? (o as Record<string, unknown>)[k] : undefined), valid)
      const wrong = at !== null && typeof at === 'object' ? '不是对象' : { wrong: true }
      return [{ path: p.join('.'), how: 'removed', payload: withValueAt(valid, p, undefined, true) }, { path: p.join('.'), how: 'of the wrong type', payload: withValueAt(valid, p, wrong) }]
    })].filter((m) => !schema.safeParse(m.payload).success)
  }
  /** A field named by its path, or by the object or list it sits in (a union names the whole), or by one inside it. */
  const names = (field: string, path: string) => field === path || path.startsWith(`${field}.`) || field.startsWith(`${path}.`)

  it.each(ALL_ACTIONS.filter((a) => FIXTURES[keyOf(a)]).map((a) => [keyOf(a), a] as const))(
    'of %s, a field removed or of the wrong type, is refused as VALIDATION naming that field, and nothing changes',
    async (_key, { fn, action }) => {
      const fixture = FIXTURES[keyOf({ fn, action })]!
      w.watch.refresh()
      const refusals = []
      for (const m of malformed(fixture.valid(w), contractOf(fn, action).schema)) {
        const answer = await dispatch(w.stack.deps, fn, { action, payload: m.payload }, w.callers[fixture.caller])
        const fields = answer.ok ? [] : Object.keys(answer.error.fields ?? {})
        refusals.push(`${m.path} ${m.how}: ${answer.ok ? 'ok' : answer.error.code}${fields.some((f) => names(f, m.path)) ? '' : ` naming ${fields.join(', ') || 'no field'}`}`)
        expect(w.watch.changes()).toEqual([])
      }
      expect(refusals).toEqual(refusals.map((r) => `${r.split(':')[0]}: VALIDATION`))
    },
  )
})

describe('every action under fuzzing', () => {
  it.each(ALL_ACTIONS.map((a) => [keyOf(a), a] as const))(
    '%s answers every payload with a well-formed envelope, never INTERNAL, and stores nothing when it refuses',
    async (_key, { fn, action }) => {
      const fixture = FIXTURES[keyOf({ fn, action })] ?? { caller: policyOf(fn, action)!.roles[0], valid: () => ({}) }
      const payloads = payloadOf(fixture.valid(w), contractOf(fn, action).schema)
      let reached = 0
      await fc.assert(
        fc.asyncProperty(callerOf(fn, action, fixture.caller), bodyOf(action, payloads), async (caller, body) => {
          if (await attack(fn, caller, body)) reached++
        }),
        { numRuns: RUNS },
      )
      // the near-valid payloads are the point: without them the fuzz never leaves the schema
      expect(reached).toBeGreaterThan(RUNS * 0.05)
    },
    TIMEOUT_MS,
  )

  it('answers broken envelopes sent to any function, or to none, with a well-formed envelope, never INTERNAL', async () => {
    const fns = fc.constantFrom<string>(...FUNCTION_NAMES, '__proto__', 'constructor', 'toString', '', 'USER', 'user ', 'nope')
    const actions = fc.constantFrom(...ALL_ACTIONS.map((a) => a.action))
    const caller = fc.option(fc.constantFrom(...ROLES).map((r) => w.callers[r]), { nil: null, freq: 10 })
    await fc.assert(
      fc.asyncProperty(fns, actions.chain((a) => brokenEnvelope(a, hostileValue)), caller, async (fn, body, who) => {
        await attack(fn, who, body)
      }),
      { numRuns: RUNS * 2 },
    )
  }, TIMEOUT_MS)
})
