import type { Coverage } from '../../../../shared/api'

/** "申报率 62%（已核验 31 户 / 已知 50 户），实有人口 84 人"; without known rooms there is no rate to give. */
export function coverageWords(c: Coverage): string {
  const people = `实有人口 ${c.residents} 人`
  if (c.rate === null) return `申报率：暂无（本网格还没有导入房屋），已核验 ${c.verifiedRooms} 户，${people}`
  return `申报率 ${Math.round(c.rate * 100)}%（已核验 ${c.verifiedRooms} 户 / 已知 ${c.knownRooms} 户），${people}`
}

/** The bar's width: a rate past 100% (rooms re-imported smaller) still fits the bar. */
export const coveragePercent = (c: Coverage) => (c.rate === null ? 0 : Math.min(100, Math.max(0, Math.round(c.rate * 100))))
