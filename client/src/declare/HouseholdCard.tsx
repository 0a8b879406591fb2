import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import type { DeclarationView, HouseholdView } from '../../../shared/api'
import MoveOutForm from './MoveOutForm'
import { routes } from '../lib/routes'

interface Props {
  h: HouseholdView
  movingOut: boolean
  onMoveOut: (open: boolean) => void
  onMovedOut: (d: DeclarationView) => void
}

/** A room of the register the person declared for: its verified residents, masked, and what can change. */
export default function HouseholdCard({ h, movingOut, onMoveOut, onMovedOut }: Props) {
  const cardId = `household-${h.roomId.replace(/[^A-Za-z0-9_-]/g, '_')}`
  return (
    <View className='gl-card declare-household' id={cardId}>
      <Text className='gl-title'>{`${h.communityName} ${h.addressLabel}`}</Text>
      <Text className='gl-muted'>{`所属网格：${h.gridName}`}</Text>
      <Text className='gl-label'>{`已核验的居住人（${h.residents.length}人）`}</Text>
      {h.residents.map((r) => (
        <View key={r.id} className='declare-resident' data-resident-id={r.id}>
          <Text className='declare-resident-name'>{`${r.name}（${r.relationName}）`}</Text>
          <Text className='gl-muted'>{`${r.idKindName} ${r.idNumberMasked}`}</Text>
          <Text className='gl-muted'>{`电话 ${r.phoneMasked ?? '未填写'} · ${r.moveInDate} 入住`}</Text>
        </View>
      ))}
      {movingOut ? (
        <MoveOutForm household={h} onSent={onMovedOut} onCancel={() => onMoveOut(false)} />
      ) : (
        <View className='declare-item-actions'>
          <Text id={`${cardId}-add`} className='gl-big-btn declare-add-resident' onClick={() => Taro.navigateTo({ url: routes.declareForm({ roomId: h.roomId }) })}>添加居住人</Text>
          {h.residents.length > 0 && <Text id={`${cardId}-moveout`} className='gl-mini-btn declare-moveout-open' onClick={() => onMoveOut(true)}>办理迁出</Text>}
        </View>
      )}
    </View>
  )
}
