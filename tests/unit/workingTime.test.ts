import dayjs from 'dayjs'
import utc from 'dayjs/plugin/utc'
import timezone from 'dayjs/plugin/timezone'
import { addWorkingMinutes, deadlineOf, DEFAULT_CALENDAR, workingMinutesBetween } from '../../shared/calendar/workingTime'

dayjs.extend(utc)
dayjs.extend(timezone)
const at = (s: string) => dayjs.tz(s, 'Asia/Shanghai').valueOf()
const show = (ms: number) => dayjs(ms).tz('Asia/Shanghai').format('YYYY-MM-DD HH:mm')

describe('working-time deadlines (Asia/Shanghai, lunch break, holidays, make-up workdays)', () => {
  it.each([
    ['within the morning', '2026-11-23 09:30', 60, '2026-11-23 10:30'],
    ['across the lunch break', '2026-11-23 11:30', 60, '2026-11-23 14:00'],
    ['from the lunch break', '2026-11-23 12:40', 30, '2026-11-23 14:00'],
    ['across the night', '2026-11-23 17:30', 60, '2026-11-24 09:30'],
    ['across the weekend', '2026-11-27 17:00', 120, '2026-11-30 10:00'],
    ['from a Saturday', '2026-11-28 10:00', 30, '2026-11-30 09:30'],
    ['over the National Day holiday', '2026-09-30 17:00', 120, '2026-10-08 10:00'],
    ['onto a make-up Saturday', '2026-10-09 17:00', 120, '2026-10-10 10:00'],
    ['a whole working day', '2026-11-23 09:00', 450, '2026-11-23 18:00'],
    ['from before opening', '2026-11-23 07:00', 30, '2026-11-23 09:30'],
    ['from after closing', '2026-11-23 19:00', 30, '2026-11-24 09:30'],
    ["over New Year's Day onto its make-up Sunday", '2025-12-31 17:00', 120, '2026-01-04 10:00'],
    ['across the Spring Festival week', '2026-02-14 17:00', 120, '2026-02-24 10:00'],
  ])('%s', (_name, start, minutes, due) => {
    expect(show(addWorkingMinutes(at(start), minutes, DEFAULT_CALENDAR))).toBe(due)
  })

  it.each([
    ['a deadline inside a year the file holds', '2026-11-23 17:00', 120, '2026-11-24 10:00', false],
    ['a deadline running into an unconfigured year (fixed statutory holidays only)', '2026-12-31 17:00', 120, '2027-01-04 10:00', true],
    ['a deadline wholly in an unconfigured year skips 1–2 May', '2027-04-30 17:00', 120, '2027-05-03 10:00', true],
  ])('%s', (_name, start, minutes, due, unconfirmed) => {
    const d = deadlineOf(at(start), minutes, DEFAULT_CALENDAR)
    expect([show(d.at), d.unconfirmed]).toEqual([due, unconfirmed])
  })

  it('counts back the same working minutes it added', () => {
    const start = at('2026-11-20 16:10')
    const due = addWorkingMinutes(start, 1000, DEFAULT_CALENDAR)
    expect(workingMinutesBetween(start, due, DEFAULT_CALENDAR)).toBe(1000)
  })

  it('refuses a calendar without any working time', () => {
    expect(() => addWorkingMinutes(at('2026-11-23 09:00'), 10, { ...DEFAULT_CALENDAR, weekdays: [] as number[] })).toThrow(/no working time/)
  })
})
