import { Map, Text, View, type MapProps } from '@tarojs/components'
import { useMemo } from 'react'
import { shortGridName } from '../../../../shared/gridNames'
import type { GridGeometry } from '../../../../shared/model'
import { round6 } from '../../lib/mapProjection'
import type { GridDrawingProps } from './types'

// WeChat's native map, which takes GCJ-02 as the grids are stored: the community's grids as
// polygons, the highlighted one filled and outlined in blue and named in words under the map
// (not by colour alone: text on the map needs marker icons from the package, and small
// images are inlined as data, which markers do not take). A tap places the pin. Map polygons
// have no holes: a hole is drawn over in a light fill.

const PIN_ID = 1
const points = (ring: number[][]) => ring.map(([lng, lat]) => ({ longitude: lng, latitude: lat }))
const partsOf = (g: GridGeometry) => (g.type === 'MultiPolygon' ? g.coordinates : [g.coordinates])

function polygonsOf(geometry: GridGeometry, mine: boolean): MapProps.polygon[] {
  return partsOf(geometry).flatMap(([outer, ...holes]) => [
    { points: points(outer), strokeWidth: mine ? 4 : 2, strokeColor: mine ? '#1d5fd6ff' : '#4e5969cc', fillColor: mine ? '#1d5fd640' : '#ffffff33', zIndex: mine ? 2 : 1 },
    ...holes.map((hole) => ({ points: points(hole), strokeWidth: 1, strokeColor: '#4e5969cc', fillColor: '#f4f5f7ff', zIndex: 3 })),
  ])
}

export default function GridDrawing({ id, map, highlightGridId, highlightWords = '您的网格', pin, onPlace }: GridDrawingProps) {
  const [minLng, minLat, maxLng, maxLat] = map.bbox
  const polygons = useMemo(() => [
    ...(map.community.geometry ? partsOf(map.community.geometry).map(([outer]) => ({ points: points(outer), strokeWidth: 1, strokeColor: '#86909cff', fillColor: '#f7f8fa55', zIndex: 0, dashArray: [8, 6] })) : []),
    ...map.grids.flatMap((g) => polygonsOf(g.geometry, g.id === highlightGridId)),
  ], [map, highlightGridId])
  // iconPath left out on purpose: WeChat then draws its default red pin
  const markers = pin ? [{ id: PIN_ID, longitude: pin.lng, latitude: pin.lat, width: 30, height: 40 } as unknown as MapProps.marker] : []
  const mine = map.grids.find((g) => g.id === highlightGridId)
  return (
    <View className='gm-drawing' id={id}>
      <Map id={`${id}-map`} className='gm-map' longitude={(minLng + maxLng) / 2} latitude={(minLat + maxLat) / 2}
        includePoints={[{ longitude: minLng, latitude: minLat }, { longitude: maxLng, latitude: maxLat }]}
        polygons={polygons} markers={markers} onError={() => undefined}
        onTap={(e) => {
          if (!onPlace) return
          const { longitude, latitude } = e.detail as unknown as { longitude: number; latitude: number }
          onPlace({ lng: round6(longitude), lat: round6(latitude) })
        }} />
      {mine && <Text id={`${id}-legend`} className='gm-legend'>{`蓝色区域是${highlightWords}：${shortGridName(map.community.name, mine.name)}`}</Text>}
      {onPlace && <Text className='gm-hint'>{pin ? '点地图上别处可改位置' : '请在地图上点一下问题所在的位置'}</Text>}
    </View>
  )
}
