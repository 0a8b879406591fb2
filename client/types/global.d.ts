/// <reference types="@tarojs/taro" />

declare module '*.png'
declare module '*.jpg'
declare module '*.svg'
declare module '*.css'

// Build constants (config/index.ts defineConstants); absent outside a Taro build (jest).
/** Origin of the local host's HTTP API; '' on H5. */
declare const API_BASE: string
/** CloudBase env id the weapp calls (GRIDLINK_TCB_ENV); '' when built without one and on H5. */
declare const CLOUD_ENV: string
/** How the weapp reaches the functions: 'cloud' when built with GRIDLINK_TCB_ENV, else 'http'. */
declare const WEAPP_TRANSPORT: 'cloud' | 'http'

declare namespace NodeJS {
  interface ProcessEnv {
    NODE_ENV: 'development' | 'production' | 'test'
    TARO_ENV: 'weapp' | 'h5' | 'swan' | 'alipay' | 'tt' | 'qq' | 'jd' | 'harmony' | 'rn' | 'jdrn'
    TARO_APP_ID: string
  }
}
