import '../verify/verify.css'
import Taro, { useDidShow, useLoad, useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { useCallback, useState } from 'react'
import type { TaskSummary, VerificationSummary } from '../../../../shared/api'
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
import InboxTabs, { type InboxTab } from './InboxTabs'
import VerificationItem from './VerificationItem'

// The server sorts by deadline; sorting again keeps pages that arrived apart in order too.
const byDeadline = <T extends { dueAt: number | null }>(a: T, b: T) => (a.dueAt ?? Infinity) - (b.dueAt ?? Infinity)
const countOf = (n: number, more: boolean) => `${n}${more ? '+' : ''}`

/** The worker's two lists: events (事件) to handle, and residence declarations to verify (核查). */
export default function InboxPage() {
  const user = getUser()
  const { params } = useRouter()
  // a message about a declaration opens the inbox on its list
  const [tab, setTab] = useState<InboxTab>(params.tab === 'verify' ? 'verify' : 'tasks')
  const tasksList = usePaged(useCallback((p: { cursor?: string; limit: number }) => call('worker', 'listInbox', p), []))
  const verifyList = usePaged(useCallback((p: { cursor?: string; limit: number }) => call('worker', 'listVerifications', p), []))
  useDidShow(() => {
    tasksList.reload()
    verifyList.reload()
  })
  // ahead of the task page's accept and resolve taps
  useLoad(() => { prefetchGrantTemplates() })
  const tasks = [...tasksList.items].sort(byDeadline)
  const verifications = [...verifyList.items].sort(byDeadline)
  const overdueTasks = tasks.filter((t) => t.overdue).length
  const overdueChecks = verifications.filter((v) => v.overdue).length

  return (
    <PageShell id='page-inbox'>
      <View className='section-head'>
        <Text className='gl-title'>{user ? `${user.name}的待办` : '待办'}</Text>
      </View>
      <InboxTabs tab={tab} onChange={setTab} tasks={countOf(tasks.length, tasksList.hasMore)} verifications={countOf(verifications.length, verifyList.hasMore)} />
      {tab === 'tasks' ? (
        <View id='inbox-tasks'>
          <Text id='inbox-count' className='gl-muted'>{`共${tasks.length}件${overdueTasks ? `，其中${overdueTasks}件已超时` : ''}`}</Text>
          {tasks.map((t: TaskSummary) => <InboxItem key={t.taskId} task={t} onOpen={() => Taro.navigateTo({ url: routes.task(t.taskId) })} />)}
          <LoadState loading={tasksList.loading && tasks.length === 0} error={tasksList.error} onRetry={tasksList.reload}
            empty={!tasksList.loading && tasks.length === 0} emptyText='暂无待办任务' />
          <MoreButton id='inbox-more' show={tasksList.hasMore} loading={tasksList.loading} onClick={tasksList.more} />
        </View>
      ) : (
        <View id='inbox-verifications'>
          <Text id='verify-count' className='gl-muted'>{`待核查的居住登记共${verifications.length}份${overdueChecks ? `，其中${overdueChecks}份已超期` : ''}`}</Text>
          {verifications.map((v: VerificationSummary) => <VerificationItem key={v.id} item={v} onOpen={() => Taro.navigateTo({ url: routes.verify(v.id) })} />)}
          <LoadState loading={verifyList.loading && verifications.length === 0} error={verifyList.error} onRetry={verifyList.reload}
            empty={!verifyList.loading && verifications.length === 0} emptyText='暂无待核查的居住登记' />
          <MoreButton id='verify-more' show={verifyList.hasMore} loading={verifyList.loading} onClick={verifyList.more} />
        </View>
      )}
      <View className='entry-grid'>
        <Text id='inbox-go-register' className='entry' onClick={() => Taro.navigateTo({ url: routes.register })}>本网格实有人口</Text>
        <Text id='inbox-go-messages' className='entry' onClick={() => Taro.navigateTo({ url: routes.messages })}>消息中心</Text>
        {/* a resident who phoned or walked in: filed for them, the answer given back by phone (代报, 代申报) */}
        <Text id='inbox-go-report-on-behalf' className='entry' onClick={() => Taro.navigateTo({ url: `${routes.report}?onBehalf=1` })}>代居民反映问题</Text>
        <Text id='inbox-go-declare-on-behalf' className='entry' onClick={() => Taro.navigateTo({ url: routes.declareForm() })}>代居民居住登记</Text>
      </View>
      <LargeTextToggle />
      {backend.identity === 'dev' && (
        <Text id='inbox-logout' className='gl-link' onClick={() => { clearSession(); Taro.reLaunch({ url: routes.login }) }}>切换身份</Text>
      )}
    </PageShell>
  )
}
