import dayjs from 'dayjs'
import utc from 'dayjs/plugin/utc'
import timezone from 'dayjs/plugin/timezone'
import { calendarBootLine, calendarYearsOf } from '../../shared/calendar/calendarYears'
import { DEFAULT_CALENDAR, deadlineOf, isWorkingDay, type WorkingCalendar } from '../../shared/calendar/workingTime'

dayjs.extend(utc)
dayjs.extend(timezone)
const at = (s: string) => dayjs.tz(s, 'Asia/Shanghai').valueOf()
const show = (ms: number) => dayjs(ms).tz('Asia/Shanghai').format('YYYY-MM-DD HH:mm')

describe('deadlines on the working calendar of holidays.json (09:00–12:00, 13:30–18:00, Asia/Shanghai)', () => {
  it.each([
    ['across the lunch break', '2026-11-23 11:30', 60, '2026-11-23 14:00', false],
    ['across a weekend', '2026-11-27 17:00', 120, '2026-11-30 10:00', false],
    ['over a public holiday (清明, Sat–Mon)', '2026-04-03 17:00', 120, '2026-04-07 10:00', false],
    ['onto a make-up Saturday (before 春节)', '2026-02-13 17:00', 120, '2026-02-14 10:00', false],
    ['onto a make-up Sunday of 2025', '2025-01-26 09:00', 60, '2025-01-26 10:00', false],
    ['over the Spring Festival week of 2026', '2026-02-14 17:00', 120, '2026-02-24 10:00', false],
    ['over the Spring Festival week of 2025', '2025-01-27 17:00', 120, '2025-02-05 10:00', false],
    ['over the National Day week of 2026', '2026-09-30 17:00', 120, '2026-10-08 10:00', false],
    ['over the National Day and Mid-Autumn week of 2025', '2025-09-30 17:00', 120, '2025-10-09 10:00', false],
    ['from before 9:00', '2026-11-23 07:00', 30, '2026-11-23 09:30', false],
    ['from the lunch break', '2026-11-23 12:40', 30, '2026-11-23 14:00', false],
    ['from after 18:00', '2026-11-23 19:00', 30, '2026-11-24 09:30', false],
    ['from a public holiday', '2026-10-03 10:00', 30, '2026-10-08 09:30', false],
    ['to the end of the last day of 2026', '2026-12-31 09:00', 450, '2026-12-31 18:00', false],
    ['into 2027, which the file does not hold: 1 January skipped, flagged', '2026-12-31 17:00', 90, '2027-01-04 09:30', true],
    ['inside 2027: 1–3 October are statutory, flagged', '2027-09-30 17:00', 120, '2027-10-04 10:00', true],
  ])('%s', (_name, start, minutes, due, unconfirmed) => {
    const d = deadlineOf(at(start), minutes, DEFAULT_CALENDAR)
    expect({ at: show(d.at), unconfirmed: d.unconfirmed }).toEqual({ at: due, unconfirmed })
  })

  it.each([
    ['2027-01-01', 5, false],
    ['2027-05-03', 1, true],
    ['2027-10-01', 5, false],
    // 春节 2027 is lunar: without the notice its days are ordinary weekdays
    ['2027-02-08', 1, true],
  ])('a day of an unconfigured year, %s, has only the fixed statutory holidays (working: %s)', (day, weekday, working) => {
    expect(isWorkingDay(day, weekday, DEFAULT_CALENDAR)).toBe(working)
  })

  it('holds 2027 once its entry is added, and stops flagging its deadlines', () => {
    const with2027: WorkingCalendar = {
      ...DEFAULT_CALENDAR,
      years: { ...DEFAULT_CALENDAR.years, ...calendarYearsOf({ 2027: { source: '关于2027年部分节假日安排的通知', holidays: ['2027-01-01', '2027-01-04'], makeupWorkdays: [] } }) },
    }
    const d = deadlineOf(at('2026-12-31 17:00'), 90, with2027)
    expect({ at: show(d.at), unconfirmed: d.unconfirmed }).toEqual({ at: '2027-01-05 09:30', unconfirmed: false })
  })

  it('names the years it holds at boot', () => {
    expect(calendarBootLine(DEFAULT_CALENDAR.years)).toBe('working calendar: 2025, 2026 (later years: fixed statutory holidays only, deadlines flagged 日历未确认)')
    expect(Object.values(DEFAULT_CALENDAR.years).every((y) => y.source.includes('部分节假日安排的通知'))).toBe(true)
  })
})

describe('the calendar file is refused at boot when a year is wrong, naming the year and the date', () => {
  const year = (over: object) => ({ 2026: { source: '国务院办公厅关于2026年部分节假日安排的通知', holidays: ['2026-01-01'], makeupWorkdays: ['2026-01-04'], ...over } })
  it.each([
    ['a day that does not exist', year({ holidays: ['2026-02-30'] }), '2026: 2026-02-30 is not a real day (YYYY-MM-DD)'],
    ['a date not written YYYY-MM-DD', year({ holidays: ['2026-5-1'] }), '2026: 2026-5-1 is not a real day (YYYY-MM-DD)'],
    ['a date of another year', year({ holidays: ['2025-12-31', '2026-01-01'] }), '2026: 2025-12-31 is outside the year'],
    ['a make-up workday of another year', year({ makeupWorkdays: ['2027-01-02'] }), '2026: 2027-01-02 is outside the year'],
    ['a day both holiday and make-up', year({ holidays: ['2026-01-01', '2026-01-04'] }), '2026: 2026-01-04 is both a holiday and a make-up workday'],
    ['a make-up day on a weekday', year({ makeupWorkdays: ['2026-02-13'] }), '2026: make-up workday 2026-02-13 is a Friday, not a Saturday or Sunday'],
    ['holidays out of order', year({ holidays: ['2026-01-02', '2026-01-01'] }), '2026: holidays: 2026-01-01 must come after 2026-01-02 (sorted, each date once)'],
    ['a holiday listed twice', year({ holidays: ['2026-01-01', '2026-01-01'] }), '2026: holidays: 2026-01-01 must come after 2026-01-01 (sorted, each date once)'],
    ['no source notice', year({ source: '' }), '2026.source: names no source notice'],
    ['a year not of four digits', { 26: year({})[2026] }, '26: a year is four digits'],
  ])('%s', (_name, raw, message) => {
    expect(() => calendarYearsOf(raw)).toThrow(message)
    expect(() => calendarYearsOf(raw)).toThrow('working calendar shared/calendar/holidays.json refused')
  })

  it('lists every problem of a file at once', () => {
    const raw = { ...year({ holidays: ['2026-02-30'] }), 2025: { source: 'x', holidays: [], makeupWorkdays: ['2025-01-27'] } }
    const thrown = (() => { try { calendarYearsOf(raw) } catch (e) { return (e as Error).message } })()
    expect(thrown).toContain('2026: 2026-02-30 is not a real day')
    expect(thrown).toContain('2025: make-up workday 2025-01-27 is a Monday')
  })

  it('accepts the file as shipped', () => {
    expect(Object.keys(DEFAULT_CALENDAR.years).sort()).toEqual(['2025', '2026'])
  })
})
