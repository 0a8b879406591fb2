import { View } from '@tarojs/components'
import { setLargeText, useLargeText } from '../lib/largeText'

/** A plainly worded switch for large-text mode; the choice is remembered on the phone. */
export default function LargeTextToggle() {
  const large = useLargeText()
  return (
    <View id='large-text-toggle' className='gl-mini-btn large-text-toggle' ariaRole='switch' ariaLabel={large ? '大字模式已开启' : '大字模式已关闭'}
      onClick={() => setLargeText(!large)}>
      {large ? '大字模式：已开启（点此关闭）' : '大字模式：已关闭（点此开启）'}
    </View>
  )
}
