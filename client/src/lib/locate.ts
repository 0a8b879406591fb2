import Taro from '@tarojs/taro'
import type { LngLat } from '../../../shared/model'
import { ensurePrivacyAgreed } from './privacy'

// Grids are drawn in GCJ-02, which is what WeChat returns when asked (DESIGN.md, "Routing").
/** six decimals are about 0.1 m: more is noise in the form */
export const round6 = (n: number) => Math.round(n * 1e6) / 1e6

export async function locate(): Promise<LngLat & { accuracyM?: number }> {
  await ensurePrivacyAgreed('location')
  const r = await Taro.getLocation({ type: 'gcj02', isHighAccuracy: true })
  return { lng: round6(r.longitude), lat: round6(r.latitude), accuracyM: r.accuracy }
}
