import { Text } from '@tarojs/components'

/** "加载更多" as a large button rather than an infinite scroll that older users miss. */
export default function MoreButton({ id, show, loading, onClick }: { id: string; show: boolean; loading: boolean; onClick: () => void }) {
  if (!show) return null
  return (
    <Text id={id} className='gl-mini-btn more-btn' onClick={loading ? undefined : onClick}>
      {loading ? '正在加载…' : '加载更多'}
    </Text>
  )
}
