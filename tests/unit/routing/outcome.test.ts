import { ROUTING_OUTCOMES, ROUTING_OUTCOME_TABLE, flagsNeighbours, outsideServiceAreaMessage } from '../../../shared/routing/outcome'

describe('the routing outcome table', () => {
  it('has a short name and words for the resident for every outcome, each different', () => {
    expect(Object.keys(ROUTING_OUTCOME_TABLE).sort()).toEqual([...ROUTING_OUTCOMES].sort())
    const names = ROUTING_OUTCOMES.map((o) => ROUTING_OUTCOME_TABLE[o].name)
    const texts = ROUTING_OUTCOMES.map((o) => ROUTING_OUTCOME_TABLE[o].residentText)
    expect(new Set(names).size).toBe(ROUTING_OUTCOMES.length)
    expect(new Set(texts).size).toBe(ROUTING_OUTCOMES.length)
    for (const words of [...names, ...texts]) expect(words).toMatch(/[\u4e00-\u9fa5]/)
  })

  it.each([
    { outcome: 'inside', name: '网格内', flags: false },
    { outcome: 'near_border', name: '网格边界附近', flags: true },
    { outcome: 'nearest_grid', name: '网格外，已派给最近网格', flags: true },
    { outcome: 'dispatcher_queue', name: '待分拨中心派单', flags: false },
    { outcome: 'outside_service_area', name: '不在服务范围', flags: false },
  ] as const)('$outcome is “$name”; its task is flagged near a border: $flags', ({ outcome, name, flags }) => {
    expect(ROUTING_OUTCOME_TABLE[outcome].name).toBe(name)
    expect(flagsNeighbours(outcome)).toBe(flags)
  })

  it('tells the resident outside the service area whom to call', () => {
    expect(outsideServiceAreaMessage('0755-12345')).toBe('该位置不在本街道服务范围内，请联系当地街道或拨打 0755-12345 热线')
  })
})
