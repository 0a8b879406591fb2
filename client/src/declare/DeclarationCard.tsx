import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import type { DeclarationView } from '../../../shared/api'
import { CONFIRM_COLOUR } from '../../../shared/declarations/tones'
import { OPEN_DECLARATION_STATUSES } from '../../../shared/declarations/words'
import { call, toApiError } from '../api/client'
import { formatTime } from '../lib/time'
import DeclarationTags from './DeclarationTags'
import { routes } from '../lib/routes'

interface Props {
  d: DeclarationView
  /** the declaration as the server now has it (withdrawn) */
  onChanged: (d: DeclarationView) => void
  /** someone (the worker) acted first: the list is read again */
  onStale: (message: string) => void
}

const REASON_LABEL: Partial<Record<DeclarationView['status'], string>> = { rejected: '未通过的原因', more_info: '需要补充的信息' }

/** One declaration: its state in words, the reviewer's reason, and what the person can do next. */
export default function DeclarationCard({ d, onChanged, onStale }: Props) {
  const [busy, setBusy] = useState(false)
  const open = OPEN_DECLARATION_STATUSES.includes(d.status)
  const reasonLabel = REASON_LABEL[d.status]

  const withdraw = async () => {
    if (busy) return
    const { confirm } = await Taro.showModal({
      title: '撤回申报', content: `撤回后网格员不再核查“${d.addressLabel}”的这份${d.kindName}，需要时可重新申报。确定撤回吗？`, confirmText: '撤回申报', cancelText: '不撤回', confirmColor: CONFIRM_COLOUR,
    })
    if (!confirm) return
    setBusy(true)
    try {
      onChanged(await call('resident', 'withdrawDeclaration', { declarationId: d.id, version: d.version }))
      Taro.showToast({ title: '已撤回', icon: 'success' })
    } catch (e) {
      const err = toApiError(e)
      if (err.code === 'CONFLICT' || err.code === 'VALIDATION') onStale(err.message)
      else Taro.showToast({ title: err.message, icon: 'none' })
    } finally {
      setBusy(false)
    }
  }

  return (
    <View className='gl-card declare-item' id={`declaration-${d.id}`} data-status={d.status}>
      <DeclarationTags d={d} />
      <Text className='row-title'>{`${d.communityName} ${d.addressLabel}`}</Text>
      <Text className='gl-muted'>{`${d.standingName} · ${d.persons.map((p) => p.name).join('、')}${d.moveOutDate ? ` · 迁出日期 ${d.moveOutDate}` : ''}`}</Text>
      <Text className='gl-muted'>{`提交于 ${formatTime(d.createdAt)}${d.gridName ? ` · ${d.gridName}` : ''}`}</Text>
      {d.status === 'pending' && <Text className='declare-item-next'>网格员核查后会通知您。</Text>}
      {reasonLabel && d.review?.reason && (
        <View className='declare-item-reason' id={`declaration-${d.id}-reason`}>
          <Text className='declare-reason-title'>{reasonLabel}</Text>
          <Text>{d.review.reason}</Text>
          <Text className='gl-muted'>{`${d.review.byName} · ${formatTime(d.review.at)}`}</Text>
        </View>
      )}
      {open && (
        <View className='declare-item-actions'>
          {d.status === 'more_info' && d.kind === 'move_in' && (
            <Text id={`declaration-${d.id}-amend`} className='gl-big-btn' onClick={() => Taro.navigateTo({ url: routes.declareForm({ amend: d.id }) })}>补充信息</Text>
          )}
          <Text id={`declaration-${d.id}-withdraw`} className='gl-mini-btn' onClick={withdraw}>{busy ? '正在撤回…' : '撤回'}</Text>
        </View>
      )}
    </View>
  )
}
