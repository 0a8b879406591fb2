import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import type { ReportDetail } from '../../../shared/api'
import { routes } from '../lib/routes'

/**
 * How this person and others stand to the case: followed by how many ("me too"), followed by
 * this person rather than filed, merged into another case, or filed for a resident (代报, the
 * resident shown masked). Each in words; nothing here is an action but the link to the case
 * it was merged into.
 */
export default function CaseRelation({ r }: { r: Pick<ReportDetail, 'followerCount' | 'relation' | 'mergedInto' | 'onBehalf'> }) {
  const merged = r.mergedInto
  if (r.followerCount <= 0 && r.relation !== 'follower' && !merged && !r.onBehalf) return null
  return (
    <View id='detail-relation'>
      {r.relation === 'follower' && <Text id='detail-follower' className='gl-notice'>您关注了此问题，处理结果会通知您</Text>}
      {r.followerCount > 0 && <Text id='detail-followers' className='gl-muted'>{`${r.followerCount}人关注此问题`}</Text>}
      {r.onBehalf && <Text id='detail-on-behalf' className='gl-muted'>{`代居民 ${r.onBehalf.nameMasked}（${r.onBehalf.phoneMasked}）反映`}</Text>}
      {merged && (
        <View id='detail-merged' className='gl-notice'>
          <Text>{`此反映与工单 ${merged.caseNumber} 是同一问题，已合并处理`}</Text>
          <Text id='detail-merged-link' className='gl-link' onClick={() => Taro.navigateTo({ url: routes.reportDetail(merged.reportId) })}>
            {`查看工单 ${merged.caseNumber} 的办理进度`}
          </Text>
        </View>
      )}
    </View>
  )
}
