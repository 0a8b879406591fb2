import { Input, Text, View } from '@tarojs/components'
import { ON_BEHALF_FIELDS, ON_BEHALF_NAME_LABEL, ON_BEHALF_PHONE_LABEL, type OnBehalfFill } from '../lib/onBehalf'
import FieldError from './FieldError'

interface Props {
  /** ids: `#<idPrefix>-on-behalf` (the switch), `-name`, `-phone` (the inputs) */
  idPrefix: string
  /** the switch's words: 代居民反映, 代居民申报 */
  words: string
  on: boolean
  /** absent: always on (grid staff file only for residents), shown as a line instead of a switch */
  onToggle?: (on: boolean) => void
  value: OnBehalfFill
  onChange: (value: OnBehalfFill, field: string) => void
  errors: Record<string, string>
}

/**
 * 代报 / 代申报: a switch whose state is in its words (a View, not WeChat's switch, which would
 * add its template to the main package), revealing the resident's name and phone so the
 * answer can be given back.
 */
export default function OnBehalfFields({ idPrefix, words, on, onToggle, value, onChange, errors }: Props) {
  const id = `${idPrefix}-on-behalf`
  return (
    <View className='gl-field on-behalf' id={`${id}-box`}>
      {onToggle ? (
        <View id={id} className='gl-mini-btn on-behalf-switch' ariaRole='switch' aria-checked={on} onClick={() => onToggle(!on)}>
          {on ? `${words}：已打开（点此关闭）` : `${words}：已关闭（点此打开）`}
        </View>
      ) : (
        <Text id={id} className='gl-label'>{`${words}（工作人员账号只能代居民提交）`}</Text>
      )}
      {on && (
        <View id={`${id}-fields`}>
          <Text className='gl-muted'>居民的姓名和电话只有处理的工作人员能看到，办结后由工作人员电话告知居民结果。</Text>
          <Text className='gl-label'>{ON_BEHALF_NAME_LABEL}</Text>
          <Input id={`${id}-name`} className={errors[ON_BEHALF_FIELDS.name] ? 'gl-input gl-invalid' : 'gl-input'} value={value.name} maxlength={30}
            placeholder='如 张明' ariaLabel={ON_BEHALF_NAME_LABEL} onInput={(e) => onChange({ ...value, name: e.detail.value }, ON_BEHALF_FIELDS.name)} />
          <FieldError name={ON_BEHALF_FIELDS.name} message={errors[ON_BEHALF_FIELDS.name]} />
          <Text className='gl-label'>{ON_BEHALF_PHONE_LABEL}</Text>
          <Input id={`${id}-phone`} className={errors[ON_BEHALF_FIELDS.phone] ? 'gl-input gl-invalid' : 'gl-input'} value={value.phone} maxlength={32}
            placeholder='手机号或带区号的座机' ariaLabel={ON_BEHALF_PHONE_LABEL} onInput={(e) => onChange({ ...value, phone: e.detail.value }, ON_BEHALF_FIELDS.phone)} />
          <FieldError name={ON_BEHALF_FIELDS.phone} message={errors[ON_BEHALF_FIELDS.phone]} />
        </View>
      )}
    </View>
  )
}
