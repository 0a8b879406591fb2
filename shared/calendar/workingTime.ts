import dayjs from 'dayjs'
import utc from 'dayjs/plugin/utc'
import timezone from 'dayjs/plugin/timezone'
import * as z from 'zod'
import { calendarYearsOf, calendarYearsSchema, FIXED_HOLIDAYS } from './calendarYears'
import holidaysFile from './holidays.json'

dayjs.extend(utc)
dayjs.extend(timezone)

// Deadlines are counted in working time (DESIGN.md, "The case workflow"): Asia/Shanghai,
// a lunch break, public holidays and the make-up workdays (调休) that the State Council
// announces each year. The years come from holidays.json (calendarYears.ts); the rest is here.
const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/)

export const workingCalendarSchema = z.object({
  timezone: z.string().min(1),
  periods: z.array(z.object({ start: hhmm, end: hhmm })).min(1),
  /** 0 = Sunday … 6 = Saturday */
  weekdays: z.array(z.number().int().min(0).max(6)).min(1),
  /** holidays and make-up workdays per year, e.g. years['2026'] */
  years: calendarYearsSchema,
})
export type WorkingCalendar = z.infer<typeof workingCalendarSchema>

export const DEFAULT_CALENDAR: WorkingCalendar = {
  timezone: 'Asia/Shanghai',
  periods: [
    { start: '09:00', end: '12:00' },
    { start: '13:30', end: '18:00' },
  ],
  weekdays: [1, 2, 3, 4, 5],
  years: calendarYearsOf(holidaysFile),
}

/** Whether the calendar holds the year of a day (YYYY-MM-DD) as announced, not guessed. */
export const holdsDay = (day: string, cal: WorkingCalendar) => cal.years[day.slice(0, 4)] !== undefined

export function isWorkingDay(day: string, weekday: number, cal: WorkingCalendar): boolean {
  const year = cal.years[day.slice(0, 4)]
  if (!year) return !FIXED_HOLIDAYS.includes(day.slice(5)) && cal.weekdays.includes(weekday)
  if (year.makeupWorkdays.includes(day)) return true
  if (year.holidays.includes(day)) return false
  return cal.weekdays.includes(weekday)
}

// A year without a single working minute means a broken calendar, not a long deadline.
const MAX_DAYS = 366

// dayjs.tz goes through Intl on every call, which made it the main cost of a submission
// after the disk. A day's period boundaries and a quarter-hour's local date never change
// (every real UTC offset is a multiple of 15 minutes), so each is computed once.
const MAX_CACHED = 20_000
function memo<T>(cache: Map<string, T>, key: string, make: () => T): T {
  let v = cache.get(key)
  if (v === undefined) {
    if (cache.size >= MAX_CACHED) cache.clear()
    v = make()
    cache.set(key, v)
  }
  return v
}
const instants = new Map<string, number>()
const instant = (date: string, hhmm: string, tz: string) => memo(instants, `${tz} ${date} ${hhmm}`, () => dayjs.tz(`${date} ${hhmm}`, tz).valueOf())
const QUARTER = 15 * 60_000
const localDates = new Map<string, string>()
const localDate = (ms: number, tz: string) => memo(localDates, `${tz} ${Math.floor(ms / QUARTER)}`, () => dayjs(ms).tz(tz).format('YYYY-MM-DD'))
/** Calendar arithmetic on a date string needs no time zone. */
const nextDate = (date: string) => dayjs.utc(date).add(1, 'day').format('YYYY-MM-DD')
const weekdayOf = (date: string) => dayjs.utc(date).day()

/**
 * The instant `minutes` working minutes after `start` (epoch ms), and whether any day it
 * looked at lies in a year the calendar does not hold: that answer used the fixed statutory
 * holidays only and may move once the year's notice is out.
 */
export function deadlineOf(start: number, minutes: number, cal: WorkingCalendar): { at: number; unconfirmed: boolean } {
  let remaining = minutes * 60_000
  let unconfirmed = false
  let date = localDate(start, cal.timezone)
  for (let i = 0; i < MAX_DAYS; i++, date = nextDate(date)) {
    if (!holdsDay(date, cal)) unconfirmed = true
    if (!isWorkingDay(date, weekdayOf(date), cal)) continue
    for (const p of cal.periods) {
      const from = instant(date, p.start, cal.timezone)
      const to = instant(date, p.end, cal.timezone)
      const begin = Math.max(from, start)
      if (begin >= to) continue
      if (remaining <= to - begin) return { at: begin + remaining, unconfirmed }
      remaining -= to - begin
    }
  }
  throw new Error('working calendar has no working time within a year')
}

/** The instant `minutes` working minutes after `start` (epoch ms); deadlineOf also says whether the calendar held every day. */
export const addWorkingMinutes = (start: number, minutes: number, cal: WorkingCalendar): number => deadlineOf(start, minutes, cal).at

/** Working minutes between two instants (0 when `to` is not after `from`). */
export function workingMinutesBetween(from: number, to: number, cal: WorkingCalendar): number {
  if (to <= from) return 0
  let total = 0
  const last = localDate(to, cal.timezone)
  let date = localDate(from, cal.timezone)
  for (let i = 0; i < MAX_DAYS * 5 && date <= last; i++, date = nextDate(date)) {
    if (!isWorkingDay(date, weekdayOf(date), cal)) continue
    for (const p of cal.periods) {
      const a = Math.max(instant(date, p.start, cal.timezone), from)
      const b = Math.min(instant(date, p.end, cal.timezone), to)
      if (b > a) total += b - a
    }
  }
  return Math.round(total / 60_000)
}
