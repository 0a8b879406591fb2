import { Text, View } from '@tarojs/components'
import { useEffect, useState } from 'react'
import type { CommunityListItem } from '../../../../shared/api'
import { shortGridName } from '../../../../shared/gridNames'
import { pointOnSurface } from '../../../../shared/routing/pointOnSurface'
import { errorMessage } from '../../api/client'
import { loadCommunityMap, rememberCommunity, rememberedCommunityId } from '../../lib/mapData'
import { round6 } from '../../lib/mapProjection'
import FieldError from '../FieldError'
import CommunityGridList, { type ListedGrid } from '../map/CommunityGridList'
import GridDrawing from '../map/GridDrawing'
import { useCommunityMap } from '../map/useCommunityMap'
import ChooseLocationButton from './ChooseLocationButton'
import CoordinateEntry from './CoordinateEntry'
import NudgeButtons from './NudgeButtons'
import type { LocationPickerProps, Point } from './types'
import { usePointPlace } from './usePointPlace'

// Where the problem is. The phone's location when it gives one; otherwise (refused, or a
// browser) the person places the pin on a drawing of their community, or picks community →
// grid from a list; on weapp WeChat's place chooser too. Which grid the point falls in is
// said in words before anything is sent. Typed coordinates are folded away as "高级".

type Listing = 'community' | 'grid' | null

export default function LocationPicker({ value, onChange, onRelocate, locating, failed, error }: LocationPickerProps) {
  const { place, pending, error: placeError } = usePointPlace(value)
  // the community the person chose (a tap on its drawing chooses it too), else the point's, else the remembered one
  const [chosen, setChosen] = useState<string | null>(null)
  const [drawnId, setDrawnId] = useState<string | null>(null)
  const [listing, setListing] = useState<Listing>(null)
  const [note, setNote] = useState('')
  useEffect(() => {
    if (chosen) setDrawnId(chosen)
    else if (place?.communityId) setDrawnId(place.communityId)
    else if (!locating && (!value || place)) setDrawnId((d) => d ?? rememberedCommunityId())
  }, [chosen, place, value, locating])
  const drawing = useCommunityMap(drawnId)

  const choose = (communityId: string) => {
    setChosen(communityId)
    rememberCommunity(communityId)
    setListing(null)
  }
  const placeOnDrawing = (p: Point) => {
    if (drawnId) choose(drawnId)
    setNote('')
    onChange(p)
  }
  const pickGrid = async (grid: ListedGrid, community: CommunityListItem) => {
    setNote('正在定位到所选网格…')
    const map = await loadCommunityMap(community.id).catch((e) => {
      setNote(`没能定位到该网格：${errorMessage(e)}`)
      return null
    })
    if (!map) return
    const geometry = map.grids.find((g) => g.id === grid.id)?.geometry
    const inside = geometry ? pointOnSurface(geometry) : null
    choose(community.id)
    if (!inside) {
      setNote('该网格没有可用的边界，请在图上点出问题所在的位置')
      return
    }
    onChange({ lng: round6(inside.lng), lat: round6(inside.lat) })
    setNote(`已定位在「${shortGridName(community.name, grid.name)}」的中部。知道具体位置的话，请在图上点一下。`)
  }

  // nothing to draw yet: no point, or a point in no community (a street's queue, outside the service area)
  const needCommunity = !drawnId && !locating && (!value || (!!place && !place.communityId))
  return (
    <View className='gl-field' id='report-location'>
      <Text className='gl-label'>问题位置</Text>
      <Text id='location-place' className={`location-place place-${place?.outcome ?? (value ? 'pending' : 'missing')}`} data-outcome={place?.outcome ?? ''}>
        {placeWords({ value, locating, failed, pending, message: place?.message ?? '', placeError })}
      </Text>
      {note && <Text id='location-note' className='gl-muted'>{note}</Text>}

      {listing ? (
        <View className='location-list'>
          <Text className='gl-label'>{listing === 'grid' ? '选择问题所在的社区和网格' : '选择问题所在的社区'}</Text>
          <CommunityGridList idPrefix='location' currentGridId={place?.gridId ?? null}
            onCommunity={listing === 'community' ? (c) => choose(c.id) : undefined} onPick={listing === 'grid' ? pickGrid : undefined} />
          <Text id='location-list-cancel' className='gl-link' onClick={() => setListing(null)}>取消</Text>
        </View>
      ) : needCommunity ? (
        <View className='location-list'>
          <Text className='gl-label'>{value ? '位置不对的话，请选择问题所在的社区，在它的地图上点出位置' : '请先选择问题所在的社区，再在图上点出位置'}</Text>
          <CommunityGridList idPrefix='location' onCommunity={(c) => choose(c.id)} />
        </View>
      ) : drawing.map ? (
        <GridDrawing id='location-map' map={drawing.map} pin={value} onPlace={placeOnDrawing} highlightGridId={place?.gridId ?? null} highlightWords='所在网格' />
      ) : drawing.error ? (
        <View className='gl-notice'>
          <Text>{`社区地图没有加载出来：${drawing.error}`}</Text>
          <Text id='location-map-retry' className='gl-mini-btn' onClick={drawing.retry}>重新加载</Text>
        </View>
      ) : drawing.loading ? (
        <View className='gl-loading'>正在加载社区地图…</View>
      ) : null}

      {value && !listing && <NudgeButtons value={value} onChange={onChange} />}
      <View className='location-actions'>
        <Text id='location-relocate' className='gl-mini-btn' onClick={() => { setChosen(null); setNote(''); onRelocate() }}>{locating ? '正在定位…' : '重新定位'}</Text>
        <ChooseLocationButton value={value} onChoose={(p) => { setChosen(null); setNote(''); onChange(p) }} />
        <Text id='location-pick-grid' className='gl-mini-btn' onClick={() => setListing('grid')}>从列表选网格</Text>
        {drawnId && <Text id='location-change-community' className='gl-mini-btn' onClick={() => setListing('community')}>换一个社区的地图</Text>}
      </View>
      <CoordinateEntry value={value} onChange={(p) => { setChosen(null); onChange(p) }} />
      <FieldError name='location' message={error} />
    </View>
  )
}

function placeWords(s: { value: Point | null; locating: boolean; failed?: boolean; pending: boolean; message: string; placeError: string }): string {
  if (s.locating) return '正在定位…'
  if (s.value) {
    if (s.message) return s.message
    if (s.pending) return '已选好位置，正在确认所属网格…'
    return `已选好位置，暂时无法确认所属网格（${s.placeError}），提交后会按位置派单`
  }
  return s.failed ? '无法自动定位，请在下面的图上点一下问题所在的位置，或从列表选网格' : '还没有位置，请在图上点一下问题所在的位置，或从列表选网格'
}
