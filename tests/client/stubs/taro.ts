import { useEffect, useRef } from 'react'

// A stand-in for @tarojs/taro in jsdom: storage in memory, every device API a jest.fn that
// a test can program, and lifecycle hooks that run once on mount like a page load.
const storage = new Map<string, unknown>()
let routerParams: Record<string, string> = {}

const resolved = (value: unknown = {}) => jest.fn(async (opts?: any) => { opts?.success?.(value); return value })

const Taro = {
  ENV_TYPE: { WEAPP: 'WEAPP', WEB: 'WEB' },
  getEnv: () => 'WEB',
  pxTransform: (n: number) => `${n}px`,
  getStorageSync: jest.fn((key: string) => (storage.has(key) ? storage.get(key) : '')),
  setStorageSync: jest.fn((key: string, value: unknown) => { storage.set(key, value) }),
  removeStorageSync: jest.fn((key: string) => { storage.delete(key) }),
  request: jest.fn(),
  uploadFile: jest.fn(),
  chooseMedia: jest.fn(),
  chooseImage: jest.fn(),
  getLocation: jest.fn(),
  makePhoneCall: resolved(),
  previewImage: resolved(),
  navigateTo: resolved(),
  redirectTo: resolved(),
  reLaunch: resolved(),
  navigateBack: resolved(),
  showToast: resolved(),
  showModal: resolved({ confirm: true }),
  showLoading: resolved(),
  hideLoading: resolved(),
  stopPullDownRefresh: resolved(),
  nextTick: (fn: () => void) => setTimeout(fn, 0),
  getSystemInfoSync: () => ({ windowWidth: 375, windowHeight: 667, pixelRatio: 2, platform: 'devtools' }),
  getWindowInfo: () => ({ windowWidth: 375, windowHeight: 667, pixelRatio: 2 }),
  createSelectorQuery: () => {
    const q: any = { select: () => q, selectAll: () => q, in: () => q, boundingClientRect: (cb?: any) => { cb?.({ width: 0, height: 0 }); return q }, exec: (cb?: any) => cb?.([]) }
    return q
  },
  getCurrentInstance: () => ({ router: { params: routerParams } }),
  requestSubscribeMessage: jest.fn(),
  // wx.cloud as Taro exposes it on weapp; tests program each call
  cloud: { init: jest.fn(), callFunction: jest.fn(), uploadFile: jest.fn() },
}

/** Tests set the query of the page under test (what useRouter().params returns). */
export const __setRouterParams = (params: Record<string, string>) => { routerParams = params }
export const __resetStorage = () => storage.clear()

function useOnce(cb: () => unknown) {
  const ref = useRef(cb)
  ref.current = cb
  useEffect(() => { ref.current() }, [])
}
export const useLoad = (cb: (params: Record<string, string>) => unknown) => useOnce(() => cb(routerParams))
export const useDidShow = (cb: () => unknown) => useOnce(cb)
export const useReady = (cb: () => unknown) => useOnce(cb)
export const useDidHide = () => undefined
export const useUnload = () => undefined
export const usePullDownRefresh = () => undefined
export const useReachBottom = () => undefined
export const useRouter = () => ({ params: routerParams, path: '' })
export const useLaunch = (cb: () => unknown) => useOnce(cb)

export const { ENV_TYPE, getEnv, pxTransform, getStorageSync, setStorageSync, removeStorageSync, request, uploadFile, chooseMedia,
  chooseImage, getLocation, makePhoneCall, navigateTo, redirectTo, reLaunch, navigateBack, showToast, showModal, nextTick,
  getSystemInfoSync, getWindowInfo, createSelectorQuery, getCurrentInstance, requestSubscribeMessage, cloud } = Taro
export default Taro
