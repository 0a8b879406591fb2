import type { MyPoints, PointsEntryView } from '../../../shared/api'

// A volunteer's numbers in words: points against the day's cap, how long and how far a patrol went.

/** 「每条被受理并办结的反映得10分，每天最多50分；撤回、不予受理或重复的反映不计分」 from the server's own numbers */
export const pointsRule = (p: Pick<MyPoints, 'perReport' | 'dailyCap'>) =>
  `每条被受理并办结的反映得${p.perReport}分，每天最多${p.dailyCap}分；撤回、不予受理或重复的反映不计分`

/** 「今日已得 20 / 50 分」 */
export const todayWords = (p: Pick<MyPoints, 'today' | 'dailyCap'>) => `今日已得 ${p.today} / ${p.dailyCap} 分`

/** 「在桃源社区排第3名」, or why there is no place yet */
export const rankWords = (p: Pick<MyPoints, 'rank' | 'communityName'>) =>
  p.rank === null ? '还没有积分，暂未上榜' : `在${p.communityName ?? '本社区'}排第${p.rank}名`

/** 「+10分」, or that the day's cap had been reached: a capped case says so instead of showing 0 */
export const entryWords = (e: Pick<PointsEntryView, 'points' | 'capped'>) => (e.capped ? '已达当日上限，未计分' : `+${e.points}分`)

/** 「1小时5分钟」, 「25分钟」, 「不到1分钟」 */
export function spanWords(ms: number): string {
  const minutes = Math.floor(Math.max(0, ms) / 60000)
  if (minutes < 1) return '不到1分钟'
  const hours = Math.floor(minutes / 60)
  const rest = minutes % 60
  if (hours === 0) return `${minutes}分钟`
  return rest === 0 ? `${hours}小时` : `${hours}小时${rest}分钟`
}

/** 「350米」, 「1.2公里」 */
export const distanceWords = (m: number) => (m < 1000 ? `${Math.round(m)}米` : `${(m / 1000).toFixed(1)}公里`)
