import { View } from '@tarojs/components'
import type { PropsWithChildren } from 'react'
import { useLargeText } from '../lib/largeText'
import PrivacyPrompt from './PrivacyPrompt'

// Every page renders inside this shell so 长辈模式 (a class that resets the CSS variables:
// components/elderMode.css, which app.css brings in) reaches the whole app, weapp included,
// where there is no <html>; the privacy prompt lives here too, so any page can ask before a
// private API.
export default function PageShell({ children, id }: PropsWithChildren<{ id?: string }>) {
  const large = useLargeText()
  return (
    <View id={id} className={large ? 'gl-page gl-large' : 'gl-page'}>
      {children}
      <PrivacyPrompt />
    </View>
  )
}
