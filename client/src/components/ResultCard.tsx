import { Text, View } from '@tarojs/components'
import type { TaskDetail } from '../../../shared/api'
import { formatTime } from '../lib/time'
import PhotoGrid from './PhotoGrid'

/** The worker's result, as the resident and the worker both see it. */
export default function ResultCard({ id, result }: { id: string; result: NonNullable<TaskDetail['result']> }) {
  return (
    <View id={id} className='gl-card'>
      <Text className='gl-title'>处理结果</Text>
      <Text>{result.text}</Text>
      <PhotoGrid ids={result.photos} />
      <Text className='gl-muted'>{`${result.byName} · ${formatTime(result.at)}`}</Text>
    </View>
  )
}
