import { Text, View } from '@tarojs/components'
import { useEffect, useState } from 'react'
import type { BuildingListItem, CommunityListItem } from '../../../shared/api'
import { call, errorMessage } from '../api/client'
import FieldError from '../components/FieldError'
import { loadCommunities } from '../lib/mapData'
import NearBuildings from './NearBuildings'
import type { AddressChoice } from './fill'

interface Props {
  value: AddressChoice | null
  onChange: (address: AddressChoice) => void
  /** amend: a declaration's room is not changed, it is declared anew */
  locked?: boolean
  error?: string
}

type Picked = { communityId: string; communityName: string; building?: BuildingListItem; unit?: string }

/** "3栋2单元301"; a building without units "5栋1" (the server's addressLabel). */
export const roomLabel = (building: string, unit: string, number: string) => `${building}${unit}${number}`
const unitWords = (unit: string) => unit || '（不分单元）'

/**
 * 第1步 the room: from where the phone is (the nearest buildings), or community → building →
 * unit → room from lists, every step a large button and a way back. The manual lists stay
 * when locating fails or is refused.
 */
export default function AddressPicker({ value, onChange, locked, error }: Props) {
  const [editing, setEditing] = useState(!value)
  const [picked, setPicked] = useState<Picked | null>(null)
  const [communities, setCommunities] = useState<CommunityListItem[] | null>(null)
  const [buildings, setBuildings] = useState<BuildingListItem[] | null>(null)
  const [loadError, setLoadError] = useState('')
  const [attempt, setAttempt] = useState(0)

  useEffect(() => {
    if (!editing) return
    let current = true
    setLoadError('')
    const load = picked && !picked.building
      ? call('user', 'listBuildings', { communityId: picked.communityId }).then((list) => { if (current) setBuildings(list) })
      : !picked ? loadCommunities().then((list) => { if (current) setCommunities(list) }) : Promise.resolve()
    load.catch((e) => { if (current) setLoadError(errorMessage(e)) })
    return () => { current = false }
  }, [editing, picked?.communityId, !picked?.building, attempt])

  if (!editing && value) {
    return (
      <View className='gl-field'>
        <View id='declare-address' className='gl-card declare-address-chosen'>
          <Text className='declare-address-words'>{`${value.communityName} ${value.label}`}</Text>
          {!locked && <Text id='declare-address-change' className='gl-mini-btn' onClick={() => { setPicked(null); setEditing(true) }}>重新选择住址</Text>}
        </View>
        <FieldError name='roomId' message={error} />
      </View>
    )
  }

  const choose = (building: BuildingListItem, unit: string, room: { id: string; number: string }, communityName: string) => {
    onChange({ roomId: room.id, communityName, label: roomLabel(building.name, unit, room.number) })
    setEditing(false)
  }
  const pickBuilding = (b: BuildingListItem) => setPicked((p) => p && { ...p, building: b, unit: b.units.length === 1 ? b.units[0].unit : undefined })

  const back = () => {
    if (!picked) return
    if (picked.building && picked.unit !== undefined && picked.building.units.length > 1) return setPicked({ ...picked, unit: undefined })
    if (!picked.building) return setPicked(null)
    // a building found nearby came without its community's list
    setBuildings(null)
    setPicked({ communityId: picked.communityId, communityName: picked.communityName })
  }
  const unitOf = picked?.building && picked.unit !== undefined ? picked.building.units.find((u) => u.unit === picked.unit) : undefined
  return (
    <View className='gl-field' id='declare-address-picker'>
      <NearBuildings onPick={(b) => setPicked({ communityId: b.communityId, communityName: b.communityName, building: b, unit: b.units.length === 1 ? b.units[0].unit : undefined })} />
      <Text className='gl-label'>{picked ? `已选：${[picked.communityName, picked.building?.name, picked.unit !== undefined && picked.building ? unitWords(picked.unit) : ''].filter(Boolean).join(' · ')}` : '或按社区、楼栋、单元、房号选择'}</Text>
      {loadError && (
        <View className='gl-notice' id='declare-address-error'>
          <Text>{`没有加载出来：${loadError}`}</Text>
          <Text id='declare-address-retry' className='gl-mini-btn' onClick={() => setAttempt(attempt + 1)}>重新加载</Text>
        </View>
      )}
      {!picked && (communities ? (
        <View className='pick-list'>
          {communities.length === 0 && <Text className='gl-notice'>还没有导入社区，请联系社区工作人员。</Text>}
          {communities.map((c) => (
            <Text key={c.id} id={`declare-community-${c.id}`} className='pick-row' onClick={() => { setBuildings(null); setPicked({ communityId: c.id, communityName: c.name }) }}>
              {`${c.name}（${c.streetName}）`}
            </Text>
          ))}
        </View>
      ) : !loadError && <View className='gl-loading'>正在加载社区…</View>)}
      {picked && !picked.building && (buildings ? (
        <View className='pick-list'>
          {buildings.length === 0 && <Text className='gl-notice'>该社区还没有登记楼栋，请联系社区工作人员导入楼栋房屋。</Text>}
          {buildings.map((b, i) => (
            <Text key={b.id} id={`declare-building-${i}`} className='pick-row' onClick={() => pickBuilding(b)}>{b.address ? `${b.name}（${b.address}）` : b.name}</Text>
          ))}
        </View>
      ) : !loadError && <View className='gl-loading'>正在加载楼栋…</View>)}
      {picked?.building && picked.unit === undefined && (
        <View className='chip-row declare-big-chips'>
          {picked.building.units.map((u, i) => (
            <Text key={u.unit} id={`declare-unit-${i}`} className='chip' onClick={() => setPicked({ ...picked, unit: u.unit })}>{unitWords(u.unit)}</Text>
          ))}
        </View>
      )}
      {picked?.building && unitOf && (
        <View className='chip-row declare-big-chips' id='declare-rooms'>
          {unitOf.rooms.map((r) => (
            <Text key={r.id} id={`declare-room-${r.number.replace(/[^A-Za-z0-9-]/g, '_')}`} className='chip declare-room'
              onClick={() => choose(picked.building!, unitOf.unit, r, picked.communityName)}>{r.number}</Text>
          ))}
        </View>
      )}
      {picked && <Text id='declare-address-back' className='gl-link' onClick={back}>返回上一步</Text>}
      {value && <Text id='declare-address-keep' className='gl-link' onClick={() => setEditing(false)}>{`不改了，仍是 ${value.communityName} ${value.label}`}</Text>}
      <FieldError name='roomId' message={error} />
    </View>
  )
}
