// Routing names its outcomes (STYLE.md 6, DESIGN.md "Routing").
export const ROUTING_OUTCOMES = ['inside', 'near_border', 'nearest_grid', 'dispatcher_queue', 'outside_service_area'] as const
export type RoutingOutcome = (typeof ROUTING_OUTCOMES)[number]

export const ROUTING_OUTCOME_NAMES: Record<RoutingOutcome, string> = {
  inside: '网格内',
  near_border: '网格边界附近',
  nearest_grid: '网格外，已派给最近网格',
  dispatcher_queue: '待分拨中心派单',
  outside_service_area: '不在服务范围',
}
