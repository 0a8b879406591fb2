import './nutui'
import { fireEvent } from '@testing-library/react'
import { ok } from './fakeTransport'
import { openTaskPage } from './taskPageHarness'
import { el, tap, text } from './pageDom'
import { NO_MOVES, taskDetail } from './taskFixtures'

// The task page's side of "me too" and 代报: the resident to ring back, how many follow the
// case, and merging a duplicate into another open case by its 工单编号.


const open = openTaskPage

test('a report filed for a resident shows the resident whole, a call button and what to do once resolved', async () => {
  await open(taskDetail({ onBehalf: { name: '张明', phone: '13812345678', byName: '李志愿', byRoleName: '志愿者' }, followerCount: 2 }))
  expect(text('task-on-behalf-contact')).toBe('代报：居民 张明 13812345678')
  expect(text('task-on-behalf')).toContain('办结后请电话告知居民处理结果')
  expect(text('task-on-behalf')).toContain('由志愿者 李志愿代为反映')
  const call = el('task-call-resident')
  expect(call.getAttribute('href')).toBe('tel:13812345678')
  expect(call.textContent).toBe('拨打居民电话 138 1234 5678')
  expect(text('task-followers')).toBe('2人关注（办结后他们也会收到结果）')
})

test('a task of no one else\'s shows neither block', async () => {
  await open(taskDetail())
  expect(document.getElementById('task-people')).toBeNull()
  expect(document.getElementById('move-open-merge')).toBeNull()
})

test('merging checks the case number with the server\'s schema, sends the task, its version, the number and the reason, and shows the case merged into', async () => {
  const task = taskDetail({ status: 'accepted', version: 5, moves: { ...NO_MOVES, merge: true } })
  const target = taskDetail({ taskId: 'task-9', reportId: 'rep-9', caseNumber: '2026112300003', status: 'accepted', followerCount: 1, version: 3 })
  const { sent } = await open(task, (action) => (action === 'mergeReports' ? ok(target) : ok(task)))
  await tap('move-open-merge')
  expect(text('move-merge')).toContain('合并重复反映')
  fireEvent.change(el('move-merge-into'), { target: { value: '20261123' } })
  fireEvent.change(document.querySelector('#move-merge-reason textarea')!, { target: { value: '同一处垃圾堆放，重复反映' } })
  await tap('move-merge-submit')
  expect(text('field-error-intoCaseNumber')).toBe('工单编号应为13位数字（如 2026120200004）')
  expect(document.getElementById('move-merge-error')).toBeNull()
  expect(sent('mergeReports')).toHaveLength(0)
  fireEvent.change(el('move-merge-into'), { target: { value: '2026112300003' } })
  expect(text('field-error-intoCaseNumber')).toBeNull()
  await tap('move-merge-submit')
  expect(sent('mergeReports')).toEqual([{ taskId: 'task-1', version: 5, intoCaseNumber: '2026112300003', reason: '同一处垃圾堆放，重复反映' }])
  expect(text('task-case-number')).toBe('工单编号：2026112300003')
  expect(text('task-notice')).toBe('已将工单 2026112300007 合并到本工单 2026112300003')
  expect(text('task-followers')).toBe('1人关注（办结后他们也会收到结果）')
})

test('a server refusal of the number stays under the field', async () => {
  const task = taskDetail({ status: 'accepted', moves: { ...NO_MOVES, merge: true } })
  const message = '没有找到工单 2026112300099，请核对编号'
  await open(task, (action) => (action === 'mergeReports' ? { ok: false, error: { code: 'NOT_FOUND', message, fields: { intoCaseNumber: message } } } : ok(task)))
  await tap('move-open-merge')
  fireEvent.change(el('move-merge-into'), { target: { value: '2026112300099' } })
  fireEvent.change(document.querySelector('#move-merge-reason textarea')!, { target: { value: '同一处垃圾堆放，重复反映' } })
  await tap('move-merge-submit')
  expect(text('field-error-intoCaseNumber')).toBe(message)
  expect(text('task-case-number')).toBe('工单编号：2026112300007')
})

test('a merged task says where it went, and its state reads 已合并', async () => {
  await open(taskDetail({ status: 'merged', mergedInto: { taskId: 'task-9', caseNumber: '2026112300003' } }))
  expect(text('task-merged')).toContain('已合并到工单 2026112300003')
  expect(document.querySelector('.status-tag')!.textContent).toBe('已合并')
  expect(document.querySelector('.status-tag')!.getAttribute('data-status')).toBe('merged')
})
