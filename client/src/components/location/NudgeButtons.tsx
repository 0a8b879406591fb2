import { Text, View } from '@tarojs/components'
import { DIRECTIONS, nudge } from './nudge'
import type { Point } from './types'

/** Four big buttons that move the pin by ten metres: easier than dragging for unsteady hands. */
export default function NudgeButtons({ value, onChange }: { value: Point; onChange: (p: Point) => void }) {
  return (
    <View className='nudge-row'>
      {DIRECTIONS.map(({ dir, words }) => (
        <Text key={dir} id={`location-nudge-${dir}`} className='gl-mini-btn nudge-btn' onClick={() => onChange(nudge(value, dir))}>
          {`${words}10米`}
        </Text>
      ))}
    </View>
  )
}
