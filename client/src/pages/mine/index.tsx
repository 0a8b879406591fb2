import { FOCUSABLE } from '../../lib/focusable'
import Taro, { useDidShow } from '@tarojs/taro'
import { Image, Text, View } from '@tarojs/components'
import { useCallback } from 'react'
import type { ReportSummary } from '../../../../shared/api'
import { isReporterRole } from '../../../../shared/roles'
import { call } from '../../api/client'
import { getUser } from '../../api/session'
import { getTransport } from '../../api/transport'
import LoadState from '../../components/LoadState'
import MoreButton from '../../components/MoreButton'
import PageShell from '../../components/PageShell'
import ResidentStatusTag from '../../components/ResidentStatusTag'
import { routes } from '../../lib/routes'
import { formatTime } from '../../lib/time'
import { usePaged } from '../../lib/usePaged'
import MineLinks from './MineLinks'

// a resident's words only: the state as 已受理/处理中/已办结, who has it as the server's stage; no levels
function ReportRow({ r }: { r: ReportSummary }) {
  return (
    <View className='gl-card mine-item list-row' data-report-id={r.reportId} ariaRole='button' {...FOCUSABLE} onClick={() => Taro.navigateTo({ url: routes.reportDetail(r.reportId) })}>
      {r.thumbnail && <Image className='row-thumb' src={getTransport().fileUrl(r.thumbnail)} mode='aspectFill' nativeProps={{ alt: `${r.categoryName}的照片` }} />}
      <View className='row-body'>
        <View className='tag-row'>
          <ResidentStatusTag status={r.status} />
        </View>
        <Text className='row-title'>{r.categoryName}</Text>
        <Text className='row-text'>{r.description}</Text>
        <Text className='row-text' data-field='stage'>{r.stage}</Text>
        <Text className='gl-muted' data-field='case'>{`工单编号 ${r.caseNumber}`}</Text>
        <Text className='gl-muted'>{`${formatTime(r.createdAt)}${r.gridName ? ` · ${r.gridName}` : ''}`}</Text>
        {r.canRate && <Text className='gl-notice'>已办结，请您评价</Text>}
      </View>
    </View>
  )
}

export default function MyReportsPage() {
  const load = useCallback((p: { cursor?: string; limit: number }) => call('resident', 'listMyReports', p), [])
  const list = usePaged(load)
  // coming back from a detail page may have changed a state or a rating
  useDidShow(() => { list.reload() })

  return (
    <PageShell id='page-mine'>
      <Text className='gl-title'>我的上报</Text>
      {list.items.map((r) => <ReportRow key={r.reportId} r={r} />)}
      <LoadState loading={list.loading && list.items.length === 0} error={list.error} onRetry={list.reload}
        empty={!list.loading && list.items.length === 0} emptyText='还没有上报过问题' />
      <MoreButton id='mine-more' show={list.hasMore} loading={list.loading} onClick={list.more} />
      <MineLinks user={getUser()} />
      {isReporterRole(getUser()?.role ?? 'resident') && (
        <Text id='mine-go-declare' className='gl-link' {...FOCUSABLE} onClick={() => Taro.navigateTo({ url: routes.household() })}>我的居住登记（住址、居住人、申报进度）</Text>
      )}
      {isReporterRole(getUser()?.role ?? 'resident') && (
        <Text id='mine-go-bind' className='gl-link' {...FOCUSABLE} onClick={() => Taro.navigateTo({ url: routes.bindStaff })}>我是工作人员（用绑定码绑定工作身份）</Text>
      )}
    </PageShell>
  )
}
