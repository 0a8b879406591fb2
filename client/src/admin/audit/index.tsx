import '../admin.css'
import './audit.css'
import { useLoad } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { useCallback } from 'react'
import { call } from '../../api/client'
import LoadState from '../../components/LoadState'
import MoreButton from '../../components/MoreButton'
import { usePaged } from '../../lib/usePaged'
import AdminPage from '../common/AdminPage'
import AuditRow from './AuditRow'

/** 审计日志: every ID or phone number a worker read whole, newest first. Read only, for the district office. */
export default function AdminAuditPage() {
  const list = usePaged(useCallback((p: { cursor?: string; limit: number }) => call('admin', 'listAudit', p), []))
  useLoad(() => { list.reload() })

  return (
    <AdminPage id='page-admin-audit' title='审计日志'>
      <Text id='audit-readonly' className='gl-notice'>审计日志不可修改或删除。</Text>
      <Text className='gl-muted'>网格员核查居住登记时，每查看一次居民的完整证件号码或联系电话，都在这里留下一条记录：何时、谁、查看了谁的什么、属于哪份申报和哪个网格、填写的理由。日志里不含号码本身。</Text>
      {list.items.length > 0 && <Text id='audit-count' className='gl-muted'>{`已加载 ${list.items.length} 条，最新的在前`}</Text>}
      <View id='audit-list'>
        {list.items.map((e) => <AuditRow key={e.id} entry={e} />)}
      </View>
      <LoadState loading={list.loading && list.items.length === 0} error={list.error} onRetry={list.reload}
        empty={!list.loading && !list.error && list.items.length === 0} emptyText='还没有查看完整号码的记录' />
      <MoreButton id='audit-more' show={list.hasMore} loading={list.loading} onClick={list.more} />
    </AdminPage>
  )
}
