import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import type { TaskDetail } from '../../../../shared/api'
import { routes } from '../../lib/routes'
import CallButton from '../../pages/home/CallButton'

/**
 * Who else waits on this case: the resident it was filed for (代报, whole: these staff give the
 * answer back, by phone), how many follow it ("me too"), and the case it was merged into.
 */
export default function TaskPeople({ t }: { t: Pick<TaskDetail, 'onBehalf' | 'followerCount' | 'mergedInto'> }) {
  const b = t.onBehalf
  const merged = t.mergedInto
  if (!b && t.followerCount <= 0 && !merged) return null
  return (
    <View id='task-people'>
      {merged && (
        <View id='task-merged' className='task-banner task-banner-info'>
          <Text className='task-banner-title'>{`已合并到工单 ${merged.caseNumber}`}</Text>
          <Text id='task-merged-link' className='gl-link' onClick={() => Taro.navigateTo({ url: routes.task(merged.taskId) })}>
            {`打开工单 ${merged.caseNumber}`}
          </Text>
        </View>
      )}
      {b && (
        <View id='task-on-behalf' className='task-banner task-banner-warn'>
          <Text id='task-on-behalf-contact' className='task-banner-title'>{`代报：居民 ${b.name} ${b.phone}`}</Text>
          <Text className='task-banner-by'>{`由${b.byRoleName} ${b.byName}代为反映`}</Text>
          <Text className='task-banner-line'>办结后请电话告知居民处理结果</Text>
          <CallButton id='task-call-resident' phone={b.phone} words='拨打居民电话' who={`居民 ${b.name}`} small />
        </View>
      )}
      {t.followerCount > 0 && <Text id='task-followers' className='task-fact'>{`${t.followerCount}人关注（办结后他们也会收到结果）`}</Text>}
    </View>
  )
}
