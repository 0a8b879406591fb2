import Taro from '@tarojs/taro'
import type { PropsWithChildren } from 'react'
import { backend } from './api/backend'
import { setSignedOutHandler } from './api/client'
import { routes } from './lib/routes'
import './app.css'

// Before any page: on CloudBase this is wx.cloud.init with the build's env.
backend.launch()

// An expired or missing token sends the person to pick an identity again (local stack). On
// CloudBase the WeChat account is the identity: there is nothing to pick, the message shows.
setSignedOutHandler(() => {
  if (backend.identity === 'dev') Taro.reLaunch({ url: routes.login })
})

export default function App({ children }: PropsWithChildren) {
  return children
}
