import { fireEvent, render } from '@testing-library/react'
import type { TaskSummary } from '../../shared/api'
import InboxItem from '../../client/src/worker/inbox/InboxItem'
import { taskSummary } from './taskFixtures'

const NOW = Date.UTC(2026, 10, 23, 2, 0)
const HOUR = 3600_000
const task = (over: Partial<TaskSummary> = {}): TaskSummary => taskSummary({ dueAt: NOW + 2 * HOUR + 10 * 60_000, ...over })

const item = (over?: Partial<TaskSummary>) => {
  const onOpen = jest.fn()
  const { container } = render(<InboxItem task={task(over)} now={NOW} onOpen={onOpen} />)
  return { el: container.querySelector('.inbox-item') as HTMLElement, onOpen }
}

test.each([
  ['grid', '绿色 · 网格级', '#1a7f37'],
  ['community', '黄色 · 社区级', '#b58100'],
  ['street', '蓝色 · 街道级', '#1f5fbf'],
  ['district', '红色 · 区级', '#c62828'],
] as const)('a %s-level task says its level in words and in colour', (level, words, colour) => {
  const tag = item({ level }).el.querySelector('.level-tag') as HTMLElement
  expect(tag.textContent).toBe(words)
  expect(tag.style.backgroundColor).toBe(hexToRgb(colour))
})

test.each([
  ['assigned', '待签收'],
  ['accepted', '处理中'],
  ['reopened', '返工待签收'],
  ['escalated', '已上报待派单'],
  ['transferred', '转派待签收'],
] as const)('a task in state %s says "%s"', (status, words) => {
  expect(item({ status }).el.querySelector('.status-tag')?.textContent).toBe(words)
})

test('a task within its deadline says how long is left', () => {
  const { el } = item()
  expect(el.querySelector('.inbox-due')?.textContent).toBe('期限：还剩 2小时10分')
  expect(el.textContent).not.toContain('已超时')
})

test('an overdue task says so in words, not only in red', () => {
  const { el } = item({ overdue: true, dueAt: NOW - 26 * HOUR })
  expect(el.querySelector('.inbox-overdue-words')?.textContent).toBe('已超时')
  expect(el.querySelector('.inbox-due')?.textContent).toBe('期限：已超时 1天2小时')
})

test('a task near a grid border is flagged so the worker can transfer it', () => {
  expect(item({ nearBorder: true }).el.querySelector('.inbox-near-border')?.textContent).toContain('边界附近')
  expect(item().el.querySelector('.inbox-near-border')).toBeNull()
})

test('a reopened task says how many times it came back', () => {
  expect(item({ reopenCount: 2 }).el.querySelector('.inbox-reopened')?.textContent).toBe('居民不满意，第2次返工')
})

test('the item shows its case number', () => {
  expect(item().el.querySelector('.inbox-case')?.textContent).toBe('工单编号 2026112300007')
})

test('a supervised task says 督办 in words, how many times, and 超期督办 when it is past the top level\'s deadline', () => {
  const at = NOW - HOUR
  expect(item({ supervision: { count: 1, note: '请尽快处理', byName: '赵德华', at, overdue: false } }).el.querySelector('[data-flag=supervised]')?.textContent).toBe('督办')
  expect(item({ supervision: { count: 3, note: '请尽快处理', byName: '赵德华', at, overdue: true } }).el.querySelector('[data-flag=supervised]')?.textContent).toBe('超期督办 3次')
  expect(item().el.querySelector('[data-flag=supervised]')).toBeNull()
})

test('a task near its deadline says 即将超时; once overdue only 已超时', () => {
  expect(item({ dueSoon: true }).el.querySelector('[data-flag=due-soon]')?.textContent).toBe('即将超时')
  const late = item({ dueSoon: true, overdue: true, dueAt: NOW - HOUR }).el
  expect(late.querySelector('[data-flag=due-soon]')).toBeNull()
  expect(late.querySelector('.inbox-overdue-words')?.textContent).toBe('已超时')
})

test('a transferred task says from which grid and why', () => {
  const { el } = item({ status: 'transferred', transfer: { fromGridId: 'g2', fromGridName: '幸福里第二网格', reason: '位置在马路对面', at: NOW, refusable: true } })
  expect(el.querySelector('.inbox-transfer')?.textContent).toBe('由幸福里第二网格转派过来：位置在马路对面')
})

test('tapping the item opens the task', () => {
  const { el, onOpen } = item()
  fireEvent.click(el)
  expect(onOpen).toHaveBeenCalledWith(expect.objectContaining({ taskId: 'task-1' }))
})

function hexToRgb(hex: string) {
  const n = parseInt(hex.slice(1), 16)
  return `rgb(${(n >> 16) & 255}, ${(n >> 8) & 255}, ${n & 255})`
}
