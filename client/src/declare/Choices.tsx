import { Text, View } from '@tarojs/components'
import FieldError from '../components/FieldError'

interface Props<T extends string> {
  /** each choice is `#<idPrefix>-<value>`; the message `#field-error-<name>` */
  idPrefix: string
  name: string
  label: string
  /** the label is said only to screen readers: a title just above already asks the question */
  labelHidden?: boolean
  hint?: string
  options: readonly T[]
  names: Readonly<Record<T, string>>
  value: T | ''
  onChange: (value: T) => void
  error?: string
}

/** Every choice visible as a large button, the chosen one marked in words (✓) as well as colour. */
export default function Choices<T extends string>({ idPrefix, name, label, labelHidden, hint, options, names, value, onChange, error }: Props<T>) {
  return (
    <View className='gl-field' id={idPrefix} ariaRole='radiogroup' ariaLabel={label}>
      {!labelHidden && <Text className='gl-label'>{label}</Text>}
      {hint && <Text className='gl-muted'>{hint}</Text>}
      <View className='chip-row'>
        {options.map((o) => (
          <View key={o} id={`${idPrefix}-${o}`} className={o === value ? 'chip chip-on' : error ? 'chip chip-warn' : 'chip'}
            ariaRole='radio' ariaLabel={o === value ? `${names[o]}（已选）` : names[o]} aria-checked={o === value} onClick={() => onChange(o)}>
            {o === value ? `✓ ${names[o]}` : names[o]}
          </View>
        ))}
      </View>
      <FieldError name={name} message={error} />
    </View>
  )
}
