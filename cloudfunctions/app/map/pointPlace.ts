import type { PointPlace } from '../../../shared/api'
import type { Routing } from '../../../shared/model'
import { gridLabel } from '../../../shared/gridNames'
import { outsideServiceAreaMessage, ROUTING_OUTCOME_TABLE } from '../../../shared/routing/outcome'

// Which grid a point falls in, in words, before a report is sent: the same outcomes the
// report will be routed by (shared/routing/outcome.ts names them), with the places named.

export interface PlaceNames {
  gridName: string | null
  communityName: string | null
  streetName: string | null
  neighbourGridNames: string[]
  hotline: string
}

export function pointPlace(routing: Routing, names: PlaceNames): PointPlace {
  const grid = routing.gridId && names.gridName ? gridLabel(names.communityName, names.gridName) : null
  return {
    outcome: routing.outcome,
    gridId: grid ? routing.gridId : null,
    gridName: grid ? names.gridName : null,
    communityId: routing.communityId,
    communityName: names.communityName,
    neighbourGridNames: names.neighbourGridNames,
    message: messageOf(routing, grid, names),
  }
}

function messageOf(routing: Routing, grid: string | null, names: PlaceNames): string {
  const outcome = ROUTING_OUTCOME_TABLE[routing.outcome]
  // a grid routed to but gone from the map since (an import between the two reads)
  if (!grid && (routing.outcome === 'inside' || routing.outcome === 'near_border' || routing.outcome === 'nearest_grid')) return outcome.residentText
  switch (routing.outcome) {
    case 'inside':
      return `该位置属于 ${grid}`
    case 'near_border':
      return names.neighbourGridNames.length > 0
        ? `该位置属于 ${grid}（${outcome.name}，相邻：${names.neighbourGridNames.join('、')}）`
        : `该位置属于 ${grid}（${outcome.name}）`
    case 'nearest_grid':
      return `该位置不在任何网格内，将派给最近的 ${grid}`
    case 'dispatcher_queue': {
      const area = routing.communityId ? names.communityName : names.streetName
      return `该位置不在任何网格内，将交给${area ?? ''}分拨中心派单`
    }
    case 'outside_service_area':
      return outsideServiceAreaMessage(names.hotline)
  }
}
