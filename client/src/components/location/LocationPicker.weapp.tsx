import { Map, Text, View, type MapProps } from '@tarojs/components'
import FieldError from '../FieldError'
import NudgeButtons from './NudgeButtons'
import { locationWords, type LocationPickerProps, type Point } from './types'

// iconPath left out on purpose: WeChat then draws its default red pin
const pin = (p: Point) => ({ id: 1, longitude: p.lng, latitude: p.lat, width: 30, height: 40 }) as unknown as MapProps.marker

// WeChat's native map: tap where the problem is to move the pin; the nudge buttons fine-tune.
export default function LocationPicker({ value, onChange, onRelocate, locating, failed, error }: LocationPickerProps) {
  return (
    <View className='gl-field' id='report-location'>
      <Text className='gl-label'>问题位置（点地图可移动红点）</Text>
      {value && (
        <Map className='location-map' longitude={value.lng} latitude={value.lat} scale={17} onError={() => undefined} showLocation
          markers={[pin(value)]}
          onTap={(e) => {
            const { longitude, latitude } = e.detail as unknown as { longitude: number; latitude: number }
            onChange({ lng: longitude, lat: latitude })
          }} />
      )}
      <Text className='location-words'>
        {locationWords({ value, locating, failed }, '请点“重新定位”')}
      </Text>
      {value && <NudgeButtons value={value} onChange={onChange} />}
      <Text id='location-relocate' className='gl-mini-btn' onClick={onRelocate}>重新定位</Text>
      <FieldError name='location' message={error} />
    </View>
  )
}
