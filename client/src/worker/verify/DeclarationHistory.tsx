import { Text, View } from '@tarojs/components'
import type { DeclarationEventView } from '../../../../shared/api'
import { formatTime } from '../../lib/time'

/** Every step of a declaration, newest first: what, when, who, and the reason given. */
export default function DeclarationHistory({ events }: { events: DeclarationEventView[] }) {
  const sorted = [...events].sort((a, b) => b.at - a.at)
  return (
    <View id='verify-history'>
      {sorted.map((e, i) => (
        <View key={`${e.at}-${i}`} className='history-item'>
          <Text className='history-action'>{e.actionName}</Text>
          <Text className='gl-muted'>{`${formatTime(e.at)} · ${e.actorName}`}</Text>
          {e.note && <Text className='row-text'>{e.note}</Text>}
        </View>
      ))}
    </View>
  )
}
