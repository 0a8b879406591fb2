import Taro from '@tarojs/taro'
import { useSyncExternalStore } from 'react'

// Large-text mode for older users: one switch, kept in storage, read by every page shell.
const KEY = 'gl.largeText'
const listeners = new Set<() => void>()
let large: boolean | undefined

const read = () => {
  if (large === undefined) large = Taro.getStorageSync(KEY) === true
  return large
}

export function setLargeText(on: boolean) {
  large = on
  Taro.setStorageSync(KEY, on)
  listeners.forEach((l) => l())
}

const subscribe = (l: () => void) => {
  listeners.add(l)
  return () => { listeners.delete(l) }
}

export const useLargeText = () => useSyncExternalStore(subscribe, read, read)
