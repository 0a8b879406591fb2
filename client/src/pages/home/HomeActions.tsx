import { Text, View } from '@tarojs/components'
import CallButton from './CallButton'
import type { GridCall } from './contactWords'

interface Props {
  onReport: () => void
  /** 居住登记, for residents and volunteers: the form until they have declared, then their household */
  declare?: { declared: boolean; onGo: () => void }
  /** whom to ring, once the grid (or the hotline instead) is known */
  call?: GridCall
}

/**
 * The three main actions as big buttons at the top of the home page: report, declare, call the
 * grid leader. Each says what it does in its first line and what happens in its second;
 * 长辈模式 (components/elderMode.css) sets the first line at 30 pt.
 */
export default function HomeActions({ onReport, declare, call }: Props) {
  return (
    <View id='home-actions'>
      <View id='home-go-report' className='gl-big-btn home-action' ariaRole='button' onClick={onReport}>
        <Text className='home-action-words'>随手拍反映问题</Text>
        <Text className='home-action-line'>拍照上报，网格员来处理</Text>
      </View>
      {declare && (
        <View id='home-go-declare' className='gl-big-btn gl-btn-plain home-action' ariaRole='button' data-declared={declare.declared} onClick={declare.onGo}>
          <Text className='home-action-words'>居住登记</Text>
          <Text className='home-action-line'>{declare.declared ? '查看我家的登记和进度' : '登记我家住址和居住人'}</Text>
        </View>
      )}
      {call && (
        <CallButton id='home-action-call' className='gl-big-btn call-btn home-action' phone={call.phone}>
          <Text className='home-action-words'>{call.title}</Text>
          <Text className='home-action-line'>{call.line}</Text>
        </CallButton>
      )}
    </View>
  )
}
