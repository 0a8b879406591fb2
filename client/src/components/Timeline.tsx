import { Text, View } from '@tarojs/components'
import type { TimelineEvent } from '../../../shared/model'
import { formatTime } from '../lib/time'
import PhotoGrid from './PhotoGrid'

/** Every step of a case, newest first: who, when, what, and why. */
export default function Timeline({ events }: { events: TimelineEvent[] }) {
  const sorted = [...events].sort((a, b) => b.at - a.at)
  return (
    <View className='timeline' id='timeline'>
      {sorted.map((e) => (
        <View key={e.id} className='timeline-item'>
          <View className='timeline-dot' />
          <View className='timeline-body'>
            <Text className='timeline-text'>{e.text}</Text>
            <Text className='gl-muted'>{`${formatTime(e.at)} · ${e.actorName}`}</Text>
            {e.note && <Text className='timeline-note'>{e.note}</Text>}
            {e.photos && e.photos.length > 0 && <PhotoGrid ids={e.photos} />}
          </View>
        </View>
      ))}
    </View>
  )
}
