import { Image, Text, View } from '@tarojs/components'
import { useState } from 'react'
import type { StaffContact } from '../../../../shared/api'
import { getTransport } from '../../api/transport'
import placeholder from '../../assets/avatar-placeholder.png'
import CallButton from './CallButton'
import { leaveWords } from './contactWords'

/** One person of the grid: face, name, role, duties, hours, leave, and the call button. */
export default function StaffRow({ person, idPrefix, callId }: { person: StaffContact; idPrefix: string; callId: string }) {
  // a photo that does not load (expired link, no signal) gives way to the bundled face
  const [photoFailed, setPhotoFailed] = useState(false)
  const photo = person.photoUrl && !photoFailed ? getTransport().fileUrl(person.photoUrl) : placeholder
  const who = `${person.roleName} ${person.name}`
  return (
    <View className='staff-row' id={idPrefix} data-role={person.role}>
      <View className='staff-head'>
        {/* the words on the host for WeChat's screen reader, and as the <img>'s alt on H5 */}
        <Image className='leader-photo' src={photo} mode='aspectFill' ariaLabel={`${who}的照片`} nativeProps={{ alt: `${who}的照片` }} onError={() => setPhotoFailed(true)} />
        <View className='staff-who'>
          <Text id={`${idPrefix}-name`} className='staff-name'>{person.name}</Text>
          <Text id={`${idPrefix}-role`} className='staff-role'>{person.roleName}</Text>
        </View>
      </View>
      {person.duties && <Text className='staff-line'>{`职责：${person.duties}`}</Text>}
      {person.officeHours && <Text className='staff-line'>{`办公时间：${person.officeHours}`}</Text>}
      {person.onLeave && <Text id={`${idPrefix}-leave`} className='gl-notice staff-leave'>{leaveWords(person.onLeave)}</Text>}
      {person.onLeave?.substitute && (
        <CallButton id={`${idPrefix}-call-substitute`} phone={person.onLeave.substitute.phone} words={`拨打代班 ${person.onLeave.substitute.name}`}
          who={`代班 ${person.onLeave.substitute.name}`} />
      )}
      <CallButton id={callId} phone={person.phone} who={who} small={!!person.onLeave} />
    </View>
  )
}
