import Taro from '@tarojs/taro'
import type { PropsWithChildren } from 'react'
import { backend } from './api/backend'
import { setSignedOutHandler } from './api/client'
import { listenForPrivacyRequests } from './lib/privacy'
import { routes } from './lib/routes'
import './app.css'

// Before any page: on CloudBase this is wx.cloud.init with the build's env.
backend.launch()
// an API WeChat stops for privacy authorization shows our prompt, not WeChat's generic one
listenForPrivacyRequests()

// An expired or missing token sends the person to pick an identity again (local stack). On
// CloudBase the WeChat account is the identity: there is nothing to pick, the message shows.
setSignedOutHandler(() => {
  if (backend.identity === 'dev') Taro.reLaunch({ url: routes.login })
})

export default function App({ children }: PropsWithChildren) {
  return children
}
