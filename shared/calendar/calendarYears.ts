import dayjs from 'dayjs'
import utc from 'dayjs/plugin/utc'
import * as z from 'zod'

dayjs.extend(utc)

// The public holidays and make-up workdays (调休) of each year, as the State Council's notice
// announces them every November (holidays.json). A year the file does not hold is not
// guessed at: it gets the fixed statutory holidays below and its deadlines are flagged.

/** What a task view says next to a deadline that ran into a year the file does not hold. */
export const UNCONFIRMED_DUE_NOTE = '日历未确认'

/**
 * The solar-date holidays of 《全国年节及纪念日放假办法》 (2024 revision): 元旦 1 Jan, 劳动节
 * 1–2 May, 国庆节 1–3 Oct, as MM-DD. 春节, 端午 and 中秋 follow the lunar calendar and 清明
 * the solar term (4 or 5 April), which cannot be placed without an almanac; nor can the
 * make-up workdays, which exist only in each year's notice.
 */
export const FIXED_HOLIDAYS: readonly string[] = ['01-01', '05-01', '05-02', '10-01', '10-02', '10-03']

const yearSchema = z.object({
  /** the notice the dates come from, so a reader can check them */
  source: z.string().min(1, 'names no source notice'),
  holidays: z.array(z.string()),
  makeupWorkdays: z.array(z.string()),
})
export type CalendarYear = z.infer<typeof yearSchema>

const WEEKDAY_NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday']
const realDay = (d: string) => /^\d{4}-\d{2}-\d{2}$/.test(d) && dayjs.utc(d).format('YYYY-MM-DD') === d

/** Every problem with one year's dates, each naming the date. */
function yearProblems(year: string, y: CalendarYear): string[] {
  if (!/^\d{4}$/.test(year)) return ['a year is four digits']
  const problems: string[] = []
  for (const [list, days] of [['holidays', y.holidays], ['makeupWorkdays', y.makeupWorkdays]] as const) {
    days.forEach((d, i) => {
      if (!realDay(d)) problems.push(`${d} is not a real day (YYYY-MM-DD)`)
      else if (!d.startsWith(`${year}-`)) problems.push(`${d} is outside the year`)
      // sorted and unique, so a date typed twice or in the wrong place is seen in review
      else if (i > 0 && days[i - 1] >= d) problems.push(`${list}: ${d} must come after ${days[i - 1]} (sorted, each date once)`)
    })
  }
  for (const d of y.makeupWorkdays.filter(realDay)) {
    if (y.holidays.includes(d)) problems.push(`${d} is both a holiday and a make-up workday`)
    // a make-up workday moves a weekend day's rest into a holiday; any other day is a typo
    const weekday = dayjs.utc(d).day()
    if (weekday !== 0 && weekday !== 6) problems.push(`make-up workday ${d} is a ${WEEKDAY_NAMES[weekday]}, not a Saturday or Sunday`)
  }
  return problems
}

export const calendarYearsSchema = z
  .record(z.string(), yearSchema)
  .superRefine((years, ctx) => {
    for (const [year, y] of Object.entries(years)) {
      for (const message of yearProblems(year, y)) ctx.addIssue({ code: 'custom', path: [year], message })
    }
  })
export type CalendarYears = z.infer<typeof calendarYearsSchema>

/**
 * The years of a calendar file, or an error naming each year and date that is wrong. Called
 * when the module loads, so a broken file stops the host at boot, not at the first deadline.
 */
export function calendarYearsOf(raw: unknown, origin = 'shared/calendar/holidays.json'): CalendarYears {
  const parsed = calendarYearsSchema.safeParse(raw)
  if (parsed.success) return parsed.data
  const lines = parsed.error.issues.map((i) => `${i.path.map(String).join('.') || '(file)'}: ${i.message}`)
  throw new Error(`working calendar ${origin} refused:\n  ${lines.join('\n  ')}`)
}

/** The years a calendar holds, in order. */
export const heldYears = (years: CalendarYears) => Object.keys(years).sort()

/** What a host logs at boot, so an operator sees when the next year's notice is due. */
export const calendarBootLine = (years: CalendarYears) =>
  `working calendar: ${heldYears(years).join(', ') || 'no years'} (later years: fixed statutory holidays only, deadlines flagged ${UNCONFIRMED_DUE_NOTE})`
