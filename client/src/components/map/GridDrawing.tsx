import { Text, View } from '@tarojs/components'
import { useMemo, useRef, useState, type MouseEvent, type PointerEvent } from 'react'
import type { LngLat } from '../../../../shared/model'
import { shortGridName } from '../../../../shared/gridNames'
import { pointOnSurface } from '../../../../shared/routing/pointOnSurface'
import { clientToViewBox, pathOf, projectionFor, round6 } from '../../lib/mapProjection'
import type { GridDrawingProps } from './types'

// Browsers get no WeChat map, and nothing here may reach a tile server: the community is
// drawn as SVG from its own outlines (GridDrawing.weapp.tsx is WeChat's <Map>). Each grid
// carries its name; the highlighted one is hatched, outlined and labelled in words too.
// Tap to place the pin; drag the pin to adjust it (the page still scrolls over the drawing,
// only a touch that starts on the pin moves it).

// a map pin whose tip is at (0, 0)
const PIN_PATH = 'M0 0 C-4 -8 -12 -14 -12 -23 A12 12 0 1 1 12 -23 C12 -14 4 -8 0 0 Z'

/** A label under the pin moves just below its tip, so both stay readable. */
function labelBeside(label: [number, number], pin: [number, number] | null): [number, number] {
  if (!pin || Math.hypot(label[0] - pin[0], label[1] - (pin[1] - 20)) > 30) return label
  return [label[0], pin[1] + 14]
}

export default function GridDrawing({ id, map, highlightGridId, highlightWords = '您的网格', pin, onPlace }: GridDrawingProps) {
  const svg = useRef<SVGSVGElement>(null)
  const projection = useMemo(() => projectionFor(map.bbox), [map])
  const shapes = useMemo(() => map.grids.map((g) => {
    const at = pointOnSurface(g.geometry)
    return { id: g.id, d: pathOf(g.geometry, projection), name: shortGridName(map.community.name, g.name), label: at ? projection.toXY(at) : null }
  }), [map, projection])
  const outline = useMemo(() => (map.community.geometry ? pathOf(map.community.geometry, projection) : null), [map, projection])
  const [dragging, setDragging] = useState<LngLat | null>(null)
  // where on the pin it was grabbed (viewBox units from its tip), so the pin does not jump under the finger
  const grip = useRef<[number, number]>([0, 0])
  // a mouse drag ends with a click where it was let go: that click must not move the pin
  // again (a touch drag ends without one, so the next tap elsewhere still counts)
  const droppedAt = useRef<[number, number] | null>(null)

  const viewBoxAt = (clientX: number, clientY: number) => clientToViewBox(clientX, clientY, svg.current!.getBoundingClientRect(), projection)
  const lngLatAt = ([x, y]: [number, number]): LngLat => {
    const p = projection.toLngLat(x, y)
    return { lng: round6(p.lng), lat: round6(p.lat) }
  }
  const tipAt = (clientX: number, clientY: number) => {
    const [x, y] = viewBoxAt(clientX, clientY)
    return lngLatAt([x - grip.current[0], y - grip.current[1]])
  }
  const tap = (e: MouseEvent<SVGSVGElement>) => {
    const at = viewBoxAt(e.clientX, e.clientY)
    const dropped = droppedAt.current
    droppedAt.current = null
    if (dropped && Math.hypot(at[0] - dropped[0], at[1] - dropped[1]) < 2) return
    onPlace?.(lngLatAt(at))
  }
  const grab = (e: PointerEvent<SVGGElement>) => {
    if (!onPlace || !pin) return
    e.stopPropagation()
    svg.current?.setPointerCapture?.(e.pointerId)
    const [x, y] = viewBoxAt(e.clientX, e.clientY)
    const [px, py] = projection.toXY(pin)
    grip.current = [x - px, y - py]
    setDragging(pin)
  }
  const move = (e: PointerEvent<SVGSVGElement>) => { if (dragging) setDragging(tipAt(e.clientX, e.clientY)) }
  const drop = (e: PointerEvent<SVGSVGElement>) => {
    if (!dragging) return
    const p = tipAt(e.clientX, e.clientY)
    setDragging(null)
    droppedAt.current = viewBoxAt(e.clientX, e.clientY)
    onPlace?.(p)
  }

  const shown = dragging ?? pin ?? null
  const pinXY = shown ? projection.toXY(shown) : null
  const mine = map.grids.find((g) => g.id === highlightGridId)
  const hatch = `${id}-hatch`
  return (
    <View className='gm-drawing' id={id}>
      <svg ref={svg} id={`${id}-svg`} className={onPlace ? 'gm-svg gm-placing' : 'gm-svg'} viewBox={`0 0 ${projection.width} ${projection.height}`}
        role='img' aria-label={`${map.community.name}网格图${mine ? `，${highlightWords}：${shortGridName(map.community.name, mine.name)}` : ''}`}
        onClick={tap} onPointerMove={move} onPointerUp={drop} onPointerCancel={() => setDragging(null)}>
        <defs>
          <pattern id={hatch} patternUnits='userSpaceOnUse' width='8' height='8' patternTransform='rotate(45)'>
            <rect width='8' height='8' fill='#dbe7fd' />
            <line x1='0' y1='0' x2='0' y2='8' stroke='#1d5fd6' strokeWidth='3' strokeOpacity='0.35' />
          </pattern>
        </defs>
        {outline && <path className='gm-community' d={outline} fillRule='evenodd' />}
        {shapes.map((s) => (
          <path key={s.id} className={s.id === highlightGridId ? 'gm-grid gm-grid-mine' : 'gm-grid'} data-grid-id={s.id} d={s.d} fillRule='evenodd'
            style={s.id === highlightGridId ? { fill: `url(#${hatch})` } : undefined} />
        ))}
        {shapes.map((s) => {
          if (!s.label) return null
          const [x, y] = labelBeside(s.label, pinXY)
          return (
            <text key={`label-${s.id}`} className={s.id === highlightGridId ? 'gm-label gm-label-mine' : 'gm-label'} x={x} y={y} textAnchor='middle'>
              <tspan x={x} dy='0.35em'>{s.name}</tspan>
              {s.id === highlightGridId && <tspan x={x} dy='1.25em'>{`（${highlightWords}）`}</tspan>}
            </text>
          )
        })}
        {pinXY && shown && (
          <g id={`${id}-pin`} className='gm-pin' data-lng={shown.lng} data-lat={shown.lat} transform={`translate(${pinXY[0]} ${pinXY[1]})`} onPointerDown={grab}>
            <circle className='gm-pin-hit' cx='0' cy='-20' r='24' />
            <path d={PIN_PATH} fill='#d92d20' stroke='#ffffff' strokeWidth='2' />
            <circle cx='0' cy='-23' r='4.5' fill='#ffffff' />
          </g>
        )}
      </svg>
      {onPlace && <Text className='gm-hint'>{shown ? '点图上别处可改位置，按住红色标记可拖动微调' : '请在图上点一下问题所在的位置'}</Text>}
    </View>
  )
}
