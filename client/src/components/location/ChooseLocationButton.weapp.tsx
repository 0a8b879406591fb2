import Taro from '@tarojs/taro'
import { Text } from '@tarojs/components'
import { round6 } from '../../lib/mapProjection'
import { ensurePrivacyAgreed } from '../../lib/privacy'
import type { ChooseLocationProps } from './types'

// WeChat's own place chooser: search by name or drag its map. It answers in GCJ-02, as grids
// are stored. A cancel is the person's choice and changes nothing.
export default function ChooseLocationButton({ value, onChoose }: ChooseLocationProps) {
  const choose = async () => {
    try {
      await ensurePrivacyAgreed('location')
      const r = await Taro.chooseLocation(value ? { latitude: value.lat, longitude: value.lng } : {})
      onChoose({ lng: round6(r.longitude), lat: round6(r.latitude) })
    } catch {
      // cancelled, or location or privacy refused: the drawing and the list still work
    }
  }
  return <Text id='location-choose' className='gl-mini-btn' onClick={choose}>搜索地点或在地图上选点</Text>
}
