import { Text, View } from '@tarojs/components'
import type { DeclarationView } from '../../../shared/api'
import { kindTone, statusTone, TONE_COLOURS } from '../../../shared/declarations/tones'

// The worker's tags (worker/verify/DeclarationTags.tsx) take the same tones: a state looks the
// same to the resident and to the worker. Colour is a second cue only: each tag carries its words.
export default function DeclarationTags({ d }: { d: Pick<DeclarationView, 'status' | 'statusName' | 'kind' | 'kindName'> }) {
  const status = statusTone(d.status)
  const kind = kindTone(d.kind)
  return (
    <View className='tag-row'>
      <Text className='gl-tag declare-status-tag' style={{ backgroundColor: TONE_COLOURS[status] }} data-status={d.status} data-tone={status}>{`状态：${d.statusName}`}</Text>
      <Text className='gl-tag declare-kind-tag' style={{ backgroundColor: TONE_COLOURS[kind] }} data-kind={d.kind} data-tone={kind}>{d.kindName}</Text>
    </View>
  )
}
