import { Text } from '@tarojs/components'
import type { TaskSummary } from '../../../../shared/api'

// inline, not in a stylesheet: the inbox, the task page and the console each load their own
const RED = { backgroundColor: '#b42318' }
const AMBER = { backgroundColor: '#b45309' }

/**
 * The flags beside a task's state and level, in words (colour is a second cue): 督办 with how
 * many times, 超期督办 when the top level's deadline passed, 即将超时 once 80% of the working
 * time has gone. 已超时 is TaskTags' own.
 */
export default function TaskFlags({ task }: { task: Pick<TaskSummary, 'supervision' | 'dueSoon' | 'overdue'> }) {
  const s = task.supervision
  return (
    <>
      {s && (
        <Text className='gl-tag flag-supervised' style={RED} data-flag='supervised'>
          {`${s.overdue ? '超期督办' : '督办'}${s.count > 1 ? ` ${s.count}次` : ''}`}
        </Text>
      )}
      {task.dueSoon && !task.overdue && <Text className='gl-tag flag-due-soon' style={AMBER} data-flag='due-soon'>即将超时</Text>}
    </>
  )
}
