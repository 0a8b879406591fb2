import { Input, Text, View } from '@tarojs/components'
import { useEffect, useState } from 'react'
import { coordinateWords, type Point } from './types'

/** 高级：输入经纬度, folded away: for someone reading numbers off another map app, never the main way. */
export default function CoordinateEntry({ value, onChange }: { value: Point | null; onChange: (p: Point) => void }) {
  const [open, setOpen] = useState(false)
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
    <View className='coord-entry'>
      <Text id='location-advanced' className='gl-link coord-toggle' onClick={() => setOpen(!open)}>
        {open ? '收起经纬度输入' : '高级：输入经纬度'}
      </Text>
      {open && (
        <View className='coord-inputs' id='location-coords'>
          {value && <Text className='gl-muted coord-now'>{`当前：${coordinateWords(value)}`}</Text>}
          <Text className='coord-label'>经度</Text>
          <Input id='location-lng' className='gl-input' type='digit' value={lng} placeholder='如 114.057'
            onInput={(e) => { setLng(e.detail.value); commit(e.detail.value, lat) }} />
          <Text className='coord-label'>纬度</Text>
          <Input id='location-lat' className='gl-input' type='digit' value={lat} placeholder='如 22.543'
            onInput={(e) => { setLat(e.detail.value); commit(lng, e.detail.value) }} />
        </View>
      )}
    </View>
  )
}
