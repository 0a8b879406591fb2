import { fireEvent, render } from '@testing-library/react'
import LoadState from '../../client/src/components/LoadState'
import { text } from './pageDom'

// Loading, failure and empty states in words, with a figure drawn by the page itself: no
// picture is fetched from anywhere (NutUI's Empty loaded its images from a JD server).

test('an empty list says so in words beside a drawn figure, and loads no image', () => {
  const { container } = render(<LoadState loading={false} empty emptyText='还没有上报过问题' />)
  expect(text('load-empty')).toBe('还没有上报过问题')
  expect(container.querySelector('.gl-state-figure')).not.toBeNull()
  expect(container.querySelector('img, image, [src]')).toBeNull()
})

test('a failure gives its message and a retry, and loads no image', () => {
  const retry = jest.fn()
  const { container } = render(<LoadState loading={false} error='网络连接失败，请检查网络后重试' onRetry={retry} />)
  expect(text('load-error')).toContain('网络连接失败，请检查网络后重试')
  expect(container.querySelector('[role=alert]')).not.toBeNull()
  expect(container.querySelector('img, image, [src]')).toBeNull()
  fireEvent.click(document.getElementById('load-retry')!)
  expect(retry).toHaveBeenCalledTimes(1)
})

test('loading comes first, and nothing is shown once there is content', () => {
  expect(render(<LoadState loading error='x' empty />).container.textContent).toBe('正在加载…')
  expect(render(<LoadState loading={false} />).container.textContent).toBe('')
})
