import dayjs from 'dayjs'
import utc from 'dayjs/plugin/utc'
import timezone from 'dayjs/plugin/timezone'
import { addWorkingMinutes, DEFAULT_CALENDAR, workingMinutesBetween } from '../../shared/calendar/workingTime'

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
  ])('%s', (_name, start, minutes, due) => {
    expect(show(addWorkingMinutes(at(start), minutes, DEFAULT_CALENDAR))).toBe(due)
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
