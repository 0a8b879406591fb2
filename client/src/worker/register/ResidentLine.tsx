import { Text, View } from '@tarojs/components'
import type { ResidentView } from '../../../../shared/api'

/** One person of the register, masked: who, how they stand to the room, since when (or until when). */
export default function ResidentLine({ resident: r, note }: { resident: ResidentView; /** e.g. "本次迁出" */ note?: string }) {
  return (
    <View className={r.movedOut ? 'resident resident-out' : 'resident'} data-resident-id={r.id}>
      <Text className='resident-name'>{`${r.name}（${r.relationName}）${note ? `· ${note}` : ''}`}</Text>
      <Text className='resident-line'>{`${r.idKindName} ${r.idNumberMasked}`}</Text>
      <Text className='resident-line'>{`联系电话 ${r.phoneMasked ?? '未填写'} · ${r.standingName}`}</Text>
      <Text className='resident-line'>{r.movedOut ? `已迁出（${r.moveInDate} 入住，${r.movedOut.date} 迁出）` : `在住 · ${r.moveInDate} 入住`}</Text>
    </View>
  )
}
