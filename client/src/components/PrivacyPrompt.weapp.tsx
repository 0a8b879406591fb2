import { Button, Text, View } from '@tarojs/components'
import { openPrivacyGuide } from '../lib/privacy'
import { PRIVACY_AGREE_BUTTON_ID, answerPrivacy, dismissDeclined, usePrivacyPrompt } from '../lib/privacyRequests'

// Our privacy prompt, rendered by every page shell (so large-text mode reaches it). The agree
// button must be WeChat's agreePrivacyAuthorization button: its tap is what WeChat records.
// Words kept short: the main package has almost no room left (STYLE.md 1).

const WHY = { location: '定位或选点', photos: '拍照或选照片', other: '这项功能' }
const STILL = {
  location: '您仍可在社区地图上点出位置，或从列表选网格。',
  photos: '上报问题至少要一张照片：想上报时再点添加照片，同意即可。',
  other: '需要时再点一次，同意即可。',
}

export default function PrivacyPrompt() {
  const { asking, declined } = usePrivacyPrompt()
  if (declined) {
    return (
      <View id='privacy-declined' className='privacy-sheet'>
        <Text>{`您没有同意，这项操作没有进行。${STILL[declined]}`}</Text>
        <Text id='privacy-declined-ok' className='gl-mini-btn' onClick={dismissDeclined}>知道了</Text>
      </View>
    )
  }
  if (!asking) return null
  return (
    <View id='privacy-prompt' className='privacy-sheet'>
      <Text className='gl-title'>{`使用${WHY[asking.purpose]}前，请您同意`}</Text>
      <Text>我们只收集位置、您选的照片，以及居住登记时您填的姓名、身份证号、手机号，只用于网格员为您办事。</Text>
      <Text id='privacy-guide' className='gl-link' onClick={openPrivacyGuide}>{`查看${asking.contractName || '《用户隐私保护指引》'}`}</Text>
      <Button id={PRIVACY_AGREE_BUTTON_ID} className='gl-big-btn' openType='agreePrivacyAuthorization' onAgreePrivacyAuthorization={() => answerPrivacy('agree')}>同意</Button>
      <Text id='privacy-disagree' className='gl-mini-btn' onClick={() => answerPrivacy('disagree')}>不同意</Text>
    </View>
  )
}
