import { Text, View } from '@tarojs/components'
import type { DeclarationKind, DeclarationStatus } from '../../../../shared/declarations/words'
import { kindTone, statusTone, TONE_COLOURS } from '../../../../shared/declarations/tones'

interface Props {
  status: DeclarationStatus
  statusName: string
  kind: DeclarationKind
  kindName: string
  overdue: boolean
  /** persons whose ID is also at another address; omitted where the flags are shown per person */
  duplicateCount?: number
}

/**
 * State, kind, lateness and duplicates in words; the colour of each tag is only a second cue,
 * the same tones as the resident's record (declare/DeclarationTags.tsx).
 */
export default function DeclarationTags({ status, statusName, kind, kindName, overdue, duplicateCount = 0 }: Props) {
  const tones = { status: statusTone(status), kind: kindTone(kind) }
  return (
    <View className='tag-row'>
      <Text className='gl-tag decl-status' style={{ backgroundColor: TONE_COLOURS[tones.status] }} data-status={status} data-tone={tones.status}>{statusName}</Text>
      <Text className='gl-tag decl-kind' style={{ backgroundColor: TONE_COLOURS[tones.kind] }} data-kind={kind} data-tone={tones.kind}>{kindName}</Text>
      {overdue && <Text className='gl-tag overdue-tag decl-overdue'>已超期</Text>}
      {duplicateCount > 0 && <Text className='gl-tag decl-duplicate'>{`重复登记 ${duplicateCount} 人`}</Text>}
    </View>
  )
}
