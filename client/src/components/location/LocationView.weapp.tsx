import { Map, Text, View, type MapProps } from '@tarojs/components'
import type { Point } from './types'

// iconPath left out on purpose: WeChat then draws its default red pin
const pin = (p: Point) => ({ id: 1, longitude: p.lng, latitude: p.lat, width: 30, height: 40 }) as unknown as MapProps.marker

/** The problem on WeChat's map, with the address in words. */
export default function LocationView({ value, address }: { value: Point; address?: string }) {
  return (
    <View className='location-view'>
      <Map className='location-map' longitude={value.lng} latitude={value.lat} scale={17} onError={() => undefined} markers={[pin(value)]} />
      {address && <Text className='location-address'>{address}</Text>}
    </View>
  )
}
