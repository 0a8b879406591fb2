import type { DuplicateFlag } from '../../../../shared/api'
import { dueWords, formatTime } from '../../lib/time'

// A declaration's verification (核查) in words, as the inbox and the verification page say it
// (states are words first; colour is only a second cue).

/** "还剩 1天3小时（11月26日 17:30前）" or "已超期（应于11月26日 17:30前核查）". */
export function verifyDueWords(dueAt: number, overdue: boolean, now = Date.now()): string {
  if (overdue) return `已超期（应于${formatTime(dueAt)}前核查）`
  return `${dueWords(dueAt, now)}（${formatTime(dueAt)}前）`
}

/** "该证件号码也登记在 莲花一村社区5栋101（莲花一村第2网格，已核验）": where and in which state, never the number. */
export const duplicateWords = (d: DuplicateFlag) => `该证件号码也登记在 ${d.addressLabel}（${[d.gridName, d.statusName].filter(Boolean).join('，')}）`

