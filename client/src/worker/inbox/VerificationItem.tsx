import { Text, View } from '@tarojs/components'
import type { VerificationSummary } from '../../../../shared/api'
import DeclarationTags from '../verify/DeclarationTags'
import { verifyDueWords } from '../verify/verifyWords'

/** One declaration to verify (核查): where, what, how many people, its state and deadline in words. */
export default function VerificationItem({ item: v, now, onOpen }: { item: VerificationSummary; now?: number; onOpen: (v: VerificationSummary) => void }) {
  return (
    <View className={v.overdue ? 'gl-card verify-item inbox-overdue' : 'gl-card verify-item'} data-declaration-id={v.id} ariaRole='button' onClick={() => onOpen(v)}>
      <DeclarationTags status={v.status} statusName={v.statusName} kind={v.kind} kindName={v.kindName} overdue={v.overdue} duplicateCount={v.duplicateCount} />
      <Text className='row-title'>{v.addressLabel}</Text>
      <Text className='row-text'>{`${v.kindName} · ${v.personCount} 人`}</Text>
      {v.dueAt !== null && <Text className={v.overdue ? 'decl-due due-late' : 'decl-due'}>{`核查期限：${verifyDueWords(v.dueAt, v.overdue, now)}`}</Text>}
      {v.status === 'more_info' && <Text className='gl-muted'>已请居民补充信息，等居民重新提交</Text>}
      <Text className='gl-muted'>{v.gridName}</Text>
    </View>
  )
}
