import { Text, View } from '@tarojs/components'
import type { MyGrid } from '../../../../shared/api'
import CallButton from './CallButton'

type NotFound = Extract<MyGrid, { found: false }>

interface Props {
  result: NotFound
  locating: boolean
  onLocate: () => void
  /** picking from the list (residents and volunteers) */
  onPick?: () => void
}

/** No grid yet: find it by location or from the list; outside every grid, whom to call instead. */
export default function NotFoundPanel({ result, locating, onLocate, onPick }: Props) {
  const outside = result.reason === 'outside'
  return (
    <View id='home-no-grid' className='gl-card' data-reason={result.reason}>
      {outside ? (
        <>
          <Text id='home-outside' className='gl-title'>您所在的位置不属于任何网格</Text>
          <Text className='gl-muted'>
            {result.areaName ? `这里属于${result.areaName}，有事可拨打下面的服务热线咨询。` : '这里不在本街道的服务范围内，有事可拨打下面的服务热线咨询。'}
          </Text>
          <CallButton id='home-call-area' phone={result.hotline} who={result.areaName ? `${result.areaName}热线` : '服务热线'} />
        </>
      ) : (
        <>
          <Text className='gl-title'>找到您的网格员</Text>
          <Text className='gl-muted'>按您现在的位置查找，或者从列表里选您住的社区和网格。</Text>
        </>
      )}
      <Text id='home-locate' className={outside ? 'gl-mini-btn' : 'gl-big-btn'} onClick={locating ? undefined : onLocate}>
        {locating ? '正在定位…' : outside ? '重新按当前位置查找' : '按当前位置查找'}
      </Text>
      {onPick && <Text id='home-pick' className='gl-big-btn gl-btn-plain' onClick={onPick}>从列表选择我的网格</Text>}
      {!outside && <CallButton id='home-call-hotline' phone={result.hotline} words='不清楚？拨打热线' who='街道服务热线' small />}
    </View>
  )
}
