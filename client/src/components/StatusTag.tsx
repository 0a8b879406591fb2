import { Text } from '@tarojs/components'
import { AWAITING_ACCEPT, IN_QUEUE, STATUS_NAMES, type TaskStatus } from '../../../shared/workflow/status'

// Colour is a second cue only; the words carry the meaning.
function colourOf(status: TaskStatus) {
  if (AWAITING_ACCEPT.includes(status)) return '#c2410c'
  // waiting in a dispatchers' queue for someone to assign it (待派单)
  if (IN_QUEUE.includes(status)) return '#6d28d9'
  if (status === 'accepted' || status === 'extension_requested') return '#1d4ed8'
  if (status === 'resolved') return '#047857'
  return '#4b5563'
}

export default function StatusTag({ status }: { status: TaskStatus }) {
  return (
    <Text className='gl-tag status-tag' style={{ backgroundColor: colourOf(status) }} data-status={status}>
      {STATUS_NAMES[status]}
    </Text>
  )
}
