import Taro from '@tarojs/taro'
import { act, fireEvent, render, waitFor } from '@testing-library/react'
import type { Message, MessageKind } from '../../shared/model'
import { setTransport } from '../../client/src/api/transport'
import MessagesPage from '../../client/src/case/messages'
import { fakeTransport, ok } from './fakeTransport'
import { NOW } from './taskFixtures'

// A message about a case opens the page of whoever it was sent to: the reporter's own report,
// or the task for the staff who handle it (a 撤回, 补充说明 or 催办 reaches them too).

const taro = Taro as unknown as Record<string, jest.Mock>
const message = (kind: MessageKind): Message => ({ id: `m-${kind}`, userId: 'u1', kind, title: kind, body: '工单2026112300007「垃圾堆放」', reportId: 'rep-1', taskId: 'task-1', createdAt: NOW, readAt: NOW })

test.each<[MessageKind, string]>([
  ['report_accepted', '/case/detail?id=rep-1'],
  ['report_progress', '/case/detail?id=rep-1'],
  ['task_assigned', '/worker/task/index?id=task-1'],
  ['report_withdrawn', '/worker/task/index?id=task-1'],
  ['report_info_added', '/worker/task/index?id=task-1'],
  ['report_urged', '/worker/task/index?id=task-1'],
  // "me too": the holder hears another resident joined; the merged reporter and the volunteer read the case
  ['report_followed', '/worker/task/index?id=task-1'],
  ['report_merged', '/case/detail?id=rep-1'],
  ['points_granted', '/case/detail?id=rep-1'],
  ['extension_requested', '/worker/task/index?id=task-1'],
  ['extension_decided', '/worker/task/index?id=task-1'],
])('a %s message opens %s', async (kind, url) => {
  setTransport(fakeTransport(() => ok({ items: [message(kind)], nextCursor: null, unread: 0 })).transport)
  taro.navigateTo.mockClear()
  render(<MessagesPage />)
  await waitFor(() => expect(document.querySelector(`[data-message-id=m-${kind}]`)).not.toBeNull())
  await act(async () => { fireEvent.click(document.querySelector(`[data-message-id=m-${kind}]`)!) })
  expect(taro.navigateTo).toHaveBeenCalledWith({ url })
})

test('no messages: said in words, with no picture fetched', async () => {
  setTransport(fakeTransport(() => ok({ items: [], nextCursor: null, unread: 0 })).transport)
  const { container } = render(<MessagesPage />)
  await waitFor(() => expect(document.getElementById('load-empty')).not.toBeNull())
  expect(document.getElementById('load-empty')!.textContent).toBe('暂时没有消息')
  expect(container.querySelector('img')).toBeNull()
})
