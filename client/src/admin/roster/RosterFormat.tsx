import { Text, View } from '@tarojs/components'
import TemplateDownload from './TemplateDownload'
import { ROSTER_COLUMNS, ROSTER_EXAMPLE } from './rosterFormat'

/** The columns the roster needs, in order, with the first row spelled out to copy. */
export default function RosterFormat() {
  return (
    <View id='roster-format' className='gl-card'>
      <Text className='gl-label'>文件格式</Text>
      <Text className='gl-muted'>CSV 文件（Excel 另存为“CSV UTF-8”），第一行是表头，每人一行。全部无误才会导入，有一行出错则都不导入。</Text>
      <View className='admin-columns'>
        {ROSTER_COLUMNS.map((c, i) => (
          <View key={c.name} className='admin-column'>
            <Text className='admin-column-name'>{`${i + 1}. ${c.name}${c.required ? '（必填）' : '（可空）'}`}</Text>
            <Text className='gl-muted'>{c.note}</Text>
          </View>
        ))}
      </View>
      <Text className='gl-label'>示例</Text>
      <Text id='roster-example' className='admin-example' userSelect>{ROSTER_EXAMPLE}</Text>
      <TemplateDownload />
    </View>
  )
}
