// Routing names its outcomes (STYLE.md 6, DESIGN.md "Routing"): this table is the one
// place their words live, for the resident, the worker and the server alike.
export const ROUTING_OUTCOMES = ['inside', 'near_border', 'nearest_grid', 'dispatcher_queue', 'outside_service_area'] as const
export type RoutingOutcome = (typeof ROUTING_OUTCOMES)[number]

export interface RoutingOutcomeEntry {
  /** short name, on the task, the report's detail and its timeline */
  name: string
  /** what it means for the resident, shown once the report is in */
  residentText: string
  /**
   * the task is flagged near a border: its grid may not be the right one, so the worker
   * sees the neighbours and can transfer in one tap
   */
  flagsNeighbours: boolean
}

export const ROUTING_OUTCOME_TABLE: Readonly<Record<RoutingOutcome, RoutingOutcomeEntry>> = {
  inside: { name: '网格内', residentText: '已派给该网格的网格员处理。', flagsNeighbours: false },
  near_border: {
    name: '网格边界附近',
    residentText: '位置在网格边界附近，网格员如发现不属本网格，会一键转给相邻网格。',
    flagsNeighbours: true,
  },
  nearest_grid: { name: '网格外，已派给最近网格', residentText: '位置不在任何网格内，已派给最近的网格。', flagsNeighbours: true },
  dispatcher_queue: { name: '待分拨中心派单', residentText: '已交给分拨中心，由工作人员派给合适的网格。', flagsNeighbours: false },
  // never stored: the report is refused with outsideServiceAreaMessage
  outside_service_area: { name: '不在服务范围', residentText: '该位置不在本街道服务范围内。', flagsNeighbours: false },
}

export function flagsNeighbours(outcome: RoutingOutcome): boolean {
  return ROUTING_OUTCOME_TABLE[outcome].flagsNeighbours
}

/** The OUTSIDE_SERVICE_AREA error's message: whom to call instead. */
export function outsideServiceAreaMessage(hotline: string): string {
  return `该位置不在本街道服务范围内，请联系当地街道或拨打 ${hotline} 热线`
}
