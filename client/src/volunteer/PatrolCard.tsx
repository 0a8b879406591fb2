import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import type { PatrolView } from '../../../shared/api'
import { FOCUSABLE } from '../lib/focusable'
import { routes } from '../lib/routes'
import { formatTime } from '../lib/time'
import { distanceWords, spanWords } from './words'

/** 打卡3次 · 走了25分钟 · 约350米: a patrol's numbers, each with its name. */
export function PatrolStats({ patrol, now }: { patrol: PatrolView; now: number }) {
  return (
    <View className='patrol-stats'>
      <Text className='patrol-stat' data-field='check-ins'><Text className='patrol-stat-value'>{`${patrol.checkIns.length}次`}</Text>已打卡</Text>
      <Text className='patrol-stat' data-field='time'><Text className='patrol-stat-value'>{spanWords((patrol.endedAt ?? now) - patrol.startedAt)}</Text>{patrol.endedAt === null ? '已巡查' : '用时'}</Text>
      <Text className='patrol-stat' data-field='distance'><Text className='patrol-stat-value'>{`约${distanceWords(patrol.distanceM)}`}</Text>打卡点之间</Text>
    </View>
  )
}

/** A past patrol: when and where, its numbers, and the reports made on the way with where each stands. */
export default function PatrolCard({ patrol }: { patrol: PatrolView }) {
  return (
    <View className='gl-card' data-patrol-id={patrol.id}>
      <Text className='row-title'>{`${formatTime(patrol.startedAt)} 巡查${patrol.gridName ? ` · ${patrol.gridName}` : ''}`}</Text>
      <PatrolStats patrol={patrol} now={patrol.endedAt ?? patrol.startedAt} />
      {patrol.reports.length === 0
        ? <Text className='gl-muted' data-field='no-reports'>这次巡查没有随手拍</Text>
        : <Text className='gl-muted'>{`这次巡查反映了${patrol.reports.length}个问题：`}</Text>}
      {patrol.reports.map((r) => (
        <View key={r.reportId} className='patrol-report' data-report-id={r.reportId} ariaRole='button' {...FOCUSABLE}
          onClick={() => Taro.navigateTo({ url: routes.reportDetail(r.reportId) })}>
          <Text className='row-text'>{`${r.categoryName} · ${r.statusWords}`}</Text>
          <Text className='gl-muted'>{`工单编号 ${r.caseNumber}`}</Text>
        </View>
      ))}
    </View>
  )
}
