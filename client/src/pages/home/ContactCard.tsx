import { Text, View } from '@tarojs/components'
import type { CommunityMap, ContactCard as Card } from '../../../../shared/api'
import { gridLabel } from '../../../../shared/gridNames'
import GridDrawing from '../../components/map/GridDrawing'
import CallButton from './CallButton'
import StaffRow from './StaffRow'
import { sourceWords } from './contactWords'

interface Props {
  card: Card
  /** the community drawn, once loaded (the card shows without it) */
  map: CommunityMap | null
  /** the person may pick another grid (residents and volunteers) */
  onRepick?: () => void
}

/** 网格员服务联系卡: who looks after my grid, what they do, when to find them, one tap to call. */
export default function ContactCard({ card, map, onRepick }: Props) {
  return (
    <View id='home-contact-card' className='gl-card contact-card' data-grid-id={card.gridId} data-source={card.source}>
      <Text className='gl-muted'>我的网格</Text>
      <Text id='home-grid-name' className='gl-title'>{gridLabel(card.communityName, card.gridName)}</Text>
      <Text id='home-grid-source' className='gl-muted'>{sourceWords(card)}</Text>
      {card.leader
        ? <StaffRow person={card.leader} idPrefix='home-leader' callId='home-call-leader' />
        : <Text className='gl-notice'>本网格暂未设网格长，可联系下面的网格员或拨打热线。</Text>}
      {card.workers.map((w, i) => <StaffRow key={`${w.name}-${w.phone}`} person={w} idPrefix={`home-worker-${i}`} callId={`home-call-worker-${i}`} />)}
      {map && map.community.id === card.communityId && <GridDrawing id='home-map' map={map} highlightGridId={card.gridId} />}
      <View className='hotline-row'>
        <Text className='gl-muted'>街道服务热线</Text>
        <CallButton id='home-call-hotline' phone={card.hotline} who='街道服务热线' small />
      </View>
      {onRepick && <Text id='home-repick' className='gl-link' onClick={onRepick}>不是我的网格？重新选择</Text>}
    </View>
  )
}
