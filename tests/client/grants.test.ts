import type { SubscribeTemplates } from '../../shared/api'
import type { fakeTransport as FakeTransport } from './fakeTransport'

// The mini-program's grant helper (grants.weapp.ts). Its template ids are cached once per
// launch, so every test starts from freshly loaded modules, the Taro stub included.
type Grants = typeof import('../../client/src/lib/grants.weapp')

const TEMPLATES: SubscribeTemplates = { submit: ['tmpl-accepted', 'tmpl-resolved', 'tmpl-closed', 'tmpl-fourth'], accept: ['tmpl-accepted'], resolve: [], declare: [] }
const flush = () => new Promise((r) => setTimeout(r, 0))

let grants: Grants
let ask: jest.Mock
let fake: ReturnType<typeof FakeTransport>
let warn: jest.SpyInstance

function load(answers: (fn: string, action: string) => unknown = () => ({ ok: true, data: { recorded: 1 } })) {
  jest.resetModules()
  ask = require('@tarojs/taro').default.requestSubscribeMessage
  const { fakeTransport } = require('./fakeTransport') as { fakeTransport: typeof FakeTransport }
  fake = fakeTransport((fn, body) => (body.action === 'subscribeTemplates' ? { ok: true, data: TEMPLATES } : answers(fn, body.action)) as never)
  require('../../client/src/api/transport').setTransport(fake.transport)
  grants = require('../../client/src/lib/grants.weapp')
}

async function loaded(answers?: Parameters<typeof load>[0]) {
  load(answers)
  grants.prefetchGrantTemplates()
  await flush()
}

const recorded = () => fake.calls.filter((c) => c.body.action === 'recordGrants').map((c) => c.body.payload)

beforeEach(() => { warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined) })
afterEach(() => warn.mockRestore())

test('the tap asks WeChat at once, with the cached ids for that tap, at most three', async () => {
  await loaded()
  ask.mockResolvedValue({ errMsg: 'requestSubscribeMessage:ok' })
  grants.requestGrants('submit')
  // no await in between: WeChat shows the dialog only from inside the tap
  expect(ask).toHaveBeenCalledWith({ tmplIds: ['tmpl-accepted', 'tmpl-resolved', 'tmpl-closed'] })
  grants.requestGrants('accept')
  expect(ask).toHaveBeenLastCalledWith({ tmplIds: ['tmpl-accepted'] })
})

test('the answers are recorded with user.recordGrants, each template with its answer', async () => {
  await loaded()
  ask.mockResolvedValue({ errMsg: 'requestSubscribeMessage:ok', 'tmpl-accepted': 'accept', 'tmpl-resolved': 'reject', 'tmpl-closed': 'ban' })
  grants.requestGrants('submit')
  await flush()
  expect(recorded()).toEqual([{ answers: { 'tmpl-accepted': 'accept', 'tmpl-resolved': 'reject', 'tmpl-closed': 'ban' } }])
})

test('answers for ids that were not asked, and unknown answers, are left out', async () => {
  await loaded()
  ask.mockResolvedValue({ errMsg: 'requestSubscribeMessage:ok', 'tmpl-accepted': 'filter', 'tmpl-resolved': 'maybe', 'tmpl-other': 'accept' })
  grants.requestGrants('submit')
  await flush()
  expect(recorded()).toEqual([{ answers: { 'tmpl-accepted': 'filter' } }])
})

test('the template ids are fetched once per launch', async () => {
  await loaded()
  grants.prefetchGrantTemplates()
  grants.prefetchGrantTemplates()
  await flush()
  expect(fake.calls.filter((c) => c.body.action === 'subscribeTemplates')).toHaveLength(1)
})

test('a failed fetch asks nothing, quietly, and is tried again on the next page load', async () => {
  load()
  let fails = true
  const real = fake.transport.call
  fake.transport.call = (fn, body) => (fails && body.action === 'subscribeTemplates' ? Promise.reject(new Error('request:fail')) : real(fn, body))
  grants.prefetchGrantTemplates()
  await flush()
  grants.requestGrants('submit')
  expect(ask).not.toHaveBeenCalled()
  expect(warn).toHaveBeenCalled()
  fails = false
  grants.prefetchGrantTemplates()
  await flush()
  ask.mockResolvedValue({})
  grants.requestGrants('submit')
  expect(ask).toHaveBeenCalledTimes(1)
})

test('a tap with no templates configured asks nothing and records nothing', async () => {
  await loaded()
  grants.requestGrants('resolve')
  await flush()
  expect(ask).not.toHaveBeenCalled()
  expect(recorded()).toEqual([])
})

test('a tap before the template ids arrived asks nothing rather than wait', () => {
  load()
  grants.requestGrants('submit')
  expect(ask).not.toHaveBeenCalled()
})

test('a refused or failing dialog records nothing and throws nothing', async () => {
  await loaded()
  ask.mockRejectedValueOnce({ errCode: 20004, errMsg: 'requestSubscribeMessage:fail the main switch is switched off' })
  expect(() => grants.requestGrants('submit')).not.toThrow()
  ask.mockImplementationOnce(() => { throw new Error('requestSubscribeMessage is not a function') })
  expect(() => grants.requestGrants('accept')).not.toThrow()
  await flush()
  expect(recorded()).toEqual([])
  expect(warn).toHaveBeenCalledTimes(2)
})

test('a failing recordGrants is swallowed with a quiet log', async () => {
  await loaded(() => { throw new Error('request:fail timeout') })
  ask.mockResolvedValue({ 'tmpl-accepted': 'accept' })
  expect(() => grants.requestGrants('accept')).not.toThrow()
  await flush()
  expect(warn).toHaveBeenCalledTimes(1)
})

test('outside WeChat (grants.ts) nothing is fetched and nothing is asked', async () => {
  load()
  const h5 = require('../../client/src/lib/grants') as typeof import('../../client/src/lib/grants')
  h5.prefetchGrantTemplates()
  h5.requestGrants('submit')
  await flush()
  expect(fake.calls).toEqual([])
  expect(ask).not.toHaveBeenCalled()
})
