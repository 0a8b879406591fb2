import { Text } from '@tarojs/components'
import { phoneWords } from './contactWords'

export interface CallButtonProps {
  id: string
  phone: string
  /** what the button says before the number ("拨打", "拨打代班 张三") */
  words?: string
  /** whom it calls, for screen readers ("网格长 王建国") */
  who?: string
  small?: boolean
}

// In a browser a tel: link is the one-tap call (what Taro.makePhoneCall does on H5, without
// script); CallButton.weapp.tsx calls Taro.makePhoneCall.
export default function CallButton({ id, phone, words = '拨打', who, small }: CallButtonProps) {
  return (
    <a id={id} className={small ? 'gl-mini-btn call-link' : 'gl-big-btn call-btn call-link'} href={`tel:${phone}`} data-phone={phone}
      aria-label={`${who ? `给${who}打电话` : '打电话'}：${phone}`}>
      <Text>{`${words} ${phoneWords(phone)}`}</Text>
    </a>
  )
}
