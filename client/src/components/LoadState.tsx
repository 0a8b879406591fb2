import { Text, View } from '@tarojs/components'
import Empty from '@nutui/nutui-react-taro/dist/es/packages/empty/index'
import '@nutui/nutui-react-taro/dist/es/packages/empty/style/css'

/** Loading, failure (with a retry) and empty states, all in words. */
export default function LoadState({ loading, error, empty, emptyText, onRetry }: {
  loading: boolean
  error?: string
  empty?: boolean
  emptyText?: string
  onRetry?: () => void
}) {
  if (loading) return <View className='gl-loading'>正在加载…</View>
  if (error) {
    return (
      <View className='gl-load-error' id='load-error'>
        <Empty status='network' title={error} />
        {onRetry && <Text id='load-retry' className='gl-mini-btn' onClick={onRetry}>重新加载</Text>}
      </View>
    )
  }
  if (empty) return <Empty className='gl-empty' title={emptyText ?? '暂无内容'} />
  return null
}
