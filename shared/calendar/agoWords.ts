// How long ago, as a person says it ("刚刚", "5分钟前", "3小时前", "3天前"): for lists that
// must not show an exact time (the "me too" list shows no timeline). Pure; no time zone
// matters for a difference.

const MINUTE = 60_000
const HOUR = 60 * MINUTE
const DAY = 24 * HOUR

export function agoWords(then: number, now: number): string {
  const gone = Math.max(0, now - then)
  if (gone < MINUTE) return '刚刚'
  if (gone < HOUR) return `${Math.floor(gone / MINUTE)}分钟前`
  if (gone < DAY) return `${Math.floor(gone / HOUR)}小时前`
  return `${Math.floor(gone / DAY)}天前`
}
