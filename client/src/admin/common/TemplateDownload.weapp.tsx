import Taro from '@tarojs/taro'
import { Text } from '@tarojs/components'
import type { TemplateDownloadProps } from './TemplateDownload'

// A mini-program saves no files for the user: the example goes to the clipboard, to paste
// into a chat to oneself or a spreadsheet on the computer.
export default function TemplateDownload({ id, example }: TemplateDownloadProps) {
  const copy = () => Taro.setClipboardData({ data: `${example}\n` }).catch(() => Taro.showToast({ title: '复制失败，请照上面的表头自行填写', icon: 'none' }))
  return <Text id={id} className='gl-mini-btn admin-template-btn' onClick={copy}>复制模板内容</Text>
}
