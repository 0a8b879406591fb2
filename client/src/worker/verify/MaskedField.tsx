import { Text, View } from '@tarojs/components'

interface Props {
  label: string
  masked: string
  /** the whole value, once revealed on this page (never stored) */
  whole?: string
  canReveal: boolean
  onReveal: () => void
  /** data-field for tests and the audit's field name */
  field: string
}

/** A masked number, and while the declaration is open a way to ask for it whole. */
export default function MaskedField({ label, masked, whole, canReveal, onReveal, field }: Props) {
  return (
    <View className='person-field' data-field={field}>
      <Text className='person-field-label'>{label}</Text>
      <Text className={whole ? 'person-field-value person-field-whole' : 'person-field-value'} data-whole={whole ? 'yes' : 'no'} userSelect={!!whole}>
        {whole ?? masked}
      </Text>
      {whole && <Text className='revealed-note'>完整号码只在本页显示，离开本页即隐藏；这次查看已记入审计日志</Text>}
      {!whole && canReveal && <View className='gl-mini-btn' data-action='reveal' ariaRole='button' onClick={onReveal}>查看完整号码</View>}
    </View>
  )
}
