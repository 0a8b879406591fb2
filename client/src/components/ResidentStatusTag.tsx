import { Text } from '@tarojs/components'
import { residentPhase, residentStatus, type ResidentPhase } from '../../../shared/workflow/residentStatus'
import type { TaskStatus } from '../../../shared/workflow/status'

// Colour is a second cue only; each one carries white text at 4.5:1 or more.
const COLOUR: Record<ResidentPhase, string> = {
  received: '#6d28d9',
  handling: '#1d4ed8',
  done: '#047857',
  withdrawn: '#4b5563',
  refused: '#b42318',
  merged: '#4b5563',
}

/** A case's state in a resident's words (已受理, 处理中, 已办结…), for the resident's own pages; staff pages use StatusTag. */
export default function ResidentStatusTag({ status }: { status: TaskStatus }) {
  const phase = residentPhase(status)
  return (
    <Text className='gl-tag resident-status' style={{ backgroundColor: COLOUR[phase] }} data-phase={phase}>
      {residentStatus(status)}
    </Text>
  )
}
