import { Text } from '@tarojs/components'
import type { ReactNode } from 'react'
import { callLabel, phoneWords } from './contactWords'

export interface CallButtonProps {
  id: string
  phone: string
  /** what the button says before the number ("拨打", "拨打代班 张三") */
  words?: string
  /** whom it calls, for screen readers ("网格长 王建国") */
  who?: string
  small?: boolean
  /**
   * the home page's big button: its own look and words instead of "拨打 <number>"; those words
   * are then its name for a screen reader too (a label that differs from what is shown misleads)
   */
  className?: string
  children?: ReactNode
}

// In a browser a tel: link is the one-tap call (what Taro.makePhoneCall does on H5, without
// script); CallButton.weapp.tsx calls Taro.makePhoneCall.
export default function CallButton({ id, phone, words = '拨打', who, small, className, children }: CallButtonProps) {
  return (
    <a id={id} className={`${className ?? (small ? 'gl-mini-btn' : 'gl-big-btn call-btn')} call-link`} href={`tel:${phone}`} data-phone={phone}
      aria-label={children ? undefined : callLabel(phone, who)}>
      {children ?? <Text>{`${words} ${phoneWords(phone)}`}</Text>}
    </a>
  )
}
