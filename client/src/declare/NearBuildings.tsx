import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import type { NearBuilding } from '../../../shared/api'
import { call, errorMessage } from '../api/client'
import { locate } from '../lib/locate'

type State =
  | { step: 'idle' }
  | { step: 'locating' }
  | { step: 'found'; buildings: NearBuilding[] }
  | { step: 'none' }
  | { step: 'no_location' }
  | { step: 'failed'; message: string }

/** 用当前位置查找附近楼栋: the phone's point, then the registry's buildings nearest it (user.nearBuildings). */
export default function NearBuildings({ onPick }: { onPick: (b: NearBuilding) => void }) {
  const [state, setState] = useState<State>({ step: 'idle' })

  const find = async () => {
    if (state.step === 'locating') return
    setState({ step: 'locating' })
    let where
    try {
      where = await locate()
    } catch {
      // refused in WeChat's settings or the privacy prompt, or no fix: the lists below still work
      setState({ step: 'no_location' })
      return
    }
    try {
      const buildings = await call('user', 'nearBuildings', { location: { lng: where.lng, lat: where.lat } })
      setState(buildings.length ? { step: 'found', buildings } : { step: 'none' })
    } catch (e) {
      setState({ step: 'failed', message: errorMessage(e) })
    }
  }

  return (
    <View className='declare-near'>
      <Text id='declare-near' className='gl-mini-btn declare-near-btn' onClick={find}>
        {state.step === 'locating' ? '正在定位…' : state.step === 'idle' ? '用当前位置查找附近楼栋' : '重新定位查找附近楼栋'}
      </Text>
      {state.step === 'no_location' && (
        <Text id='declare-near-denied' className='gl-notice'>没有取得您的位置（可能没有允许使用位置信息）。请在下面按社区、楼栋、单元、房号选择。</Text>
      )}
      {state.step === 'none' && <Text id='declare-near-none' className='gl-notice'>附近没有找到已登记的楼栋，请在下面按社区选择。</Text>}
      {state.step === 'failed' && <Text id='declare-near-failed' className='gl-notice'>{`附近楼栋没有查到：${state.message}。请在下面按社区选择。`}</Text>}
      {state.step === 'found' && (
        <View className='pick-list' id='declare-near-list'>
          <Text className='gl-label'>离您最近的楼栋（点一下选择）</Text>
          {state.buildings.map((b, i) => (
            <Text key={b.id} id={`declare-near-${i}`} className='pick-row' onClick={() => onPick(b)}>
              {`${b.communityName} ${b.name}（约${b.distanceM}米）`}
            </Text>
          ))}
        </View>
      )}
    </View>
  )
}
