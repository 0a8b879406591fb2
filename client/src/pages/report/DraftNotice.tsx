import { Text, View } from '@tarojs/components'
import { formatTime } from '../../lib/time'

/** Says that the form keeps a draft on this phone only, that one was restored (and when it was saved), and offers 清空. */
export default function DraftNotice({ restoredAt, canClear, onClear }: { restoredAt?: number; canClear: boolean; onClear: () => void }) {
  return (
    <View>
      {restoredAt !== undefined && (
        <View id='report-draft' className='gl-notice' ariaRole='status'>
          <Text className='gl-label'>继续上次未提交的反映</Text>
          <Text>{`已恢复 ${formatTime(restoredAt)} 保存在本机的填写内容，请核对后提交。`}</Text>
        </View>
      )}
      <Text id='report-draft-note' className='gl-muted'>填写内容会自动保存为草稿，草稿仅保存在本机，提交成功后自动删除。</Text>
      {canClear && <Text id='report-draft-clear' className='gl-mini-btn' onClick={onClear}>清空重填</Text>}
    </View>
  )
}
