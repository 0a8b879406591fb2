import Taro from '@tarojs/taro'
import type { LngLat } from '../../../shared/model'
import { wgs84ToGcj02 } from './gcj02'

const round6 = (n: number) => Math.round(n * 1e6) / 1e6

// Browsers only give WGS-84 (Taro's H5 getLocation refuses 'gcj02'); grids are GCJ-02.
export async function locate(): Promise<LngLat & { accuracyM?: number }> {
  const r = await Taro.getLocation({ type: 'wgs84', isHighAccuracy: true })
  const p = wgs84ToGcj02(r.longitude, r.latitude)
  return { lng: round6(p.lng), lat: round6(p.lat), accuracyM: r.accuracy }
}
