// Calendar days as the documents write them. Birth and move-in dates are days, not
// instants: they are compared as 'YYYY-MM-DD' strings against "today" in Asia/Shanghai,
// which the caller passes in (the server's movable clock, or the phone's) so the rules
// stay pure and a test can fix the day.

/** A day written 'YYYY-MM-DD'; `today` arguments are this form. */
export type CalendarDay = string

/** "Today" given as a day or as a function asked at each check (a long-running host's day changes). */
export type Today = CalendarDay | (() => CalendarDay)
export const dayOf = (today: Today): CalendarDay => (typeof today === 'function' ? today() : today)

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0

/** Whether the day exists (30 Feb, month 13 and 29 Feb of a common year do not). */
export function isRealDay(year: number, month: number, day: number): boolean {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return false
  if (month < 1 || month > 12 || day < 1) return false
  return day <= (month === 2 && isLeap(year) ? 29 : DAYS_IN_MONTH[month - 1])
}

/** 'YYYYMMDD' or 'YYYY-MM-DD' → 'YYYY-MM-DD' when the day exists, else null. */
export function calendarDay(text: string): CalendarDay | null {
  const m = /^(\d{4})-?(\d{2})-?(\d{2})$/.exec(text)
  if (!m) return null
  return isRealDay(Number(m[1]), Number(m[2]), Number(m[3])) ? `${m[1]}-${m[2]}-${m[3]}` : null
}

const UTC_PLUS_8_MS = 8 * 3_600_000

/**
 * Today's date in Asia/Shanghai. China has kept UTC+8 without summer time since 1991, so a
 * fixed offset is the exact answer for any "today" this code will see. It is asked several
 * times per declaration (each ID's birth date, each move-in date): dayjs.tz built an Intl
 * formatter each time and took 1.7 ms of every declaration (bench, docs/benchmarks.md), and
 * some WeChat engines lack Intl time zones altogether.
 */
export function shanghaiToday(now: number = Date.now()): CalendarDay {
  return new Date(now + UTC_PLUS_8_MS).toISOString().slice(0, 10)
}

/** "12月3日17:00": an instant as a resident reads it, in Asia/Shanghai (fixed UTC+8, as above). */
export function shanghaiMonthDayTime(ms: number): string {
  const d = new Date(ms + UTC_PLUS_8_MS)
  return `${d.getUTCMonth() + 1}月${d.getUTCDate()}日${String(d.getUTCHours()).padStart(2, '0')}:${String(d.getUTCMinutes()).padStart(2, '0')}`
}
/** 'YYYYMMDD' of an instant in Asia/Shanghai: the day part of a 工单编号. */
export const shanghaiCompactDay = (ms: number) => shanghaiToday(ms).replace(/-/g, '')
