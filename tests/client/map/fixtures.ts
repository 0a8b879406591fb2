import type { CommunityListItem, CommunityMap, PointPlace } from '../../../shared/api'
import type { LngLat } from '../../../shared/model'
import { bboxOf, ringsOf } from '../../../shared/routing/geo'
import { createRouter } from '../../../shared/routing/router'
import type { ApiResponse } from '../../../shared/schemas/envelope'
import { pointPlace } from '../../../cloudfunctions/app/map/pointPlace'
import { DEMO_COMMUNITIES, DEMO_GRIDS, DEMO_STREET } from '../../../cloudfunctions/local/seed/demoArea'

/** A community of the demo street as user.communityMap answers it. */
export function demoCommunityMap(communityId: string): CommunityMap {
  const community = DEMO_COMMUNITIES.find((c) => c.id === communityId)!
  const grids = DEMO_GRIDS.filter((g) => g.communityId === communityId)
  const box = bboxOf([...ringsOf(community.geometry!), ...grids.flatMap((g) => [...ringsOf(g.geometry)])])
  return {
    community: { id: community.id, name: community.name, streetName: DEMO_STREET.name, hotline: DEMO_STREET.hotline, geometry: community.geometry! },
    grids: grids.map((g) => ({ id: g.id, name: g.name, geometry: g.geometry, leaderName: null })),
    bbox: [box.minLng, box.minLat, box.maxLng, box.maxLat],
  }
}

export const DEMO_LIST: CommunityListItem[] = DEMO_COMMUNITIES.map((c) => ({
  id: c.id, name: c.name, streetName: DEMO_STREET.name,
  grids: DEMO_GRIDS.filter((g) => g.communityId === c.id).map((g) => ({ id: g.id, name: g.name })),
}))

/** PointerEvent for jsdom, which has none: React's pointer handlers read clientX/Y and pointerId. */
export function installPointerEvent() {
  const w = window as unknown as { PointerEvent?: unknown }
  if (w.PointerEvent) return
  class PointerEventShim extends MouseEvent {
    pointerId: number
    constructor(type: string, init: MouseEventInit & { pointerId?: number } = {}) {
      super(type, init)
      this.pointerId = init.pointerId ?? 1
    }
  }
  w.PointerEvent = PointerEventShim
}

/** The drawing shown at a size of our choosing (jsdom lays nothing out). */
export function placeOnScreen(svg: Element, rect: { left: number; top: number; width: number; height: number }) {
  svg.getBoundingClientRect = () => ({ ...rect, x: rect.left, y: rect.top, right: rect.left + rect.width, bottom: rect.top + rect.height, toJSON: () => rect }) as DOMRect
}

/** user.locatePoint as the server answers it, over the demo street's map. */
export function demoLocatePoint(): (p: LngLat) => PointPlace {
  const router = createRouter({ grids: DEMO_GRIDS, communities: DEMO_COMMUNITIES, streets: [DEMO_STREET], generation: 1 })
  const gridName = (id: string | null) => DEMO_GRIDS.find((g) => g.id === id)?.name ?? null
  return (p) => {
    const routing = router.route(p)
    return pointPlace(routing, {
      gridName: gridName(routing.gridId),
      communityName: DEMO_COMMUNITIES.find((c) => c.id === routing.communityId)?.name ?? null,
      streetName: routing.streetId ? DEMO_STREET.name : null,
      neighbourGridNames: routing.neighbourGridIds.map((id) => gridName(id)!),
      hotline: DEMO_STREET.hotline,
    })
  }
}

/** The demo street's answers to the map's calls (user.listCommunities, communityMap, locatePoint); undefined for any other call. */
export function demoMapAnswer(action: string | undefined, payload: unknown): ApiResponse<unknown> | undefined {
  const p = (payload ?? {}) as { communityId?: string; location?: LngLat }
  if (action === 'listCommunities') return { ok: true, data: DEMO_LIST }
  if (action === 'communityMap') return { ok: true, data: demoCommunityMap(p.communityId!) }
  if (action === 'locatePoint') return { ok: true, data: demoLocatePoint()(p.location!) }
  return undefined
}
