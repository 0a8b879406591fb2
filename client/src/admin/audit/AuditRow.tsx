import { Text, View } from '@tarojs/components'
import dayjs from 'dayjs'
import type { AuditView } from '../../../../shared/api'

/** One unmasked read: when (with the year: the log is kept for years), who, what of whose, for which declaration and grid, and the reason typed. */
export default function AuditRow({ entry: e }: { entry: AuditView }) {
  return (
    <View className='gl-card admin-audit' data-audit-id={e.id}>
      <Text className='admin-audit-when' data-field='when'>{dayjs(e.at).format('YYYY年M月D日 HH:mm')}</Text>
      <Text className='row-title' data-field='who'>{`${e.actorName}（${e.actorRoleName}）`}</Text>
      <Text className='admin-audit-line' data-field='what'>{`${e.actionName}：${e.personName} 的${e.fieldName}`}</Text>
      <Text className='admin-audit-line' data-field='where'>{`${e.addressLabel ? `${e.addressLabel} · ` : ''}${e.gridName} · 申报编号 ${e.declarationId}`}</Text>
      <Text className='admin-audit-line' data-field='reason'>{`理由：${e.reason}`}</Text>
    </View>
  )
}
