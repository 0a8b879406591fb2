import './loadState.css'
import { Text, View } from '@tarojs/components'

// Drawn with borders, not an image: nothing on a page may load from outside the mini-program
// (NutUI's Empty fetched its pictures from a JD server).
const Figure = ({ failed }: { failed?: boolean }) => <View className={failed ? 'gl-state-figure gl-state-failed' : 'gl-state-figure'} />

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
      <View className='gl-state gl-load-error' id='load-error' ariaRole='alert'>
        <Figure failed />
        <Text className='gl-state-text'>{error}</Text>
        {onRetry && <Text id='load-retry' className='gl-mini-btn' onClick={onRetry}>重新加载</Text>}
      </View>
    )
  }
  if (empty) {
    return (
      <View className='gl-state gl-empty' id='load-empty'>
        <Figure />
        <Text className='gl-state-text'>{emptyText ?? '暂无内容'}</Text>
      </View>
    )
  }
  return null
}
