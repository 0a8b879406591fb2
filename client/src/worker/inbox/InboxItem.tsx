import { Text, View } from '@tarojs/components'
import type { TaskSummary } from '../../../../shared/api'
import TaskTags from '../../components/TaskTags'
import { dueWords } from '../../lib/time'
import TaskFlags from '../task/TaskFlags'

/** One task in the inbox: number, state, level, flags and deadline all in words, with colour as a second cue. */
export default function InboxItem({ task, now, onOpen }: { task: TaskSummary; now?: number; onOpen: (t: TaskSummary) => void }) {
  const due = task.dueAt === null ? null : dueWords(task.dueAt, now)
  return (
    <View className={task.overdue ? 'gl-card inbox-item inbox-overdue' : 'gl-card inbox-item'} data-task-id={task.taskId} onClick={() => onOpen(task)}>
      <View className='tag-row'>
        <TaskTags status={task.status} level={task.level} overdue={task.overdue} />
        <TaskFlags task={task} />
      </View>
      <Text className='row-title'>{task.categoryName}</Text>
      <Text className='row-text'>{task.description}</Text>
      {due && <Text className={task.overdue ? 'inbox-due due-late' : 'inbox-due'}>{`期限：${due}`}</Text>}
      {task.nearBorder && <Text className='inbox-near-border gl-notice'>位置在网格边界附近，如不属本网格可转派</Text>}
      {task.transfer && <Text className='inbox-transfer gl-notice'>{`由${task.transfer.fromGridName}转派过来：${task.transfer.reason}`}</Text>}
      {task.extension && <Text className='inbox-extension gl-notice'>{`已申请延期${task.extension.days}个工作日，等上级审批`}</Text>}
      {task.reopenCount > 0 && <Text className='inbox-reopened gl-notice'>{`居民不满意，第${task.reopenCount}次返工`}</Text>}
      <Text className='gl-muted inbox-case'>{`工单编号 ${task.caseNumber}`}</Text>
      <Text className='gl-muted'>{[task.gridName, task.address].filter(Boolean).join(' · ')}</Text>
    </View>
  )
}
