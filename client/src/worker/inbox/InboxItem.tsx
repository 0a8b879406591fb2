import { Text, View } from '@tarojs/components'
import type { TaskSummary } from '../../../../shared/api'
import TaskTags from '../../components/TaskTags'
import { dueWords } from '../../lib/time'

/** One task in the inbox: state, level and deadline all in words, with colour as a second cue. */
export default function InboxItem({ task, now, onOpen }: { task: TaskSummary; now?: number; onOpen: (t: TaskSummary) => void }) {
  const due = task.dueAt === null ? null : dueWords(task.dueAt, now)
  return (
    <View className={task.overdue ? 'gl-card inbox-item inbox-overdue' : 'gl-card inbox-item'} data-task-id={task.taskId} onClick={() => onOpen(task)}>
      <TaskTags status={task.status} level={task.level} overdue={task.overdue} />
      <Text className='row-title'>{task.categoryName}</Text>
      <Text className='row-text'>{task.description}</Text>
      {due && <Text className={task.overdue ? 'inbox-due due-late' : 'inbox-due'}>{`期限：${due}`}</Text>}
      {task.nearBorder && <Text className='inbox-near-border gl-notice'>位置在网格边界附近，如不属本网格可转派</Text>}
      {task.reopenCount > 0 && <Text className='inbox-reopened gl-notice'>{`居民不满意，第${task.reopenCount}次返工`}</Text>}
      <Text className='gl-muted'>{[task.gridName, task.address].filter(Boolean).join(' · ')}</Text>
    </View>
  )
}
