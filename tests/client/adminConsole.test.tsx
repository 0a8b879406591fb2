import './nutui'
import Taro from '@tarojs/taro'
import { act, fireEvent, render, waitFor } from '@testing-library/react'
import type { BulkMoveResult, ConsoleCounts, ConsolePage } from '../../shared/api'
import type { ApiResponse } from '../../shared/schemas/envelope'
import { saveUser } from '../../client/src/api/session'
import { setTransport } from '../../client/src/api/transport'
import AdminHomePage from '../../client/src/admin/index'
import AdminConsolePage from '../../client/src/admin/console/index'
import { fakeTransport, ok } from './fakeTransport'
import { el, tap, text } from './pageDom'
import { consoleGrids, HOUR, NOW, taskSummary } from './taskFixtures'

const taro = Taro as unknown as Record<string, jest.Mock>

const QUEUED = taskSummary({ taskId: 't-1', caseNumber: '2026112300001', status: 'submitted', gridId: null, gridName: null, holder: '幸福里社区分拨中心', queue: { scope: 'community', id: 'c1' }, version: 3 })
const LATE = taskSummary({
  taskId: 't-2', caseNumber: '2026112300002', status: 'accepted', overdue: true, dueAt: NOW - 2 * HOUR, version: 6,
  supervision: { count: 2, note: '请尽快', byName: '赵德华', at: NOW, overdue: false },
})
const ASKING = taskSummary({
  taskId: 't-3', caseNumber: '2026112300003', status: 'extension_requested', level: 'community', version: 2, dueSoon: true,
  extension: { days: 5, reason: '等配件', byName: '王建国', at: NOW },
})
const COUNTS: ConsoleCounts = { byLevel: { grid: 2, community: 1, street: 0, district: 0 }, overdue: 1, queued: 1, extensionRequests: 1 }
const COMMUNITY_AREA: ConsolePage['area'] = { scope: 'community', id: 'c1', name: '幸福里社区' }

type Handler = (action: string, payload: any) => ApiResponse<unknown> | undefined

async function setup(handler: Handler = () => undefined, page: Partial<ConsolePage> = {}) {
  const fake = fakeTransport((_fn, body) => {
    const answered = handler(body.action, body.payload)
    if (answered) return answered
    if (body.action === 'listConsole') return ok({ items: [QUEUED, LATE, ASKING], nextCursor: null, area: COMMUNITY_AREA, grids: consoleGrids.slice(0, 2), ...page })
    if (body.action === 'consoleCounts') return ok(COUNTS)
    return ok({})
  })
  setTransport(fake.transport)
  saveUser({ id: 'u_cdisp_1', name: '赵德华', role: 'community_dispatcher', roleName: '社区分拨员' })
  render(<AdminConsolePage />)
  await waitFor(() => expect(document.querySelector('[data-task-id=t-1]')).not.toBeNull())
  await waitFor(() => expect(text('console-view-queue')).toBe('待派单（1）'))
  const sent = (action: string) => fake.calls.filter((c) => c.body.action === action).map((c) => c.body.payload)
  return { ...fake, sent }
}

const row = (taskId: string) => document.querySelector(`[data-task-id=${taskId}]`) as HTMLElement
const toggle = async (taskId: string) => {
  await waitFor(() => expect(row(taskId)).not.toBeNull())
  await act(async () => { fireEvent.click(row(taskId).querySelector('[data-action=select]')!) })
}

test('the console opens on 待派单 with the counts on each tab and the levels in words', async () => {
  const { sent } = await setup()
  expect(sent('listConsole')[0]).toEqual({ view: 'queue', limit: 50 })
  expect(sent('consoleCounts')).toEqual([{}])
  expect(text('console-view-overdue')).toBe('已超时（1）')
  expect(text('console-view-all')).toBe('全部（3）')
  expect(text('console-level-grid')).toBe('绿色 · 网格级（2）')
  expect(text('console-level-community')).toBe('黄色 · 社区级（1）')
  expect(text('console-level-district')).toBe('红色 · 区级（0）')
  expect(text('console-extension-count')).toBe('有 1 件延期申请等待审批')
  expect(document.querySelector('.admin-title')!.textContent).toBe('分拨台 · 幸福里社区')
  // a community's dispatcher has no community to choose
  expect(document.getElementById('console-communities')).toBeNull()
  expect(text('console-grid-g2')).toBe('幸福里第二网格')
})

test('each row says its number, state, level, flags and holder in words', async () => {
  await setup()
  expect(row('t-1').textContent).toContain('工单编号 2026112300001')
  expect(row('t-1').querySelector('[data-status]')!.textContent).toBe('待派单')
  expect(row('t-1').querySelector('[data-field=holder]')!.textContent).toBe('当前在：幸福里社区分拨中心 · 东门')
  expect(row('t-2').querySelector('.inbox-overdue-words')!.textContent).toBe('已超时')
  expect(row('t-2').querySelector('[data-flag=supervised]')!.textContent).toBe('督办 2次')
  expect(row('t-3').querySelector('.level-tag')!.textContent).toBe('黄色 · 社区级')
  expect(row('t-3').querySelector('[data-flag=due-soon]')!.textContent).toBe('即将超时')
  expect(row('t-3').querySelector('[data-field=extension]')!.textContent).toBe('王建国申请延期5个工作日：等配件')
})

test('tabs, levels and grids narrow the list; tapping a row opens its task', async () => {
  const { sent } = await setup()
  await tap('console-view-overdue')
  await tap('console-level-community')
  await tap('console-grid-g2')
  expect(sent('listConsole').slice(-3)).toEqual([
    { view: 'overdue', limit: 50 },
    { view: 'overdue', limit: 50, level: 'community' },
    { view: 'overdue', limit: 50, level: 'community', gridId: 'g2' },
  ])
  expect(el('console-level-community').className).toContain('chip-on')
  await waitFor(() => expect(row('t-2')).not.toBeNull())
  fireEvent.click(row('t-2').querySelector('[data-action=open]')!)
  expect(taro.navigateTo).toHaveBeenLastCalledWith({ url: '/worker/task/index?id=t-2' })
})

test('督办 on the selected tasks sends one bulkMove with their versions and lists each failure by its case number', async () => {
  const result: BulkMoveResult = {
    done: 1, failed: 1,
    results: [{ taskId: 't-1', ok: true, version: 4 }, { taskId: 't-2', ok: false, code: 'CONFLICT', message: '该任务已被他人处理，请刷新后查看' }],
  }
  const { sent } = await setup((action) => (action === 'bulkMove' ? ok(result) : undefined))
  expect(document.getElementById('bulk-open-supervise')).toBeNull()
  await toggle('t-1')
  await toggle('t-2')
  expect(text('bulk-count')).toBe('已选 2 件')
  await tap('bulk-open-supervise')
  expect(text('bulk-form')).toContain('批量督办（2 件）')
  await tap('bulk-submit')
  expect(text('field-error-move')).toBe('请写明督办意见（至少2个字）')
  expect(sent('bulkMove')).toEqual([])

  fireEvent.change(document.querySelector('#bulk-move textarea')!, { target: { value: '请今天下班前处理' } })
  const listsBefore = sent('listConsole').length
  await tap('bulk-submit')
  expect(sent('bulkMove')).toEqual([{
    tasks: [{ taskId: 't-1', version: 3 }, { taskId: 't-2', version: 6 }],
    move: { type: 'supervise', note: '请今天下班前处理' },
  }])
  expect(text('bulk-summary')).toBe('已处理 1 件，1 件未成功')
  const failure = el('bulk-result').querySelector('[data-task-id=t-2]')!
  expect(failure.textContent).toContain('工单 2026112300002')
  expect(failure.textContent).toContain('该任务已被他人处理，请刷新后查看')
  expect(el('bulk-result').querySelector('[data-task-id=t-1]')).toBeNull()
  // the list and counts are read again, and nothing stays selected
  await waitFor(() => expect(sent('listConsole').length).toBe(listsBefore + 1))
  expect(sent('consoleCounts').length).toBeGreaterThanOrEqual(2)
  expect(document.getElementById('bulk-form')).toBeNull()
  expect(text('bulk-count')).toBe('未选择任务')
})

test('全选 takes every loaded task; 派单 sends the grid and the person chosen', async () => {
  const results = ['t-1', 't-2', 't-3'].map((taskId) => ({ taskId, ok: true, version: 9 }))
  const { sent } = await setup((action) => (action === 'bulkMove' ? ok({ done: 3, failed: 0, results }) : undefined))
  await tap('bulk-select-all')
  expect(text('bulk-count')).toBe('已选 3 件')
  await tap('bulk-open-assign')
  await tap('bulk-submit')
  expect(text('field-error-gridId')).toBe('请选择要派给的网格')
  await tap('bulk-assign-grid-g1')
  await tap('bulk-assign-staff-u_w1')
  await tap('bulk-submit')
  expect(sent('bulkMove')).toEqual([{
    tasks: [{ taskId: 't-1', version: 3 }, { taskId: 't-2', version: 6 }, { taskId: 't-3', version: 2 }],
    move: { type: 'assign', gridId: 'g1', assigneeId: 'u_w1' },
  }])
  expect(text('bulk-summary')).toBe('已处理 3 件')
})

test('批准延期 and 不批准 go out as one decision for all selected, the refusal with its reason', async () => {
  const { sent } = await setup((action) => (action === 'bulkMove' ? ok({ done: 1, failed: 0, results: [{ taskId: 't-3', ok: true, version: 3 }] }) : undefined))
  await toggle('t-3')
  await tap('bulk-open-refuse')
  await tap('bulk-submit')
  expect(text('field-error-move')).toBe('不批准延期时请写明审批意见')
  fireEvent.change(document.querySelector('#bulk-move textarea')!, { target: { value: '请按原期限办结' } })
  await tap('bulk-submit')
  expect(sent('bulkMove')).toEqual([{ tasks: [{ taskId: 't-3', version: 2 }], move: { type: 'decide_extension', approve: false, reason: '请按原期限办结' } }])

  await toggle('t-3')
  await tap('bulk-open-approve')
  await tap('bulk-submit')
  expect(sent('bulkMove')[1]).toEqual({ tasks: [{ taskId: 't-3', version: 2 }], move: { type: 'decide_extension', approve: true } })
})

test('上报 in bulk sends its reason', async () => {
  const { sent } = await setup((action) => (action === 'bulkMove' ? ok({ done: 1, failed: 0, results: [] }) : undefined))
  await toggle('t-1')
  await tap('bulk-open-escalate')
  fireEvent.change(document.querySelector('#bulk-move textarea')!, { target: { value: '需街道联合处置' } })
  await tap('bulk-submit')
  expect(sent('bulkMove')).toEqual([{ tasks: [{ taskId: 't-1', version: 3 }], move: { type: 'escalate', reason: '需街道联合处置' } }])
})

test('a new filter drops what was selected on the old list', async () => {
  await setup()
  await toggle('t-1')
  expect(text('bulk-count')).toBe('已选 1 件')
  await tap('console-view-all')
  await waitFor(() => expect(text('bulk-count')).toBe('未选择任务'))
})

test('a street dispatcher narrows to one of their communities, by name; counts and grids follow', async () => {
  const streetArea: ConsolePage['area'] = { scope: 'street', id: 's1', name: '华富街道' }
  const { sent } = await setup((action, p) => {
    if (action === 'listCommunities') return ok([{ id: 'c1', name: '幸福里社区', streetName: '华富街道', grids: [] }, { id: 'c2', name: '江南社区', streetName: '华富街道', grids: [] }, { id: 'c9', name: '别的社区', streetName: '别的街道', grids: [] }])
    if (action === 'listConsole') return ok({ items: [QUEUED], nextCursor: null, area: streetArea, grids: p.communityId ? consoleGrids.filter((g) => g.communityId === p.communityId) : consoleGrids })
    return undefined
  })
  await waitFor(() => expect(text('console-community-c2')).toBe('江南社区'))
  expect(document.getElementById('console-community-c9')).toBeNull()
  expect(text('console-grid-g3')).toBe('江南第一网格')
  await tap('console-community-c1')
  expect(sent('listConsole').at(-1)).toEqual({ view: 'queue', limit: 50, communityId: 'c1' })
  await waitFor(() => expect(sent('consoleCounts').at(-1)).toEqual({ communityId: 'c1' }))
  expect(document.getElementById('console-grid-g3')).toBeNull()
  expect(text('console-grid-g1')).toBe('幸福里第一网格')
  // the street's other community is still there to go back to
  expect(text('console-community-c2')).toBe('江南社区')
})

test('a 工单编号 opens its task; a wrong or unknown number is said beside the field', async () => {
  const found = taskSummary({ taskId: 't-9', caseNumber: '2026112300009' })
  const { sent } = await setup((action, p) => {
    if (action !== 'findCase') return undefined
    return p.caseNumber === '2026112300009' ? ok(found) : { ok: false, error: { code: 'NOT_FOUND', message: '没有找到该工单，或不在您的辖区内' } }
  })
  const type = (v: string) => fireEvent.change(el('case-search-input'), { target: { value: v } })
  type('12345')
  await tap('case-search-submit')
  expect(text('field-error-caseNumber')).toBe('工单编号应为13位数字，如 2026120100123')
  expect(sent('findCase')).toEqual([])

  type('2026112300008')
  expect(document.getElementById('field-error-caseNumber')).toBeNull()
  await tap('case-search-submit')
  expect(text('field-error-caseNumber')).toBe('没有找到该工单，或不在您的辖区内')

  type('2026112300009')
  await tap('case-search-submit')
  expect(sent('findCase').at(-1)).toEqual({ caseNumber: '2026112300009' })
  expect(taro.navigateTo).toHaveBeenLastCalledWith({ url: '/worker/task/index?id=t-9' })
})

test.each([
  ['community_dispatcher', '社区分拨员', true],
  ['street_dispatcher', '街道分拨员', true],
  ['district_admin', '区网格办管理员', true],
  ['grid_leader', '网格长', false],
] as const)('the admin home links a %s to the console: %s', async (role, roleName, shown) => {
  saveUser({ id: 'u_1', name: '某人', role, roleName })
  render(<AdminHomePage />)
  if (!shown) return expect(document.getElementById('admin-tool-console')).toBeNull()
  expect(text('admin-tool-console')).toContain('分拨台')
  await tap('admin-tool-console')
  expect(taro.navigateTo).toHaveBeenLastCalledWith({ url: '/admin/console/index' })
})

test('a large selection goes out in chunks that fit one CloudBase function run; a call that fails mid-way reports the tasks it did not reach', async () => {
  const { BULK_CHUNK, sendInChunks } = await import('../../client/src/admin/console/BulkForm')
  const tasks = Array.from({ length: BULK_CHUNK * 2 + 10 }, (_, i) => ({ taskId: `t-${i}`, version: 1 }))
  let calls = 0
  const fake = fakeTransport((_fn, body) => {
    calls++
    if (calls === 2) return { ok: false, error: { code: 'INTERNAL', message: '网络不稳定' } }
    const part = (body.payload as { tasks: { taskId: string }[] }).tasks
    return ok({ done: part.length, failed: 0, results: part.map((t) => ({ taskId: t.taskId, ok: true, version: 2 })) })
  })
  setTransport(fake.transport)
  const progress: number[] = []
  const r = await sendInChunks(tasks, { type: 'supervise', note: '统一督办' }, (n) => progress.push(n))
  expect(fake.calls.map((c) => (c.body.payload as { tasks: unknown[] }).tasks.length)).toEqual([BULK_CHUNK, BULK_CHUNK])
  expect(progress).toEqual([0, BULK_CHUNK])
  expect(r.done).toBe(BULK_CHUNK)
  expect(r.failed).toBe(BULK_CHUNK + 10)
  expect(r.results).toHaveLength(tasks.length)
  expect(r.results[BULK_CHUNK]).toMatchObject({ taskId: `t-${BULK_CHUNK}`, ok: false, code: 'INTERNAL', message: '未送达：网络不稳定' })
})
