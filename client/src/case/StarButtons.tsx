import './stars.css'
import { Text, View } from '@tarojs/components'

const STAR_WORDS = ['', '很不满意', '不满意', '一般', '满意', '很满意']
const STARS = [1, 2, 3, 4, 5]

/**
 * 满意程度 as five large buttons, each labelled with its number (and, for screen readers, its
 * words), the choice said in words beside them: no small icons to hit for older hands.
 */
export default function StarButtons({ value, onChange }: { value: number; onChange: (stars: number) => void }) {
  return (
    <View id='rate-stars' className='rate-stars' ariaRole='radiogroup' ariaLabel='满意程度'>
      <View className='star-row'>
        {STARS.map((n) => (
          <View key={n} id={`rate-star-${n}`} className={n <= value ? 'star-btn star-on' : 'star-btn'} ariaRole='radio'
            ariaLabel={`${n}星，${STAR_WORDS[n]}${n === value ? '（已选）' : ''}`} aria-checked={n === value} onClick={() => onChange(n)}>
            <Text className='star-glyph'>{n <= value ? '★' : '☆'}</Text>
            <Text className='star-count'>{`${n}星`}</Text>
          </View>
        ))}
      </View>
      <Text id='rate-stars-words' className='rate-words'>{value ? `${value}星 · ${STAR_WORDS[value]}` : '请点星星打分'}</Text>
    </View>
  )
}
