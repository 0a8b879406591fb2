import { Text, View } from '@tarojs/components'
import type { TaskDetail } from '../../../../shared/api'
import { levelLabel } from '../../../../shared/levels'
import { ROUTING_OUTCOME_TABLE } from '../../../../shared/routing/outcome'
import PhotoGrid from '../../components/PhotoGrid'
import TaskTags from '../../components/TaskTags'
import LocationView from '../../components/location/LocationView'
import { dueWords, formatTime } from '../../lib/time'
import TaskFlags from './TaskFlags'

/** The task itself: its number, state, level and holder in words, what was reported where, and its deadline. */
export default function TaskFacts({ t }: { t: TaskDetail }) {
  return (
    <View className='gl-card'>
      <View className='tag-row'>
        <TaskTags status={t.status} level={t.level} overdue={t.overdue} />
        <TaskFlags task={t} />
      </View>
      <Text id='task-case-number' className='task-case-number'>{`工单编号：${t.caseNumber}`}</Text>
      <Text className='gl-title'>{t.categoryName}</Text>
      <Text className='detail-description'>{t.description}</Text>
      <PhotoGrid ids={t.photos} />
      <LocationView value={t.location} address={t.address} />
      <Text className='gl-muted'>{`定位：${ROUTING_OUTCOME_TABLE[t.routing.outcome].name}${t.nearBorder ? '，如不属本网格可转派相邻网格' : ''}`}</Text>
      <Text className='gl-muted'>{`上报人：${t.reporter.name} ${t.reporter.phoneMasked} · ${formatTime(t.createdAt)}`}</Text>
      <View className='task-facts'>
        <Text id='task-level' className='task-fact'>{`层级：${levelLabel(t.level)}`}</Text>
        <Text id='task-holder' className='task-fact'>{`当前在：${t.holder}`}</Text>
        {t.department && <Text id='task-department' className='task-fact'>{`责任部门：${t.department}`}</Text>}
        {t.returnCount > 0 && <Text id='task-returns' className='task-fact'>{`已退回${t.returnCount}次（第3次将自动上报）`}</Text>}
        {t.dueAt !== null && (
          <Text id='task-due' className={t.overdue ? 'task-fact due-late' : 'task-fact'}>{`期限：${dueWords(t.dueAt)}${t.dueNote ? `（${t.dueNote}）` : ''}`}</Text>
        )}
      </View>
    </View>
  )
}
