import { View } from '@tarojs/components'
import { setLargeText, useLargeText } from '../lib/largeText'

/**
 * 长辈模式's switch: its state in its words (never by colour alone), which a screen reader reads
 * as they are; the choice is remembered on the phone.
 */
export default function LargeTextToggle() {
  const large = useLargeText()
  return (
    <View id='large-text-toggle' className='gl-mini-btn large-text-toggle' ariaRole='button' onClick={() => setLargeText(!large)}>
      {large ? '长辈模式：已打开（点此关闭）' : '长辈模式：已关闭（点此打开）'}
    </View>
  )
}
