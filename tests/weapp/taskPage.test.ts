/** @jest-environment jsdom */
// miniprogram-simulate needs a DOM; the weapp project's default environment is node.
import type { TaskDetail } from '../../shared/api'
import { fakeFunctions, renderPage, textOf, until } from './simulate'

// WeChat shows the subscription dialog only when requestSubscribeMessage runs inside the tap,
// before any awaited call: this checks that on the compiled output, through Taro's event path
// and NutUI's button.

type WxOptions = { tmplIds?: string[]; success?: (r: unknown) => void }
const wx = () => (globalThis as unknown as { wx: Record<string, unknown> }).wx

const NOW = Date.UTC(2026, 10, 23, 2, 0)
const MOVES: TaskDetail['moves'] = {
  accept: true, resolve: false, escalate: false, transferTo: [], refuseTransfer: false, return: false, requestExtension: false, decideExtension: false, supervise: false, assign: false, merge: false,
}
const task = (over: Partial<TaskDetail> = {}): TaskDetail => ({
  taskId: 'task-1', reportId: 'rep-1', caseNumber: '2026112300007', dueNote: null, category: 'garbage', categoryName: '垃圾堆放', description: '小区东门垃圾三天没人清运', thumbnail: null,
  status: 'assigned', level: 'grid', gridId: 'g1', gridName: '幸福里第一网格', dueAt: NOW + 3600_000, overdue: false, nearBorder: false,
  dueSoon: false, reopenCount: 0, returnCount: 0, holder: '幸福里第一网格', queue: { scope: 'grid', id: 'g1' }, supervision: null, extension: null, transfer: null,
  version: 1, createdAt: NOW, photos: [], location: { lng: 114.057, lat: 22.543 },
  routing: { outcome: 'inside', gridId: 'g1', gridVersion: 1, mapGeneration: 1, neighbourGridIds: [], distanceM: 0, communityId: 'c1', streetId: 's1' },
  acceptDueAt: NOW + 3600_000, resolveDueAt: null, result: null, rating: null, timeline: [], reporter: { name: '王阿姨', phoneMasked: '138****0000' },
  canAccept: true, canResolve: false, moves: MOVES, department: '社区环卫站', followerCount: 0, onBehalf: null, mergedInto: null, ...over,
})

/** Function calls in the order they left the phone, with their payloads. */
const sent: { action?: string; payload?: unknown }[] = []
const asked: { tmplIds?: string[]; sentBefore: (string | undefined)[] }[] = []

beforeAll(() => {
  require('miniprogram-simulate') // installs the global `wx` that the shim below amends
  const answers: Record<string, unknown> = {
    subscribeTemplates: { submit: [], accept: ['tmpl-task-reopened'], resolve: [], declare: [] },
    getTask: task(),
    acceptTask: task({ status: 'accepted', version: 2, canAccept: false, canResolve: true, moves: { ...MOVES, accept: false, resolve: true } }),
    recordGrants: { recorded: 1 },
  }
  fakeFunctions((_fn, call) => {
    sent.push(call)
    const data = answers[call.action ?? '']
    return data ? { ok: true, data } : { ok: false, error: { code: 'NOT_FOUND', message: '记录不存在或已删除' } }
  })
  // must exist before the app launches: Taro wraps the wx APIs it finds at that moment
  wx().requestSubscribeMessage = (o: WxOptions) => {
    asked.push({ tmplIds: o.tmplIds, sentBefore: sent.map((s) => s.action) })
    setTimeout(() => o.success?.({ errMsg: 'requestSubscribeMessage:ok', 'tmpl-task-reopened': 'accept' }), 0)
  }
})

test('签收 asks for the accept grants inside the tap, before acceptTask leaves, and records the answer', async () => {
  const { page } = renderPage('worker/task/index', { id: 'task-1' })
  await until(() => page.querySelector('#task-accept') !== undefined && sent.some((s) => s.action === 'subscribeTemplates'))
  await new Promise((r) => setTimeout(r, 20)) // the template ids have arrived

  page.querySelector('#task-accept').dispatchEvent('tap')
  // j-component delivers the tap one microtask later (as WeChat's own dispatch is async); a
  // microtask queued now runs right after the handler's synchronous part, before anything it awaits
  const askedInTap = await Promise.resolve().then(() => [...asked])
  expect(askedInTap).toEqual([{ tmplIds: ['tmpl-task-reopened'], sentBefore: ['subscribeTemplates', 'getTask'] }])

  await until(() => textOf(page).includes('已签收，请尽快到现场处理'))
  await until(() => sent.some((s) => s.action === 'recordGrants'))
  expect(sent.map((s) => s.action)).toEqual(['subscribeTemplates', 'getTask', 'acceptTask', 'recordGrants'])
  expect(sent[3].payload).toEqual({ answers: { 'tmpl-task-reopened': 'accept' } })
})
