import { Image, Text, View } from '@tarojs/components'
import { useState } from 'react'
import type { NearbyReport } from '../../../../shared/api'
import { call, toApiError } from '../../api/client'
import { getTransport } from '../../api/transport'
import type { Point } from '../../components/location/types'
import { distanceWords } from './useNearbyReports'

interface Props {
  items: NearbyReport[]
  /** where the person stands: the server checks a join against its radius */
  at: Point
  /** a resident or volunteer reporting for themself; 代报 and staff only see the list */
  canJoin: boolean
  onJoined: (reportId: string) => void
}

/**
 * 我也遇到: the same problem already reported nearby, nothing personal in it (a reviewed photo,
 * the category, how long ago, how far). Following one instead of reporting again sends its
 * result to the person too; their own report stays possible below.
 */
export default function NearbyReports({ items, at, canJoin, onJoined }: Props) {
  const [joining, setJoining] = useState('')
  const [errors, setErrors] = useState<Record<string, string>>({})
  if (items.length === 0) return null

  const join = async (reportId: string) => {
    if (joining) return
    setJoining(reportId)
    setErrors({})
    try {
      await call('resident', 'joinReport', { reportId, location: at })
      onJoined(reportId)
    } catch (e) {
      setErrors({ [reportId]: toApiError(e).message })
    } finally {
      setJoining('')
    }
  }

  return (
    <View id='report-nearby' className='gl-card'>
      <Text className='gl-title'>附近已有人反映了同类问题</Text>
      <Text className='gl-muted'>{canJoin ? '如果是同一个问题，点“我也遇到，关注它”，处理结果也会通知您，不必重复反映。' : '如果是同一个问题，可不必重复反映。'}</Text>
      {items.map((r) => (
        <View key={r.reportId} id={`nearby-${r.reportId}`} className='nearby-item' data-report-id={r.reportId}>
          <View className='tag-row'>
            {r.thumbnail && <Image className='row-thumb' src={getTransport().fileUrl(r.thumbnail)} mode='aspectFill' nativeProps={{ alt: `${r.categoryName}的照片` }} />}
            <View>
              <Text className='gl-label' data-field='category'>{r.categoryName}</Text>
              <Text className='gl-muted' data-field='facts'>{`${r.ago} · ${distanceWords(r.distanceM)} · ${r.followerCount}人关注 · ${r.statusWords}`}</Text>
            </View>
          </View>
          {canJoin && (
            r.joined ? (
              <View id={`nearby-join-${r.reportId}`} className='gl-mini-btn' ariaRole='button' aria-disabled data-joined>已关注</View>
            ) : (
              <View id={`nearby-join-${r.reportId}`} className='gl-mini-btn' ariaRole='button' onClick={() => join(r.reportId)}>
                {joining === r.reportId ? '正在关注…' : '我也遇到，关注它'}
              </View>
            )
          )}
          {errors[r.reportId] && <View id={`nearby-error-${r.reportId}`} className='form-error' ariaRole='alert'>{errors[r.reportId]}</View>}
        </View>
      ))}
    </View>
  )
}
