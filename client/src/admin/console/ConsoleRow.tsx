import { Text, View } from '@tarojs/components'
import type { TaskSummary } from '../../../../shared/api'
import TaskTags from '../../components/TaskTags'
import { dueWords } from '../../lib/time'
import TaskFlags from '../../worker/task/TaskFlags'

interface Props { task: TaskSummary; selected: boolean; onToggle: () => void; onOpen: () => void; now?: number }

/** One task of the console: a large select box, then its number, state, level, flags, holder and deadline in words; tapping the words opens it. */
export default function ConsoleRow({ task: t, selected, onToggle, onOpen, now }: Props) {
  return (
    <View className={selected ? 'gl-card console-row console-row-on' : 'gl-card console-row'} data-task-id={t.taskId}>
      <View className={selected ? 'console-select console-select-on' : 'console-select'} data-action='select' ariaRole='button'
        ariaLabel={`${selected ? '已选，点此取消' : '选择'}工单 ${t.caseNumber}`} onClick={onToggle}>
        {selected ? '✓ 已选' : '选择'}
      </View>
      <View className='console-row-body' data-action='open' onClick={onOpen}>
        <View className='tag-row'>
          <TaskTags status={t.status} level={t.level} overdue={t.overdue} />
          <TaskFlags task={t} />
        </View>
        <Text className='console-case'>{`工单编号 ${t.caseNumber}`}</Text>
        <Text className='row-title'>{t.categoryName}</Text>
        <Text className='row-text'>{t.description}</Text>
        <Text className='gl-muted' data-field='holder'>{`当前在：${t.holder}${t.address ? ` · ${t.address}` : ''}`}</Text>
        {t.dueAt !== null && <Text className={t.overdue ? 'console-due due-late' : 'console-due'}>{`期限：${dueWords(t.dueAt, now)}`}</Text>}
        {t.extension && <Text className='console-note' data-field='extension'>{`${t.extension.byName}申请延期${t.extension.days}个工作日：${t.extension.reason}`}</Text>}
        {t.transfer && <Text className='console-note' data-field='transfer'>{`由${t.transfer.fromGridName}转派：${t.transfer.reason}`}</Text>}
        {t.returnCount > 0 && <Text className='console-note' data-field='returns'>{`已退回${t.returnCount}次`}</Text>}
      </View>
    </View>
  )
}
