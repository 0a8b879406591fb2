import { Picker, Text, View } from '@tarojs/components'
import FieldError from '../components/FieldError'
import type { DateFieldProps } from './DateField'
import { dayWords } from './dayWords'

export default function DateField({ id, name, label, value, end, start, onChange, error }: DateFieldProps) {
  return (
    <View className='gl-field'>
      <Text className='gl-label'>{label}</Text>
      <Picker mode='date' value={value || end || ''} start={start} end={end} onChange={(e) => onChange(String(e.detail.value))}>
        <View id={id} className={error ? 'declare-date gl-invalid' : 'declare-date'} ariaRole='button' ariaLabel={`${label}：${value ? dayWords(value) : '未选择'}`}>
          <Text>{value ? dayWords(value) : '点此选择日期'}</Text>
        </View>
      </Picker>
      <FieldError name={name} message={error} />
    </View>
  )
}
