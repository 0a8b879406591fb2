import dayjs from 'dayjs'

export const formatTime = (ms: number) => dayjs(ms).format('M月D日 HH:mm')

/** "还剩 2小时10分" / "已超时 1天3小时": a deadline always in words. */
export function dueWords(dueAt: number, now = Date.now()): string {
  const diff = Math.abs(dueAt - now)
  const minutes = Math.floor(diff / 60000)
  const days = Math.floor(minutes / 1440)
  const hours = Math.floor((minutes % 1440) / 60)
  const mins = minutes % 60
  const span = days > 0 ? `${days}天${hours}小时` : hours > 0 ? `${hours}小时${mins}分` : `${mins}分钟`
  return dueAt >= now ? `还剩 ${span}` : `已超时 ${span}`
}
