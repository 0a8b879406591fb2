import { Input, Text, View } from '@tarojs/components'
import { NAME_MAX } from '../../../shared/schemas/declaration'
import { RELATION_NAMES, RELATIONS, type Relation } from '../../../shared/declarations/words'
import { ID_KIND_NAMES, ID_KINDS, type IdKind } from '../../../shared/identity/idDocuments'
import FieldError from '../components/FieldError'
import Choices from './Choices'
import DateField from './DateField'
import { personField } from './fieldPaths'
import type { PersonFill } from './fill'

interface Props {
  index: number
  person: PersonFill
  today: string
  errors: Record<string, string>
  /** the patch, and the fields whose messages it answers */
  onChange: (patch: Partial<PersonFill>, fields: string[]) => void
  onRemove?: () => void
}

const ID_PLACEHOLDER: Record<IdKind, string> = {
  resident: '18位居民身份证号码',
  hkMacaoTaiwanPermit: '18位，以810000、820000或830000开头',
  foreignPermanent: '18位（新版）或3个字母加12位数字（旧版）',
}

/** One person moving in: every field labelled, its message under it, in the schema's words. */
export default function PersonCard({ index, person, today, errors, onChange, onRemove }: Props) {
  const who = `第${index + 1}位居住人`
  const id = (leaf: string) => `declare-p${index}-${leaf}`
  const field = (leaf: Parameters<typeof personField>[1]) => personField(index, leaf)
  const set = (leaf: Parameters<typeof personField>[1]) => (value: string) => onChange({ [leaf]: value } as Partial<PersonFill>, [field(leaf)])
  return (
    <View className='gl-card declare-person' id={`declare-person-${index}`}>
      <View className='declare-person-head'>
        <Text className='gl-title'>{who}</Text>
        {onRemove && <Text id={id('remove')} className='gl-mini-btn declare-remove' onClick={onRemove}>删除此人</Text>}
      </View>

      <View className='gl-field'>
        <Text className='gl-label'>姓名</Text>
        {/* a little past the limit, so an overlong name gets the schema's words instead of being cut off */}
        <View id={id('name')}>
          <Input className={errors[field('name')] ? 'gl-input declare-input gl-invalid' : 'gl-input declare-input'} value={person.name} maxlength={NAME_MAX + 10}
            placeholder='与证件上的姓名一致' ariaLabel={`${who}姓名`} onInput={(e) => set('name')(e.detail.value)} />
        </View>
        <FieldError name={field('name')} message={errors[field('name')]} />
      </View>

      {/* a number of another type is refused on the number ("是港澳台居民居住证号码，与所选…不符"): changing the type answers it */}
      <Choices idPrefix={id('kind')} name={field('idKind')} label='证件类型' options={ID_KINDS} names={ID_KIND_NAMES} value={person.idKind}
        onChange={(k: IdKind) => onChange({ idKind: k }, [field('idKind'), field('idNumber')])} error={errors[field('idKind')]} />

      <View className='gl-field'>
        <Text className='gl-label'>证件号码</Text>
        {person.was && <Text className='gl-muted declare-was'>{`原填写：${person.was.idNumberMasked}（为保护隐私只显示遮挡后的号码，请重新填写完整号码）`}</Text>}
        <View id={id('idNumber')}>
          <Input className={errors[field('idNumber')] ? 'gl-input declare-input gl-invalid' : 'gl-input declare-input'} type='idcard' value={person.idNumber}
            maxlength={40} placeholder={ID_PLACEHOLDER[person.idKind]} ariaLabel={`${who}证件号码`} onInput={(e) => set('idNumber')(e.detail.value)} />
        </View>
        <FieldError name={field('idNumber')} message={errors[field('idNumber')]} />
      </View>

      <View className='gl-field'>
        <Text className='gl-label'>联系电话（未成年人可不填）</Text>
        {person.was?.phoneMasked && <Text className='gl-muted declare-was'>{`原填写：${person.was.phoneMasked}，请重新填写完整号码`}</Text>}
        <View id={id('phone')}>
          <Input className={errors[field('phone')] ? 'gl-input declare-input gl-invalid' : 'gl-input declare-input'} value={person.phone} maxlength={32}
            placeholder='手机号或带区号的座机' ariaLabel={`${who}联系电话`} onInput={(e) => set('phone')(e.detail.value)} />
        </View>
        <FieldError name={field('phone')} message={errors[field('phone')]} />
      </View>

      <Choices idPrefix={id('rel')} name={field('relation')} label='与户主关系' options={RELATIONS} names={RELATION_NAMES} value={person.relation}
        onChange={(r: Relation) => set('relation')(r)} error={errors[field('relation')]} />

      <DateField id={id('moveInDate')} name={field('moveInDate')} label='入住日期' value={person.moveInDate} end={today}
        onChange={set('moveInDate')} error={errors[field('moveInDate')]} />
    </View>
  )
}
