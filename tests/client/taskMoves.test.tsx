import './nutui'
import Taro from '@tarojs/taro'
import { act, fireEvent, waitFor } from '@testing-library/react'
import type { ApiResponse } from '../../shared/schemas/envelope'
import { setLargeText } from '../../client/src/lib/largeText'
import { ok } from './fakeTransport'
import { openTaskPage } from './taskPageHarness'
import { el, tap, text } from './pageDom'
import { consoleGrids, HOUR, NO_MOVES, taskDetail } from './taskFixtures'

const taro = Taro as unknown as Record<string, jest.Mock>

const NEAR_BORDER = { ...NO_MOVES, escalate: true, return: true, requestExtension: true, transferTo: [{ gridId: 'g2', gridName: '幸福里第二网格' }, { gridId: 'g3', gridName: '江南第一网格' }] }
const ACCEPTED = taskDetail({ status: 'accepted', version: 4, moves: { ...NEAR_BORDER, resolve: true } })

const open = openTaskPage

const write = (formId: string, value: string, field = 'reason') => {
  fireEvent.change(document.querySelector(`#move-${formId}-${field} textarea`)!, { target: { value } })
}
const buttons = () => Array.from(document.querySelectorAll('#task-moves [id^=move-]')).map((b) => b.textContent)

test('the page shows the case number, the level in words, who holds it and the department', async () => {
  await open(taskDetail({ level: 'community', holder: '幸福里社区分拨中心', department: '社区综治办', returnCount: 1 }))
  expect(text('task-case-number')).toBe('工单编号：2026112300007')
  expect(text('task-level')).toBe('层级：黄色 · 社区级')
  expect(document.querySelector('.level-tag')!.textContent).toBe('黄色 · 社区级')
  expect(text('task-holder')).toBe('当前在：幸福里社区分拨中心')
  expect(text('task-department')).toBe('责任部门：社区综治办')
  expect(text('task-returns')).toBe('已退回1次（第3次将自动上报）')
})

test('banners say who supervised it and how often, a pending extension, a transfer and a near deadline, all in words', async () => {
  const at = Date.UTC(2026, 10, 23, 1, 0)
  await open(taskDetail({
    status: 'transferred', dueSoon: true, dueAt: Date.now() + 2 * HOUR,
    supervision: { count: 2, note: '居民多次来电，请今天处理', byName: '赵德华', at, overdue: false },
    extension: { days: 3, reason: '等物业配件', byName: '王建国', at },
    transfer: { fromGridId: 'g2', fromGridName: '幸福里第二网格', reason: '位置在马路对面', at, refusable: true },
  }))
  expect(text('task-banner-supervision')).toContain('督办（第2次）')
  expect(text('task-banner-supervision')).toContain('居民多次来电，请今天处理')
  expect(text('task-banner-supervision')).toContain('赵德华')
  expect(text('task-banner-extension')).toContain('延期申请待审批：延期3个工作日')
  expect(text('task-banner-extension')).toContain('原因：等物业配件')
  expect(text('task-banner-transfer')).toContain('由幸福里第二网格转派过来')
  expect(text('task-banner-transfer')).toContain('原因：位置在马路对面')
  expect(text('task-banner-transfer')).toContain('可拒收一次')
  expect(text('task-banner-due-soon')).toMatch(/^即将超时：还剩 1小时5\d分，请抓紧处理$/)
  expect(document.querySelector('[data-flag=due-soon]')!.textContent).toBe('即将超时')
  expect(document.getElementById('task-banner-overdue')).toBeNull()
})

test('a red task past its deadline under supervision says 超期督办 and 已超时', async () => {
  await open(taskDetail({
    level: 'district', overdue: true, dueAt: Date.now() - 26 * HOUR,
    supervision: { count: 1, note: '超期自动督办', byName: '系统', at: Date.now(), overdue: true },
    transfer: { fromGridId: 'g2', fromGridName: '幸福里第二网格', reason: '不属本网格', at: Date.now(), refusable: false },
  }))
  expect(text('task-banner-supervision')).toContain('超期督办（第1次）')
  expect(text('task-banner-overdue')).toBe('已超时：超出 1天2小时')
  expect(document.querySelector('.inbox-overdue-words')!.textContent).toBe('已超时')
  expect(text('task-banner-transfer')).toContain('本次转派不能再拒收')
})

test('the buttons are the moves the server offers, one per neighbouring grid for a transfer', async () => {
  await open(ACCEPTED)
  expect(buttons()).toEqual(['转派给幸福里第二网格', '转派给江南第一网格', '申请延期', '上报', '退回'])
  expect(document.getElementById('resolve-form')).not.toBeNull()
  expect(document.getElementById('task-accept')).toBeNull()
})

test('a task that offers nothing shows no buttons at all', async () => {
  await open(taskDetail({ status: 'resolved', moves: NO_MOVES }))
  expect(document.getElementById('task-moves')).toBeNull()
  expect(document.getElementById('task-accept')).toBeNull()
  expect(document.getElementById('resolve-form')).toBeNull()
})

test('上报 wants a reason beside the field, then sends it with the version seen and shows the task as it is now', async () => {
  const escalated = taskDetail({ status: 'escalated', level: 'community', holder: '幸福里社区分拨中心', version: 5, moves: NO_MOVES })
  const { sent } = await open(ACCEPTED, (action) => (action === 'escalateTask' ? ok(escalated) : ok({})))
  await tap('move-open-escalate')
  expect(text('move-escalate')).toContain('上报社区')
  await tap('move-escalate-submit')
  expect(text('field-error-reason')).toBe('请写明上报原因（至少2个字）')
  expect(sent('escalateTask')).toEqual([])

  write('escalate', '涉及多户业主，需社区协调')
  expect(document.getElementById('field-error-reason')).toBeNull()
  await tap('move-escalate-submit')
  expect(sent('escalateTask')).toEqual([{ taskId: 'task-1', version: 4, reason: '涉及多户业主，需社区协调' }])
  expect(text('task-notice')).toBe('已上报，由上级分拨中心派单')
  expect(text('task-holder')).toBe('当前在：幸福里社区分拨中心')
  expect(document.getElementById('task-moves')).toBeNull()
})

test('转派 goes to the grid tapped, with its reason', async () => {
  const moved = taskDetail({ status: 'transferred', version: 5, holder: '江南第一网格', moves: NO_MOVES })
  const { sent } = await open(ACCEPTED, () => ok(moved))
  await tap('move-open-transfer-g3')
  expect(text('move-transfer-submit')).toBe('确定转派给江南第一网格')
  write('transfer', '现场核实在马路对面')
  await tap('move-transfer-submit')
  expect(sent('transferTask')).toEqual([{ taskId: 'task-1', version: 4, toGridId: 'g3', reason: '现场核实在马路对面' }])
  expect(text('task-notice')).toBe('已转派给江南第一网格，等对方签收')
})

test('退回 sends its reason', async () => {
  const back = taskDetail({ status: 'returned', version: 5, moves: NO_MOVES })
  const first = await open(ACCEPTED, () => ok(back))
  await tap('move-open-return')
  write('return', '不属网格职责，需城管处理')
  await tap('move-return-submit')
  expect(first.sent('returnTask')).toEqual([{ taskId: 'task-1', version: 4, reason: '不属网格职责，需城管处理' }])
  expect(text('task-notice')).toBe('已退回分拨中心重新派单')
})

test('拒收 shows on a transfer the grid may refuse, and sends its reason', async () => {
  const transferred = taskDetail({ status: 'transferred', version: 2, moves: { ...NO_MOVES, accept: true, refuseTransfer: true },
    transfer: { fromGridId: 'g2', fromGridName: '幸福里第二网格', reason: '位置在马路对面', at: Date.now(), refusable: true } })
  const { sent } = await open(transferred, () => ok(taskDetail({ status: 'returned', version: 3 })))
  expect(document.getElementById('task-accept')).not.toBeNull()
  await tap('move-open-refuseTransfer')
  write('refuseTransfer', '现场核实不在本网格')
  await tap('move-refuseTransfer-submit')
  expect(sent('refuseTransfer')).toEqual([{ taskId: 'task-1', version: 2, reason: '现场核实不在本网格' }])
})

test('申请延期 checks the days (1–30) and the reason beside their fields, then sends both', async () => {
  const asked = taskDetail({ status: 'extension_requested', version: 5, moves: NO_MOVES })
  const { sent } = await open(ACCEPTED, () => ok(asked))
  await tap('move-open-requestExtension')
  await tap('move-extension-submit')
  expect(text('field-error-days')).toBe('请填写延期天数')
  expect(text('field-error-reason')).toBe('请写明延期原因（至少2个字）')

  fireEvent.change(el('move-extension-days'), { target: { value: '40' } })
  expect(document.getElementById('field-error-days')).toBeNull()
  write('extension', '等物业维修配件')
  await tap('move-extension-submit')
  expect(text('field-error-days')).toBe('延期最多30个工作日')
  expect(sent('requestExtension')).toEqual([])

  await tap('move-extension-days-3')
  await tap('move-extension-submit')
  expect(sent('requestExtension')).toEqual([{ taskId: 'task-1', version: 4, days: 3, reason: '等物业维修配件' }])
  expect(text('task-notice')).toBe('已提交延期申请，等上级审批')
})

test('a CONFLICT says the task changed and shows it as it is now', async () => {
  const conflict: ApiResponse<unknown> = { ok: false, error: { code: 'CONFLICT', message: '该任务当前状态为「已上报待派单」，不能退回，请刷新后查看' } }
  const fake = await open(ACCEPTED, () => conflict)
  fake.setCurrent(taskDetail({ status: 'escalated', version: 5, holder: '幸福里社区分拨中心', moves: NO_MOVES }))
  await tap('move-open-return')
  write('return', '不属网格职责')
  await tap('move-return-submit')
  await waitFor(() => expect(text('task-holder')).toBe('当前在：幸福里社区分拨中心'))
  expect(fake.sent('getTask')).toHaveLength(2)
  expect(text('task-notice')).toBe('该任务当前状态为「已上报待派单」，不能退回，请刷新后查看')
  expect(document.getElementById('move-return')).toBeNull()
})

test('a field the server refuses is said beside that field', async () => {
  const refused: ApiResponse<unknown> = { ok: false, error: { code: 'VALIDATION', message: '上报原因含有不适宜的内容', fields: { reason: '上报原因含有不适宜的内容' } } }
  await open(ACCEPTED, () => refused)
  await tap('move-open-escalate')
  write('escalate', '一段被拒的文字')
  await tap('move-escalate-submit')
  expect(text('field-error-reason')).toBe('上报原因含有不适宜的内容')
  expect(document.getElementById('move-escalate')).not.toBeNull()
})

describe('a dispatcher on the same page', () => {
  const QUEUED = taskDetail({
    status: 'extension_requested', version: 7, queue: { scope: 'community', id: 'c1' },
    moves: { ...NO_MOVES, assign: true, decideExtension: true, supervise: true, escalate: true },
    extension: { days: 3, reason: '等物业配件', byName: '王建国', at: Date.now() },
  })
  const answer = (action: string) => {
    if (action === 'listConsole') return ok({ items: [], nextCursor: null, area: { scope: 'community', id: 'c1', name: '幸福里社区' }, grids: consoleGrids })
    return ok(taskDetail({ status: 'assigned', version: 8, holder: '幸福里第二网格', moves: NO_MOVES }))
  }

  test('sees 派单, 批准延期, 不批准, 上报 and 督办', async () => {
    await open(QUEUED, answer)
    expect(buttons()).toEqual(['派单', '批准延期', '不批准', '上报', '督办'])
  })

  test('派单 picks a grid of the area and, if they like, one of its staff', async () => {
    const { sent } = await open(QUEUED, answer)
    await tap('move-open-assign')
    await waitFor(() => expect(document.getElementById('move-assign-grid-g2')).not.toBeNull())
    expect(sent('listConsole')).toEqual([{ view: 'queue', limit: 1, communityId: 'c1' }])
    await tap('move-assign-submit')
    expect(text('field-error-gridId')).toBe('请选择要派给的网格')
    expect(sent('assignTask')).toEqual([])

    await tap('move-assign-grid-g1')
    expect(text('move-assign-staff-u_l1')).toBe('李秀英（网格长，请假中）')
    await tap('move-assign-grid-g2')
    await tap('move-assign-staff-u_w2')
    await tap('move-assign-submit')
    expect(sent('assignTask')).toEqual([{ taskId: 'task-1', version: 7, gridId: 'g2', assigneeId: 'u_w2' }])
    expect(text('task-notice')).toBe('已派单给幸福里第二网格')
  })

  test('批准延期 asks first, then sends the approval', async () => {
    const { sent } = await open(QUEUED, answer)
    taro.showModal.mockResolvedValueOnce({ confirm: false })
    await tap('move-approve-extension')
    expect(sent('decideExtension')).toEqual([])
    await tap('move-approve-extension')
    expect(taro.showModal).toHaveBeenLastCalledWith(expect.objectContaining({ title: '批准延期', content: '批准后期限顺延3个工作日。确定批准吗？' }))
    expect(sent('decideExtension')).toEqual([{ taskId: 'task-1', version: 7, approve: true }])
    expect(text('task-notice')).toBe('已批准延期3个工作日')
  })

  test('不批准 needs the reason the worker will read', async () => {
    const { sent } = await open(QUEUED, answer)
    await tap('move-open-refuse-extension')
    await tap('move-refuse-extension-submit')
    expect(text('field-error-reason')).toBe('不批准延期时请写明审批意见')
    write('refuse-extension', '影响出行，请按期办结')
    await tap('move-refuse-extension-submit')
    expect(sent('decideExtension')).toEqual([{ taskId: 'task-1', version: 7, approve: false, reason: '影响出行，请按期办结' }])
  })

  test('督办 sends its note', async () => {
    const { sent } = await open(QUEUED, answer)
    await tap('move-open-supervise')
    write('supervise', '请今天下班前处理', 'note')
    await tap('move-supervise-submit')
    expect(sent('superviseTask')).toEqual([{ taskId: 'task-1', version: 7, note: '请今天下班前处理' }])
    expect(text('task-notice')).toBe('已督办，处理人会收到提醒')
  })
})

test('cancelling a form sends nothing and brings the buttons back', async () => {
  const { calls } = await open(ACCEPTED)
  const before = calls.length
  await tap('move-open-escalate')
  await act(async () => { fireEvent.click(el('move-escalate-cancel')) })
  expect(document.getElementById('task-moves')).not.toBeNull()
  expect(calls).toHaveLength(before)
})

test('长辈模式 reaches the task page and its move forms', async () => {
  setLargeText(true)
  try {
    await open(ACCEPTED)
    await tap('move-open-requestExtension')
    expect(el('page-task').className).toContain('gl-large')
    expect(el('page-task').contains(el('move-extension'))).toBe(true)
  } finally {
    setLargeText(false)
  }
})
