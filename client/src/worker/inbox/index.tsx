import Taro, { useDidShow, useLoad } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { useCallback } from 'react'
import type { TaskSummary } from '../../../../shared/api'
import { backend } from '../../api/backend'
import { call } from '../../api/client'
import { clearSession, getUser } from '../../api/session'
import LargeTextToggle from '../../components/LargeTextToggle'
import LoadState from '../../components/LoadState'
import MoreButton from '../../components/MoreButton'
import PageShell from '../../components/PageShell'
import { prefetchGrantTemplates } from '../../lib/grants'
import { routes } from '../../lib/routes'
import { usePaged } from '../../lib/usePaged'
import InboxItem from './InboxItem'

// The server sorts by deadline; sorting again keeps pages that arrived apart in order too.
const byDeadline = (a: TaskSummary, b: TaskSummary) => (a.dueAt ?? Infinity) - (b.dueAt ?? Infinity)

export default function InboxPage() {
  const user = getUser()
  const load = useCallback((p: { cursor?: string; limit: number }) => call('worker', 'listInbox', p), [])
  const list = usePaged(load)
  useDidShow(() => { list.reload() })
  // ahead of the task page's accept and resolve taps
  useLoad(() => { prefetchGrantTemplates() })
  const tasks = [...list.items].sort(byDeadline)
  const overdue = tasks.filter((t) => t.overdue).length

  return (
    <PageShell id='page-inbox'>
      <View className='section-head'>
        <Text className='gl-title'>{user ? `${user.name}的待办任务` : '待办任务'}</Text>
        <Text id='inbox-count' className='gl-muted'>{`共${tasks.length}件${overdue ? `，其中${overdue}件已超时` : ''}`}</Text>
      </View>
      {tasks.map((t) => <InboxItem key={t.taskId} task={t} onOpen={() => Taro.navigateTo({ url: routes.task(t.taskId) })} />)}
      <LoadState loading={list.loading && tasks.length === 0} error={list.error} onRetry={list.reload}
        empty={!list.loading && tasks.length === 0} emptyText='暂无待办任务' />
      <MoreButton id='inbox-more' show={list.hasMore} loading={list.loading} onClick={list.more} />
      <View className='entry-grid'>
        <Text id='inbox-go-messages' className='entry' onClick={() => Taro.navigateTo({ url: routes.messages })}>消息中心</Text>
      </View>
      <LargeTextToggle />
      {backend.identity === 'dev' && (
        <Text id='inbox-logout' className='gl-link' onClick={() => { clearSession(); Taro.reLaunch({ url: routes.login }) }}>切换身份</Text>
      )}
    </PageShell>
  )
}
