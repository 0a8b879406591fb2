import Taro from '@tarojs/taro'
import { View } from '@tarojs/components'
import { phoneWords } from './contactWords'
import type { CallButtonProps } from './CallButton'

// WeChat's own dialer sheet; a cancelled call is the person's choice, not an error.
export default function CallButton({ id, phone, words = '拨打', who, small }: CallButtonProps) {
  return (
    <View id={id} className={small ? 'gl-mini-btn' : 'gl-big-btn call-btn'} data-phone={phone} ariaRole='button' ariaLabel={`${who ? `给${who}打电话` : '打电话'}：${phone}`}
      onClick={() => Taro.makePhoneCall({ phoneNumber: phone }).catch(() => undefined)}>
      {`${words} ${phoneWords(phone)}`}
    </View>
  )
}
