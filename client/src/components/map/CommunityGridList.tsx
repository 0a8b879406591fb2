import { Text, View } from '@tarojs/components'
import { useEffect, useState } from 'react'
import type { CommunityListItem } from '../../../../shared/api'
import { shortGridName } from '../../../../shared/gridNames'
import { errorMessage } from '../../api/client'
import { loadCommunities } from '../../lib/mapData'

export type ListedGrid = CommunityListItem['grids'][number]

interface Props {
  /** element id prefix: `${idPrefix}-community-<id>`, `${idPrefix}-grid-<id>` */
  idPrefix: string
  /** a community was tapped; without onPick that is the whole choice */
  onCommunity?: (community: CommunityListItem) => void
  /** given: the community's grids are listed next, and a grid is the choice */
  onPick?: (grid: ListedGrid, community: CommunityListItem) => void
  currentGridId?: string | null
}

/** Community, then grid, from a plain list: for anyone who cannot or will not share a location. */
export default function CommunityGridList({ idPrefix, onCommunity, onPick, currentGridId }: Props) {
  const [communities, setCommunities] = useState<CommunityListItem[] | null>(null)
  const [error, setError] = useState('')
  const [open, setOpen] = useState<CommunityListItem | null>(null)
  const [attempt, setAttempt] = useState(0)

  useEffect(() => {
    let current = true
    setError('')
    loadCommunities()
      .then((list) => {
        if (!current) return
        setCommunities(list)
        // the community of the current grid opens by itself
        if (onPick && currentGridId) setOpen(list.find((c) => c.grids.some((g) => g.id === currentGridId)) ?? null)
      })
      .catch((e) => { if (current) setError(errorMessage(e)) })
    return () => { current = false }
  }, [attempt])

  if (error) {
    return (
      <View className='gl-notice' id={`${idPrefix}-error`}>
        <Text>{`社区列表没有加载出来：${error}`}</Text>
        <Text id={`${idPrefix}-retry`} className='gl-mini-btn' onClick={() => setAttempt(attempt + 1)}>重新加载</Text>
      </View>
    )
  }
  if (!communities) return <View className='gl-loading'>正在加载社区列表…</View>
  if (communities.length === 0) return <Text className='gl-notice'>还没有导入网格地图，请拨打街道热线咨询。</Text>

  if (open && onPick) {
    return (
      <View className='pick-list' id={`${idPrefix}-grids`}>
        <Text className='gl-label'>{`${open.name}（${open.streetName}）的网格`}</Text>
        {open.grids.length === 0 && <Text className='gl-muted'>该社区还没有划分网格。</Text>}
        {open.grids.map((g) => (
          <Text key={g.id} id={`${idPrefix}-grid-${g.id}`} className={g.id === currentGridId ? 'pick-row pick-row-on' : 'pick-row'} onClick={() => onPick(g, open)}>
            {g.id === currentGridId ? `${shortGridName(open.name, g.name)}（当前选择）` : shortGridName(open.name, g.name)}
          </Text>
        ))}
        <Text id={`${idPrefix}-back`} className='gl-link' onClick={() => setOpen(null)}>换一个社区</Text>
      </View>
    )
  }
  return (
    <View className='pick-list' id={`${idPrefix}-communities`}>
      {communities.map((c) => (
        <Text key={c.id} id={`${idPrefix}-community-${c.id}`} className='pick-row' onClick={() => { onCommunity?.(c); if (onPick) setOpen(c) }}>
          {`${c.name}（${c.streetName}，${c.grids.length}个网格）`}
        </Text>
      ))}
    </View>
  )
}
