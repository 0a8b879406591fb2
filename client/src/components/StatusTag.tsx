import { Text } from '@tarojs/components'
import { AWAITING_ACCEPT, STATUS_NAMES, type TaskStatus } from '../../../shared/workflow/status'

// Colour is a second cue only; the words carry the meaning.
function colourOf(status: TaskStatus) {
  if (AWAITING_ACCEPT.includes(status)) return '#c2410c'
  if (status === 'accepted' || status === 'extension_requested' || status === 'submitted') return '#1d4ed8'
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
