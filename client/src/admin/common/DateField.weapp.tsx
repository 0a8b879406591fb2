import { Picker, Text, View } from '@tarojs/components'
import FieldError from '../../components/FieldError'
import type { DateFieldProps } from './DateField'

export default function DateField({ name, idPrefix, label, value, start, onChange, error }: DateFieldProps) {
  return (
    <View className='gl-field admin-date'>
      <Text className='gl-label'>{label}</Text>
      <Picker mode='date' value={value} start={start} onChange={(e) => onChange(String(e.detail.value))}>
        <View id={`${idPrefix}-${name}`} className={error ? 'admin-date-box gl-invalid' : 'admin-date-box'}>
          <Text>{value ? value.replace(/^(\d+)-0?(\d+)-0?(\d+)$/, '$1年$2月$3日') : '点此选择日期'}</Text>
        </View>
      </Picker>
      <FieldError name={name} message={error} />
    </View>
  )
}
