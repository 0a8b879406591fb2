import { Text, View } from '@tarojs/components'
import FieldError from '../../components/FieldError'

// H5: the browser's own date input (a calendar on desktop and on phones); the weapp uses
// Taro's date picker (DateField.weapp.tsx). Values are "YYYY-MM-DD" on both.

export interface DateFieldProps {
  /** the wrapper is `#<idPrefix>-<name>`, the message `#field-error-<name>` */
  name: string
  idPrefix: string
  label: string
  value: string
  /** the earliest day that can be picked */
  start?: string
  onChange: (value: string) => void
  error?: string
}

export default function DateField({ name, idPrefix, label, value, start, onChange, error }: DateFieldProps) {
  return (
    <View className='gl-field admin-date'>
      <Text className='gl-label'>{label}</Text>
      <View id={`${idPrefix}-${name}`} className={error ? 'admin-date-box gl-invalid' : 'admin-date-box'}>
        <input className='admin-date-input' type='date' value={value} min={start} aria-label={label}
          onChange={(e: { target: HTMLInputElement }) => onChange(e.target.value)} />
      </View>
      <FieldError name={name} message={error} />
    </View>
  )
}
