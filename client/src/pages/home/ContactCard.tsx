import Taro from '@tarojs/taro'
import { Image, Text, View } from '@tarojs/components'
import type { ContactCard as Card } from '../../../../shared/api'
import { ROLE_NAMES } from '../../../../shared/roles'
import { getTransport } from '../../api/transport'

const dial = (phoneNumber: string) => Taro.makePhoneCall({ phoneNumber }).catch(() => undefined)

/** 网格员服务联系卡: who looks after my grid, what they do, and one tap to call them. */
export default function ContactCard({ card }: { card: Card }) {
  const { leader } = card
  return (
    <View id='home-contact-card' className='gl-card contact-card'>
      <Text className='gl-muted'>{`${card.communityName} · ${card.gridName}`}</Text>
      {leader ? (
        <View className='leader'>
          {leader.photoUrl
            ? <Image className='leader-photo' src={getTransport().fileUrl(leader.photoUrl)} mode='aspectFill' />
            : <View className='leader-photo leader-photo-empty'><Text>{leader.name.slice(0, 1)}</Text></View>}
          <View className='leader-body'>
            <Text id='home-leader-name' className='gl-title'>{`网格长 ${leader.name}`}</Text>
            <Text className='leader-phone'>{leader.phone}</Text>
            <Text className='gl-muted'>{`职责：${leader.duties}`}</Text>
          </View>
        </View>
      ) : (
        <Text className='gl-muted'>本网格暂未设网格长，可联系下列网格员或热线。</Text>
      )}
      {leader && (
        <Text id='home-call-leader' className='gl-big-btn call-btn' onClick={() => dial(leader.phone)}>
          {`一键拨打网格长 ${leader.phone}`}
        </Text>
      )}
      {card.workers.map((w, i) => (
        <Text key={`${w.name}-${w.phone}`} id={`home-call-worker-${i}`} className='gl-mini-btn' onClick={() => dial(w.phone)}>
          {`拨打${ROLE_NAMES[w.role]} ${w.name} ${w.phone}`}
        </Text>
      ))}
      <Text id='home-call-hotline' className='gl-mini-btn' onClick={() => dial(card.hotline)}>{`街道服务热线 ${card.hotline}`}</Text>
    </View>
  )
}
