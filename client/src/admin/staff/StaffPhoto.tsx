import Taro from '@tarojs/taro'
import { Image, Text, View } from '@tarojs/components'
import { useState } from 'react'
import type { StaffRecord } from '../../../../shared/api'
import { call, toApiError } from '../../api/client'
import { getTransport } from '../../api/transport'
import { pickPhotos } from '../../lib/pickPhotos'
import { photoWords } from './staffWords'

interface Props { staff: StaffRecord; onChange: (s: StaffRecord) => void }

type Step = { kind: 'idle' } | { kind: 'uploading'; percent: number } | { kind: 'saving' } | { kind: 'removing' }

/**
 * The face residents see on the contact card: taken on the office's phone (or picked from its
 * album), uploaded like a report's photo, then set on the record (admin.setStaffPhoto).
 */
export default function StaffPhoto({ staff: s, onChange }: Props) {
  const [step, setStep] = useState<Step>({ kind: 'idle' })
  const [error, setError] = useState('')
  const busy = step.kind !== 'idle'

  const upload = async () => {
    if (busy) return
    let path: string | undefined
    try {
      [path] = await pickPhotos(1)
    } catch {
      return // the picker was closed
    }
    if (!path) return
    setError('')
    setStep({ kind: 'uploading', percent: 0 })
    try {
      const fileId = await getTransport().upload(path, (percent) => setStep({ kind: 'uploading', percent })).promise
      setStep({ kind: 'saving' })
      onChange(await call('admin', 'setStaffPhoto', { userId: s.userId, photo: fileId }))
    } catch (e) {
      setError(`照片没有保存：${toApiError(e).message}`)
    } finally {
      setStep({ kind: 'idle' })
    }
  }

  const remove = async () => {
    if (busy) return
    const sure = await Taro.showModal({ title: '删除照片', content: `删除后居民的联系卡上显示 ${s.name} 的默认头像。确定删除吗？`, confirmText: '删除照片', cancelText: '取消', confirmColor: '#b42318' })
    if (!sure.confirm) return
    setError('')
    setStep({ kind: 'removing' })
    try {
      onChange(await call('admin', 'setStaffPhoto', { userId: s.userId, photo: null }))
    } catch (e) {
      setError(toApiError(e).message)
    } finally {
      setStep({ kind: 'idle' })
    }
  }

  const uploadWords = step.kind === 'uploading' ? `正在上传… ${Math.round(step.percent)}%` : step.kind === 'saving' ? '正在保存…' : s.photo ? '更换照片' : '上传照片'
  return (
    <View className='admin-staff-photo' data-field='photo'>
      <View className='staff-head'>
        {s.photo && <Image className='leader-photo' src={getTransport().fileUrl(s.photo)} mode='aspectFill' ariaLabel={`${s.name}的照片`} />}
        <Text className={s.photoShown ? 'admin-state admin-state-ok staff-who' : 'admin-state admin-state-todo staff-who'} data-field='photo-state'>{photoWords(s)}</Text>
      </View>
      {error && <View className='form-error' ariaRole='alert'>{error}</View>}
      <View className='admin-row-actions'>
        <Text className='gl-mini-btn' data-action={s.photo ? 'photo-change' : 'photo-upload'} onClick={upload}>{uploadWords}</Text>
        {s.photo && (
          <Text className='gl-mini-btn admin-danger' data-action='photo-remove' onClick={remove}>{step.kind === 'removing' ? '正在删除…' : '删除照片'}</Text>
        )}
      </View>
    </View>
  )
}
