import { fail, ok, type Result } from '../result'
import { calendarDay, type CalendarDay } from './calendarDate'

// The day a person moved into the room. A future day is a plan, not a residence: the
// register counts who lives there now, so it waits until the day has come.

const EARLIEST = '1900-01-01'

/**
 * 'YYYY-MM-DD' (as WeChat's date picker gives it) that exists, is not after `today`
 * (Asia/Shanghai) and, when the person's birth date is known, not before it. Problems follow
 * the field's name ("入住日期" + "不能晚于今天").
 */
export function checkMoveInDate(text: string, today: CalendarDay, birthDate?: CalendarDay): Result<CalendarDay, string> {
  const s = text.normalize('NFKC').trim()
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return fail('应为日期，如 2024-03-01')
  const day = calendarDay(s)
  if (!day) return fail('不存在，请重新选择')
  if (day > today) return fail('不能晚于今天')
  if (day < EARLIEST) return fail('不能早于1900年')
  if (birthDate && day < birthDate) return fail('不能早于出生日期')
  return ok(day)
}
