import { Text, View } from '@tarojs/components'
import TextArea from '@nutui/nutui-react-taro/dist/es/packages/textarea/index'
import '@nutui/nutui-react-taro/dist/es/packages/textarea/style/css'
import FieldError from './FieldError'

interface Props {
  /** field name: the wrapper is `#<idPrefix>-<name>`, the message `#field-error-<name>` */
  name: string
  idPrefix: string
  label: string
  value: string
  onChange: (value: string) => void
  min?: number
  max: number
  placeholder?: string
  error?: string
}

/** A multi-line field with a live counter that also says how many characters are still needed. */
export default function TextField({ name, idPrefix, label, value, onChange, min = 0, max, placeholder, error }: Props) {
  const length = value.trim().length
  const short = min > 0 && length < min
  return (
    <View className='gl-field'>
      <Text className='gl-label'>{label}</Text>
      <View id={`${idPrefix}-${name}`} className={error ? 'gl-textarea gl-invalid' : 'gl-textarea'}>
        <TextArea value={value} onChange={onChange} maxLength={max} placeholder={placeholder} autoSize status={error ? 'error' : 'default'} />
      </View>
      <Text id={`${idPrefix}-${name}-counter`} className={short ? 'gl-counter gl-counter-short' : 'gl-counter'}>
        {short ? `已写${length}字，至少${min}字` : `${length}/${max}字`}
      </Text>
      <FieldError name={name} message={error} />
    </View>
  )
}
