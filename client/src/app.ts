import Taro from '@tarojs/taro'
import type { PropsWithChildren } from 'react'
import { setSignedOutHandler } from './api/client'
import { routes } from './lib/routes'
import './app.css'

// An expired or missing token sends the person to pick an identity again (local stack).
setSignedOutHandler(() => { Taro.reLaunch({ url: routes.login }) })

export default function App({ children }: PropsWithChildren) {
  return children
}
