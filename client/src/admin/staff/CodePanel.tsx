import { Text, View } from '@tarojs/components'
import dayjs from 'dayjs'
import type { BindingCode } from '../../../../shared/api'
import { spacedCode } from './staffWords'

/** A fresh binding code, big enough to read out, with who gets it and how. */
export default function CodePanel({ code, name, onClose }: { code: BindingCode; name: string; onClose: () => void }) {
  return (
    <View className='admin-code' data-user-id={code.userId}>
      <Text className='gl-label'>{`${name} 的绑定码`}</Text>
      <Text className='admin-code-value' userSelect>{spacedCode(code.code)}</Text>
      <Text className='admin-code-expiry'>{`有效期至 ${dayjs(code.expiresAt).format('M月D日 HH:mm')}，只能使用一次`}</Text>
      <Text className='gl-notice'>{`请当面交给 ${name} 本人：在微信中打开“网格通”，点“我是工作人员”，输入这 8 位码。不要发到群里。重新生成后，这个码立即作废。`}</Text>
      <Text className='gl-link' onClick={onClose}>我已交给本人，收起</Text>
    </View>
  )
}
