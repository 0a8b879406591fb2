import Taro from '@tarojs/taro'
import { useSyncExternalStore } from 'react'

// 长辈模式 (large text, large taps), read by every page shell. What decides, in order:
//   1. the person's own choice, remembered on the phone (the switch, or 打开 on the offer);
//   2. else WeChat's font setting: a large one turns the mode on (weapp; H5 and base
//      libraries before 2.20.1 have no fontSizeScaleFactor, and the mode stays off);
//   3. else off, and the home page offers it once.
// The key is the old large-text switch's, so a choice made before 长辈模式 still holds.
const KEY = 'gl.largeText'
/** the home page's "字太小？" offer was answered (either way): it is asked once */
const OFFERED_KEY = 'gl.elderOffered'
/**
 * WeChat's font setting at or above this scale turns the mode on when the person has not chosen.
 * fontSizeScaleFactor is WeChat's type size over its standard 17 px; on a 375-wide iPhone its
 * steps up are 18, 19.5, 21, 22 and 23.8 px (关怀模式), 1.06 to 1.4
 * (developers.weixin.qq.com/miniprogram/design/elderly.html): 1.15 leaves the first steps alone.
 */
const AUTO_ON_SCALE = 1.15
const listeners = new Set<() => void>()
let large: boolean | undefined

function wechatFontIsLarge(): boolean {
  try {
    const info = Taro.getAppBaseInfo?.() as { fontSizeScaleFactor?: number } | undefined
    return (info?.fontSizeScaleFactor ?? 1) >= AUTO_ON_SCALE
  } catch {
    return false
  }
}

const read = () => {
  if (large === undefined) {
    const chosen = Taro.getStorageSync(KEY)
    large = typeof chosen === 'boolean' ? chosen : wechatFontIsLarge()
  }
  return large
}

const notify = () => listeners.forEach((l) => l())

/** The person's choice: remembered, and it wins over WeChat's font setting from then on. */
export function setLargeText(on: boolean) {
  large = on
  Taro.setStorageSync(KEY, on)
  // whoever has used the switch needs no offer
  Taro.setStorageSync(OFFERED_KEY, true)
  notify()
}

/** Whether the home page should still offer the mode: never chosen, off, and not yet answered. */
export const shouldOfferElderMode = () => !read() && Taro.getStorageSync(OFFERED_KEY) !== true && typeof Taro.getStorageSync(KEY) !== 'boolean'

/** 不用了: the offer is not asked again; WeChat's font setting may still turn the mode on later. */
export function declineElderMode() {
  Taro.setStorageSync(OFFERED_KEY, true)
  notify()
}

const subscribe = (l: () => void) => {
  listeners.add(l)
  return () => { listeners.delete(l) }
}

export const useLargeText = () => useSyncExternalStore(subscribe, read, read)

/** The offer's state, following both answers (a hook so the card goes away on either). */
export const useElderOffer = () => useSyncExternalStore(subscribe, shouldOfferElderMode, shouldOfferElderMode)
