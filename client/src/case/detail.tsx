import Taro, { useLoad, useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { useCallback, useState } from 'react'
import type { ReportDetail } from '../../../shared/api'
import { call } from '../api/client'
import LoadState from '../components/LoadState'
import PageShell from '../components/PageShell'
import PhotoGrid from '../components/PhotoGrid'
import ResidentStatusTag from '../components/ResidentStatusTag'
import ResultCard from '../components/ResultCard'
import Timeline from '../components/Timeline'
import { formatTime } from '../lib/time'
import { useRemote } from '../lib/useRemote'
import CaseRelation from './CaseRelation'
import FollowUps from './FollowUps'
import RateForm from './RateForm'

const SOLVED_WORDS = { true: '已解决', false: '未解决' }

// The resident's own case in the resident's words: its state (已受理, 处理中…), who has it and
// by when; never the staff's states or levels.
export default function ReportDetailPage() {
  const { params } = useRouter()
  const reportId = params.id ?? ''
  const load = useCallback(() => call('resident', 'getMyReport', { reportId }), [reportId])
  const { data: r, setData, loading, error, reload } = useRemote(load)
  // why the page just changed under the person: someone acted on the case in between
  const [conflict, setConflict] = useState('')
  useLoad(() => { reload() })
  const changed = (d: ReportDetail) => {
    setConflict('')
    setData(d)
  }
  const follower = r?.relation === 'follower'
  const conflicted = (message: string) => {
    setConflict(message)
    reload()
  }

  return (
    <PageShell id='page-report-detail'>
      <LoadState loading={loading && !r} error={r ? undefined : error} onRetry={reload} />
      {conflict && <View id='detail-conflict' className='form-error' ariaRole='alert'>{`${conflict}（已为您刷新）`}</View>}
      {r && (
        <View>
          <View className='gl-card'>
            <View className='tag-row'><ResidentStatusTag status={r.status} /></View>
            <CaseRelation r={r} />
            <Text id='detail-stage' className='gl-notice'>{r.expectedBy ? `${r.stage}，${r.expectedBy}` : r.stage}</Text>
            {r.dueNote && <Text id='detail-due-note' className='gl-muted'>{`${r.dueNote}：预计时间可能随节假日安排调整`}</Text>}
            <Text className='gl-title'>{r.categoryName}</Text>
            <Text className='detail-description'>{r.description}</Text>
            <PhotoGrid ids={r.photos} />
            {r.address && <Text className='gl-muted'>{`地址：${r.address}`}</Text>}
            <Text id='detail-routing' className='gl-muted'>{`派往：${r.gridName ?? '分拨中心'}`}</Text>
            <Text id='detail-case-number' className='gl-muted'>{`工单编号：${r.caseNumber}（咨询时请报此编号）`}</Text>
            <Text className='gl-muted'>{`提交于 ${formatTime(r.createdAt)}`}</Text>
            {r.handler && (
              <Text id='detail-call-handler' className='gl-mini-btn' onClick={() => Taro.makePhoneCall({ phoneNumber: r.handler!.phone })}>
                {`联系处理人 ${r.handler.name}：${r.handler.phone}`}
              </Text>
            )}
          </View>
          {r.result && <ResultCard id='detail-result' result={r.result} />}
          {/* a follower reads the case; rating, 补充说明, 催办 and 撤回 are its reporter's (the server offers them none) */}
          {r.rating && !follower && (
            <View id='detail-rating' className='gl-card'>
              <Text className='gl-title'>我的评价</Text>
              <View><Text>{`${r.rating.stars}星 · ${SOLVED_WORDS[String(r.rating.solved) as 'true' | 'false']}`}</Text></View>
              {r.rating.comment && <View><Text>{r.rating.comment}</Text></View>}
            </View>
          )}
          {r.canRate && !follower && <RateForm reportId={r.reportId} onRated={changed} />}
          {!follower && <FollowUps key={r.status} report={r} onChanged={changed} onConflict={conflicted} />}
          <View className='gl-card'>
            <Text className='gl-title'>办理过程</Text>
            <Timeline events={r.timeline} />
          </View>
        </View>
      )}
    </PageShell>
  )
}
