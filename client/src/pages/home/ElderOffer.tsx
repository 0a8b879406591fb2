import { Text, View } from '@tarojs/components'
import { declineElderMode, setLargeText, useElderOffer } from '../../lib/largeText'

/** First open: 长辈模式 offered once at the top of the home page; either answer is remembered. */
export default function ElderOffer() {
  if (!useElderOffer()) return null
  return (
    <View id='elder-offer' className='gl-card elder-offer'>
      <Text className='gl-title'>字太小？打开长辈模式</Text>
      <Text>字和按钮都会变大，随时可在本页顶部关掉。</Text>
      <View id='elder-offer-yes' className='gl-big-btn' ariaRole='button' onClick={() => setLargeText(true)}>打开</View>
      <View id='elder-offer-no' className='gl-mini-btn' ariaRole='button' onClick={declineElderMode}>不用了</View>
    </View>
  )
}
