import { Text, View } from '@tarojs/components'
import type { Point } from './types'

/** Where a problem is, in numbers (browsers have no WeChat map; see LocationView.weapp.tsx). */
export default function LocationView({ value, address }: { value: Point; address?: string }) {
  return (
    <View className='location-view'>
      {address && <Text className='location-address'>{address}</Text>}
      <Text className='location-words'>{`经度 ${value.lng.toFixed(6)}，纬度 ${value.lat.toFixed(6)}`}</Text>
    </View>
  )
}
