import { Text, View } from '@tarojs/components'
import Button from '@nutui/nutui-react-taro/dist/es/packages/button/index'
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css'

interface Props {
  idPrefix: string
  /** what still stops a dry run (no file, no coordinate system), in words; null when it can run */
  missing: string | null
  busy: 'preview' | 'apply' | null
  /** a dry run of the file and options now chosen has been seen */
  current: boolean
  problemCount: number | null
  applied: boolean
  canApply: boolean
  onPreview: () => void
  onApply: () => void
}

/** Why "确认导入" is not available yet, in words: a disabled button alone says nothing. */
function applyHint({ missing, current, problemCount, applied }: Props): string {
  if (applied) return '已导入。如需再次导入，请重新选择文件并预览。'
  if (missing) return missing
  if (!current) return '第二步：先点“预览（不会写入）”，看清会发生的变化。'
  if (problemCount) return `还有 ${problemCount} 个问题，改好文件后重新选择并预览，才能导入。`
  return '预览无问题：确认无误后点“确认导入”，一次全部写入。'
}

/** The two buttons of an import and the line that says where the admin is. */
export default function ImportSteps(props: Props) {
  const { idPrefix, missing, busy, canApply, onPreview, onApply } = props
  return (
    <View className='admin-steps'>
      <Text id={`${idPrefix}-hint`} className='gl-muted admin-step-hint'>{applyHint(props)}</Text>
      <View className='admin-step-buttons'>
        <Button id={`${idPrefix}-preview`} className='admin-step-btn' size='large' block disabled={missing !== null || busy !== null} loading={busy === 'preview'} onClick={onPreview}>
          {busy === 'preview' ? '正在预览…' : '预览（不会写入）'}
        </Button>
        <Button id={`${idPrefix}-apply`} className='admin-step-btn' type='primary' size='large' block disabled={!canApply} loading={busy === 'apply'} onClick={onApply}>
          {busy === 'apply' ? '正在导入…' : '确认导入'}
        </Button>
      </View>
    </View>
  )
}
