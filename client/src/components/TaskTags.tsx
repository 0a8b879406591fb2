import { Text, View } from '@tarojs/components'
import type { Level } from '../../../shared/levels'
import type { TaskStatus } from '../../../shared/workflow/status'
import LevelTag from './LevelTag'
import StatusTag from './StatusTag'

/** State, level and lateness in words, with colour only as a second cue; `note`: the deadline's (日历未确认). */
export default function TaskTags({ status, level, overdue, note }: { status: TaskStatus; level: Level; overdue?: boolean; note?: string | null }) {
  return (
    <View className='tag-row'>
      <StatusTag status={status} />
      <LevelTag level={level} />
      {overdue && <Text className='gl-tag overdue-tag inbox-overdue-words'>已超时</Text>}
      {note && <Text className='gl-tag'>{note}</Text>}
    </View>
  )
}
