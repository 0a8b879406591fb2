import { Text, View } from '@tarojs/components'
import TemplateDownload from './TemplateDownload'

export interface FormatColumn { name: string; required: boolean; note: string }

interface Props {
  /** prefix of the ids: `<id>-format`, `<id>-example`, `<id>-template` */
  id: string
  /** what one row is and what must hold for the file, in the admin's words */
  intro: string
  columns: readonly FormatColumn[]
  example: string
  fileName: string
}

/** The columns an import file needs, in order, with an example to copy or download. */
export default function FileFormat({ id, intro, columns, example, fileName }: Props) {
  return (
    <View id={`${id}-format`} className='gl-card'>
      <Text className='gl-label'>文件格式</Text>
      <Text className='gl-muted'>{intro}</Text>
      <View className='admin-columns'>
        {columns.map((c, i) => (
          <View key={c.name} className='admin-column'>
            <Text className='admin-column-name'>{`${i + 1}. ${c.name}${c.required ? '（必填）' : '（可空）'}`}</Text>
            <Text className='gl-muted'>{c.note}</Text>
          </View>
        ))}
      </View>
      <Text className='gl-label'>示例</Text>
      <Text id={`${id}-example`} className='admin-example' userSelect>{example}</Text>
      <TemplateDownload id={`${id}-template`} example={example} fileName={fileName} />
    </View>
  )
}
