import { Text, View } from '@tarojs/components'
import type { TaskDetail } from '../../../../shared/api'
import { dueWords, formatTime } from '../../lib/time'

/** What the person must know before acting: supervision, a pending extension, a transfer, a deadline near or past. */
export default function TaskBanners({ t, now }: { t: TaskDetail; now?: number }) {
  const s = t.supervision
  return (
    <View id='task-banners'>
      {t.overdue && t.dueAt !== null && (
        <Text id='task-banner-overdue' className='task-banner task-banner-late'>{`已超时：${dueWords(t.dueAt, now).replace(/^已超时 /, '超出 ')}`}</Text>
      )}
      {t.dueSoon && !t.overdue && t.dueAt !== null && (
        <Text id='task-banner-due-soon' className='task-banner task-banner-warn'>{`即将超时：${dueWords(t.dueAt, now)}，请抓紧处理`}</Text>
      )}
      {s && (
        <View id='task-banner-supervision' className='task-banner task-banner-late'>
          <Text className='task-banner-title'>{`${s.overdue ? '超期督办' : '督办'}（第${s.count}次）`}</Text>
          <Text className='task-banner-line'>{s.note}</Text>
          <Text className='task-banner-by'>{`${s.byName} · ${formatTime(s.at)}`}</Text>
        </View>
      )}
      {t.extension && (
        <View id='task-banner-extension' className='task-banner task-banner-warn'>
          <Text className='task-banner-title'>{`延期申请待审批：延期${t.extension.days}个工作日`}</Text>
          <Text className='task-banner-line'>{`原因：${t.extension.reason}`}</Text>
          <Text className='task-banner-by'>{`${t.extension.byName} · ${formatTime(t.extension.at)}`}</Text>
        </View>
      )}
      {t.transfer && (
        <View id='task-banner-transfer' className='task-banner task-banner-info'>
          <Text className='task-banner-title'>{`由${t.transfer.fromGridName}转派过来`}</Text>
          <Text className='task-banner-line'>{`原因：${t.transfer.reason}`}</Text>
          <Text className='task-banner-by'>
            {`${formatTime(t.transfer.at)} · ${t.transfer.refusable ? '如确实不属本网格，可拒收一次（写明原因，退回分拨中心）' : '本次转派不能再拒收'}`}
          </Text>
        </View>
      )}
    </View>
  )
}
