import { Text, View } from '@tarojs/components'
import type { DuplicateFlag, PersonView } from '../../../../shared/api'
import type { RevealableField } from '../../../../shared/declarations/words'
import MaskedField from './MaskedField'
import { duplicateWords } from './verifyWords'

interface Props {
  person: PersonView
  duplicates: DuplicateFlag[]
  /** field → the whole value revealed on this page */
  revealed: Partial<Record<RevealableField, string>>
  canReveal: boolean
  onReveal: (field: RevealableField) => void
}

/** One person of a declaration: masked ID and phone, relation, move-in date, and where else the ID appears. */
export default function PersonCard({ person: p, duplicates, revealed, canReveal, onReveal }: Props) {
  return (
    <View className='person' data-person-id={p.id}>
      <Text className='person-name'>{`${p.name}（${p.relationName}）`}</Text>
      {duplicates.map((d, i) => <Text key={i} className='person-dup' data-field='duplicate'>{duplicateWords(d)}</Text>)}
      <View className='person-field'>
        <Text className='person-field-label'>证件类型</Text>
        <Text>{p.idKindName}</Text>
      </View>
      <MaskedField field='idNumber' label='证件号码' masked={p.idNumberMasked} whole={revealed.idNumber} canReveal={canReveal} onReveal={() => onReveal('idNumber')} />
      {p.phoneMasked === null ? (
        <View className='person-field' data-field='phone'>
          <Text className='person-field-label'>联系电话</Text>
          <Text>未填写</Text>
        </View>
      ) : (
        <MaskedField field='phone' label='联系电话' masked={p.phoneMasked} whole={revealed.phone} canReveal={canReveal} onReveal={() => onReveal('phone')} />
      )}
      <View className='person-field'>
        <Text className='person-field-label'>入住日期</Text>
        <Text>{p.moveInDate}</Text>
      </View>
    </View>
  )
}
