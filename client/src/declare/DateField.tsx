import { Text, View } from '@tarojs/components'
import FieldError from '../components/FieldError'
import { dayWords } from './dayWords'

// H5: the browser's date input; the weapp uses WeChat's date picker (DateField.weapp.tsx).
// Values are "YYYY-MM-DD" on both, as the schema reads them. A browser may show the day as
// mm/dd/yyyy, so the picked day is also said in words under the box.

export interface DateFieldProps {
  /** the box is `#<id>`, the message `#field-error-<name>` */
  id: string
  name: string
  label: string
  value: string
  /** the latest day that can be picked (today, for a move-in) */
  end?: string
  start?: string
  onChange: (value: string) => void
  error?: string
}

export default function DateField({ id, name, label, value, end, start, onChange, error }: DateFieldProps) {
  return (
    <View className='gl-field'>
      <Text className='gl-label'>{label}</Text>
      <View id={id} className={error ? 'declare-date gl-invalid' : 'declare-date'}>
        <input className='declare-date-input' type='date' value={value} min={start} max={end} aria-label={label}
          onChange={(e: { target: HTMLInputElement }) => onChange(e.target.value)} />
      </View>
      {value && <Text id={`${id}-words`} className='gl-muted declare-date-words'>{`已选：${dayWords(value)}`}</Text>}
      <FieldError name={name} message={error} />
    </View>
  )
}
