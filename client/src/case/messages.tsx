import { FOCUSABLE } from '../lib/focusable'
import Taro, { useDidShow } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { useCallback, useState } from 'react'
import type { Message, MessageKind } from '../../../shared/model'
import { call, errorMessage } from '../api/client'
import LoadState from '../components/LoadState'
import MoreButton from '../components/MoreButton'
import PageShell from '../components/PageShell'
import { routes } from '../lib/routes'
import { formatTime } from '../lib/time'
import { usePaged } from '../lib/usePaged'

// Messages about a case that go to those who handle it, not to its reporter: task_*, a 延期's
// request and answer, what the reporter did after submitting (撤回, 补充说明, 催办), and another
// resident joining it ("me too").
const TO_STAFF: readonly MessageKind[] = ['extension_requested', 'extension_decided', 'report_withdrawn', 'report_info_added', 'report_urged', 'report_followed']
const isToStaff = (kind: MessageKind) => kind.startsWith('task_') || TO_STAFF.includes(kind)

/** 件件有回音: every change to a person's submissions lands here. */
export default function MessagesPage() {
  const [unread, setUnread] = useState(0)
  const [readIds, setReadIds] = useState<string[]>([])
  const load = useCallback(async (p: { cursor?: string; limit: number }) => {
    const page = await call('user', 'listMessages', p)
    setUnread(page.unread)
    return page
  }, [])
  const list = usePaged<Message>(load)
  useDidShow(() => { list.reload() })

  const markRead = async (ids?: string[]) => {
    try {
      const r = await call('user', 'markMessagesRead', ids ? { ids } : {})
      setUnread(r.unread)
      setReadIds((old) => [...old, ...(ids ?? list.items.map((m) => m.id))])
    } catch (e) {
      Taro.showToast({ title: errorMessage(e), icon: 'none' })
    }
  }

  const open = (m: Message) => {
    if (!m.readAt && !readIds.includes(m.id)) markRead([m.id])
    // a case's messages to staff open the task, the rest its reporter's page; a declaration's go
    // to the worker verifying it (received, a duplicate elsewhere) or to its declarant (the outcome)
    if (isToStaff(m.kind) && m.taskId) Taro.navigateTo({ url: routes.task(m.taskId) })
    else if (m.reportId) Taro.navigateTo({ url: routes.reportDetail(m.reportId) })
    else if (m.declarationId && (m.kind === 'declaration_received' || m.kind === 'declaration_duplicate')) Taro.navigateTo({ url: routes.verify(m.declarationId) })
    else if (m.declarationId && m.kind === 'declaration_more_info') Taro.navigateTo({ url: routes.declareForm({ amend: m.declarationId }) })
    else if (m.declarationId) Taro.navigateTo({ url: routes.household() })
  }

  return (
    <PageShell id='page-messages'>
      <View className='section-head'>
        <Text id='messages-unread' className='gl-title'>{unread > 0 ? `未读消息 ${unread} 条` : '没有未读消息'}</Text>
        {unread > 0 && <Text id='messages-mark-read' className='gl-mini-btn' {...FOCUSABLE} onClick={() => markRead()}>全部标为已读</Text>}
      </View>
      {list.items.map((m) => {
        const isUnread = !m.readAt && !readIds.includes(m.id)
        return (
          <View key={m.id} className={isUnread ? 'gl-card message-item message-unread' : 'gl-card message-item'} data-message-id={m.id} ariaRole='button' {...FOCUSABLE} onClick={() => open(m)}>
            <Text className='row-title'>{isUnread ? `【未读】${m.title}` : m.title}</Text>
            <Text className='row-text'>{m.body}</Text>
            <Text className='gl-muted'>{formatTime(m.createdAt)}</Text>
          </View>
        )
      })}
      <LoadState loading={list.loading && list.items.length === 0} error={list.error} onRetry={list.reload}
        empty={!list.loading && list.items.length === 0} emptyText='暂时没有消息' />
      <MoreButton id='messages-more' show={list.hasMore} loading={list.loading} onClick={list.more} />
    </PageShell>
  )
}
