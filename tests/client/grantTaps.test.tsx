import './nutui'
import Taro from '@tarojs/taro'
import { act, fireEvent, render, waitFor } from '@testing-library/react'
import type { SubscribeTemplates, TaskDetail } from '../../shared/api'
import { DEFAULT_CATALOGUE } from '../../shared/catalogue'
import { setTransport } from '../../client/src/api/transport'
import { prefetchGrantTemplates } from '../../client/src/lib/grants'
import ReportForm from '../../client/src/pages/report/ReportForm'
import ResolveForm from '../../client/src/worker/task/ResolveForm'
import TaskPage from '../../client/src/worker/task'
import { fakeTransport, ok } from './fakeTransport'
import { demoMapAnswer } from './map/fixtures'
import { NO_MOVES, taskDetail } from './taskFixtures'

// The three taps that precede a message ask for grants the way the mini-program does
// (grants.weapp.ts), and the person's action goes through whatever WeChat answers.
jest.mock('../../client/src/lib/grants', () => jest.requireActual('../../client/src/lib/grants.weapp'))

const taro = Taro as unknown as Record<string, jest.Mock>
// the stub's own helper (tests/client/stubs/taro.ts); Taro's real typings do not know it
const { __setRouterParams } = require('@tarojs/taro') as { __setRouterParams: (params: Record<string, string>) => void }
const TEMPLATES: SubscribeTemplates = { submit: ['tmpl-report-accepted', 'tmpl-report-resolved'], accept: ['tmpl-task-reopened'], resolve: ['tmpl-case-closed'], declare: ['tmpl-declaration-verified'] }
const NOW = Date.UTC(2026, 10, 23, 2, 0)
const routed = { reportId: 'rep-1', gridId: 'g1', gridName: '幸福里第一网格', status: 'assigned', routing: { outcome: 'inside', gridId: 'g1', gridVersion: 1, mapGeneration: 1, neighbourGridIds: [], distanceM: 0, communityId: 'c1', streetId: 's1' } }
const task = (over: Partial<TaskDetail> = {}): TaskDetail => taskDetail({ dueAt: NOW + 3600_000, createdAt: NOW, moves: { ...NO_MOVES, accept: true }, canAccept: true, ...over })
const ACCEPTED = { status: 'accepted', canAccept: false, canResolve: true, moves: { ...NO_MOVES, resolve: true } } as const

/** What happened, in order: the dialog opening and the calls reaching the functions. */
let log: string[]
let warn: jest.SpyInstance

beforeAll(async () => {
  setTransport(fakeTransport(() => ok(TEMPLATES)).transport)
  prefetchGrantTemplates()
  await new Promise((r) => setTimeout(r, 0))
})

beforeEach(() => {
  log = []
  warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined)
  taro.requestSubscribeMessage.mockReset()
  taro.requestSubscribeMessage.mockImplementation(async ({ tmplIds }: { tmplIds: string[] }) => {
    log.push(`ask ${tmplIds.join(',')}`)
    return Object.fromEntries(tmplIds.map((id) => [id, 'accept']))
  })
  taro.getLocation.mockResolvedValue({ longitude: 114.057, latitude: 22.543, accuracy: 15 })
  taro.chooseMedia.mockResolvedValue({ tempFiles: [{ tempFilePath: 'wxfile://tmp_photo.jpg' }] })
})
afterEach(() => warn.mockRestore())

/** A transport that logs every call; recordGrants answers with `grants` (a failure by default: it must not matter). */
function wire(answer: (action: string, payload: unknown) => unknown, grants: () => unknown = () => { throw new Error('request:fail') }) {
  const fake = fakeTransport((fn, body) => {
    log.push(`${fn}.${body.action}`)
    return (body.action === 'recordGrants' ? grants() : answer(body.action, body.payload)) as never
  })
  setTransport(fake.transport)
  return fake
}

const tap = async (id: string) => { await act(async () => { fireEvent.click(document.getElementById(id)!) }) }
/** Taps and tells what WeChat was asked before the handler's first await; then lets it finish. */
async function tapAndSeeAsked(id: string) {
  act(() => { fireEvent.click(document.getElementById(id)!) })
  const askedInTap = taro.requestSubscribeMessage.mock.calls.map(([o]) => o.tmplIds)
  await act(async () => undefined)
  return askedInTap
}

describe('the report submit tap', () => {
  async function filledForm(grants?: () => unknown) {
    // the place's calls (which grid the point is in) are answered from the demo street's map
    const fake = wire((action, payload) => demoMapAnswer(action, payload) ?? ok(routed), grants)
    const onSubmitted = jest.fn()
    render(<ReportForm catalogue={DEFAULT_CATALOGUE} onSubmitted={onSubmitted} />)
    await waitFor(() => expect(document.getElementById('location-place')?.textContent).toMatch(/^该位置属于/))
    log.length = 0
    await tap('report-add-photo')
    await act(async () => { fake.uploads[0].resolve('cloud://env.bucket/photos/u_1/0123456789abcdef0123456789abcdef.jpg') })
    fireEvent.click(document.getElementById('category-garbage')!)
    fireEvent.change(document.querySelector('#report-description textarea')!, { target: { value: '小区东门垃圾三天没人清运' } })
    return { fake, onSubmitted }
  }

  test('asks for the submit grants before the report is sent, then records the answers', async () => {
    const { onSubmitted } = await filledForm(() => ok({ recorded: 2 }))
    expect(await tapAndSeeAsked('report-submit')).toEqual([['tmpl-report-accepted', 'tmpl-report-resolved']])
    await waitFor(() => expect(log).toContain('user.recordGrants'))
    // the "me too" list asks on its own once a category and a place are known; the tap's order is what counts
    expect(log.filter((l) => l !== 'resident.nearbyReports').slice(0, 2)).toEqual(['ask tmpl-report-accepted,tmpl-report-resolved', 'resident.submitReport'])
    expect(onSubmitted).toHaveBeenCalledWith(routed)
  })

  test('a form that goes back with red text asks nothing', async () => {
    wire(() => ok(routed))
    render(<ReportForm catalogue={DEFAULT_CATALOGUE} onSubmitted={jest.fn()} />)
    await tap('report-submit')
    expect(document.getElementById('field-error-description')).not.toBeNull()
    expect(taro.requestSubscribeMessage).not.toHaveBeenCalled()
  })

  test('the report is sent when the dialog fails', async () => {
    taro.requestSubscribeMessage.mockRejectedValue({ errCode: 20004, errMsg: 'requestSubscribeMessage:fail' })
    const { onSubmitted } = await filledForm()
    await tap('report-submit')
    expect(onSubmitted).toHaveBeenCalledWith(routed)
    expect(log).not.toContain('user.recordGrants')
  })

  test('the report is sent while the dialog is still open', async () => {
    taro.requestSubscribeMessage.mockReturnValue(new Promise(() => undefined))
    const { onSubmitted } = await filledForm()
    await tap('report-submit')
    expect(onSubmitted).toHaveBeenCalledWith(routed)
  })

  test('the report is sent and nothing is shown when recording the answers fails', async () => {
    const { onSubmitted } = await filledForm()
    await tap('report-submit')
    await waitFor(() => expect(warn).toHaveBeenCalled())
    expect(onSubmitted).toHaveBeenCalledWith(routed)
    expect(document.getElementById('report-form-error')).toBeNull()
  })
})

test('the accept tap asks for the accept grants before the task is accepted', async () => {
  __setRouterParams({ id: 'task-1' })
  wire((action) => ok(action === 'getTask' ? task() : task({ ...ACCEPTED, version: 2 })))
  render(<TaskPage />)
  await waitFor(() => expect(document.getElementById('task-accept')).not.toBeNull())
  log.length = 0
  expect(await tapAndSeeAsked('task-accept')).toEqual([['tmpl-task-reopened']])
  expect(log.slice(0, 2)).toEqual(['ask tmpl-task-reopened', 'worker.acceptTask'])
  await waitFor(() => expect(document.getElementById('task-notice')?.textContent).toBe('已签收，请尽快到现场处理'))
})

test('the resolve tap asks for the resolve grants before the result is sent, and a failing dialog does not stop it', async () => {
  taro.requestSubscribeMessage.mockImplementation(({ tmplIds }: { tmplIds: string[] }) => {
    log.push(`ask ${tmplIds.join(',')}`)
    return Promise.reject({ errMsg: 'requestSubscribeMessage:fail cancel' })
  })
  const fake = wire(() => ok(task({ status: 'resolved', canResolve: false, canAccept: false, moves: NO_MOVES, version: 3 })))
  const onDone = jest.fn()
  render(<ResolveForm task={task({ ...ACCEPTED, version: 2 })} onDone={onDone} onConflict={jest.fn()} />)
  fireEvent.change(document.querySelector('#resolve-text textarea')!, { target: { value: '已联系物业清走楼道纸箱' } })
  await tap('resolve-add-photo')
  await act(async () => { fake.uploads[0].resolve('cloud://env.bucket/photos/u_2/0123456789abcdef0123456789abcdef.jpg') })
  expect(await tapAndSeeAsked('task-resolve')).toEqual([['tmpl-case-closed']])
  expect(log).toEqual(['ask tmpl-case-closed', 'worker.resolveTask'])
  expect(onDone).toHaveBeenCalled()
})
