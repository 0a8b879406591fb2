import Taro from '@tarojs/taro'
import { View } from '@tarojs/components'
import { callLabel, phoneWords } from './contactWords'
import type { CallButtonProps } from './CallButton'

// WeChat's own dialer sheet; a cancelled call is the person's choice, not an error.
export default function CallButton({ id, phone, words = '拨打', who, small, className, children }: CallButtonProps) {
  return (
    <View id={id} className={className ?? (small ? 'gl-mini-btn' : 'gl-big-btn call-btn')} data-phone={phone} ariaRole='button' ariaLabel={children ? undefined : callLabel(phone, who)}
      onClick={() => Taro.makePhoneCall({ phoneNumber: phone }).catch(() => undefined)}>
      {children ?? `${words} ${phoneWords(phone)}`}
    </View>
  )
}
