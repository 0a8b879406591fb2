import { render, waitFor } from '@testing-library/react'
import type { TaskDetail } from '../../shared/api'
import type { ApiResponse } from '../../shared/schemas/envelope'
import { setTransport } from '../../client/src/api/transport'
import TaskPage from '../../client/src/worker/task'
import { fakeTransport, ok } from './fakeTransport'

// The worker's task page rendered against a fake backend: getTask answers `first` (or what
// setCurrent put there since), every other action goes to `handler`.

const { __setRouterParams } = require('@tarojs/taro') as { __setRouterParams: (params: Record<string, string>) => void }

export async function openTaskPage(first: TaskDetail, handler: (action: string, payload: any) => ApiResponse<unknown> = () => ok(first)) {
  let current = first
  const fake = fakeTransport((_fn, body) => {
    if (body.action === 'getTask') return ok(current)
    if (body.action === 'subscribeTemplates') return ok({ submit: [], accept: [], resolve: [], declare: [] })
    return handler(body.action, body.payload)
  })
  setTransport(fake.transport)
  __setRouterParams({ id: first.taskId })
  render(<TaskPage />)
  await waitFor(() => expect(document.getElementById('task-case-number')).not.toBeNull())
  const sent = (action: string) => fake.calls.filter((c) => c.body.action === action).map((c) => c.body.payload)
  return { ...fake, sent, setCurrent: (t: TaskDetail) => { current = t } }
}
