import { Text, View } from '@tarojs/components'
import { useCallback, useEffect, useState } from 'react'
import type { CommunityListItem } from '../../../../shared/api'
import { call } from '../../api/client'

/** The district's communities as a row of chips; "全部" lists the whole district. */
export default function CommunityFilter({ value, onChange }: { value: string | null; onChange: (id: string | null) => void }) {
  const [communities, setCommunities] = useState<CommunityListItem[] | null>(null)
  const [failed, setFailed] = useState(false)
  const load = useCallback(() => {
    setFailed(false)
    call('user', 'listCommunities', {}).then(setCommunities, () => setFailed(true))
  }, [])
  useEffect(load, [load])
  if (failed) return <Text className='gl-link' onClick={load}>社区列表加载失败，点此重试（下面是全区人员）</Text>
  if (!communities) return null
  return (
    <View id='staff-filter' className='chip-row admin-filter'>
      <Text id='staff-filter-all' className={value === null ? 'chip chip-on' : 'chip'} onClick={() => onChange(null)}>全区</Text>
      {communities.map((c) => (
        <Text key={c.id} id={`staff-filter-${c.id}`} className={value === c.id ? 'chip chip-on' : 'chip'} onClick={() => onChange(c.id)}>
          {`${c.streetName} · ${c.name}`}
        </Text>
      ))}
    </View>
  )
}
