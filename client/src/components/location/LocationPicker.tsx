import { Input, Text, View } from '@tarojs/components'
import { useEffect, useState } from 'react'
import FieldError from '../FieldError'
import NudgeButtons from './NudgeButtons'
import { locationWords, type LocationPickerProps } from './types'

// Browsers get no WeChat map: the point is shown in numbers, with nudge buttons and inputs
// to correct it (LocationPicker.weapp.tsx is the map version).
export default function LocationPicker({ value, onChange, onRelocate, locating, failed, error }: LocationPickerProps) {
  const [lng, setLng] = useState('')
  const [lat, setLat] = useState('')
  // the inputs follow the point unless they already say the same number ("114." is 114)
  useEffect(() => {
    setLng((s) => (value && Number(s) === value.lng && s.trim() ? s : value ? String(value.lng) : ''))
    setLat((s) => (value && Number(s) === value.lat && s.trim() ? s : value ? String(value.lat) : ''))
  }, [value])

  const commit = (nextLng: string, nextLat: string) => {
    const x = Number(nextLng)
    const y = Number(nextLat)
    if (nextLng.trim() && nextLat.trim() && Number.isFinite(x) && Number.isFinite(y)) onChange({ lng: x, lat: y })
  }

  return (
    <View className='gl-field' id='report-location'>
      <Text className='gl-label'>问题位置</Text>
      <Text className='location-words'>
        {locationWords({ value, locating, failed }, '请点“重新定位”或输入经纬度')}
      </Text>
      {value && <NudgeButtons value={value} onChange={onChange} />}
      <View className='coord-inputs'>
        <Text className='coord-label'>经度</Text>
        <Input id='location-lng' className='gl-input' type='digit' value={lng} placeholder='如 114.057'
          onInput={(e) => { setLng(e.detail.value); commit(e.detail.value, lat) }} />
        <Text className='coord-label'>纬度</Text>
        <Input id='location-lat' className='gl-input' type='digit' value={lat} placeholder='如 22.543'
          onInput={(e) => { setLat(e.detail.value); commit(lng, e.detail.value) }} />
      </View>
      <Text id='location-relocate' className='gl-mini-btn' onClick={onRelocate}>重新定位</Text>
      <FieldError name='location' message={error} />
    </View>
  )
}
