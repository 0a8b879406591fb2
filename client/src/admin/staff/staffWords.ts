import dayjs from 'dayjs'
import type { StaffRecord } from '../../../../shared/api'

// A staff record's states in words, as the list shows them (colour is only a second cue).

const day = (ms: number) => dayjs(ms).format('M月D日')
const dayTime = (ms: number) => dayjs(ms).format('M月D日 HH:mm')

export function bindingWords(s: StaffRecord, now = Date.now()): string {
  if (s.bound) return s.boundAt ? `已绑定微信（${day(s.boundAt)}）` : '已绑定微信'
  if (s.codeExpiresAt !== null && s.codeExpiresAt > now) return `未绑定 · 绑定码已生成，${dayTime(s.codeExpiresAt)}前有效`
  if (s.codeExpiresAt !== null) return '未绑定 · 绑定码已过期，请重新生成'
  return '未绑定'
}

/** "请假中（至12月8日，由 张三 代班）"; a leave not begun yet says when it starts; an ended one nothing. */
export function leaveWords(s: StaffRecord, now = Date.now()): string | null {
  const l = s.leave
  if (!l || l.until <= now) return null
  const by = `由 ${l.substituteName} 代班`
  if (l.from > now) return `已登记请假（${day(l.from)}至${day(l.until)}，${by}）`
  return `请假中（至${day(l.until)}，${by}）`
}

/** Whether residents see the photo: the contact card shows it only once content review passed it. */
export function photoWords(s: StaffRecord): string {
  if (!s.photo) return '未上传照片 · 联系卡上显示默认头像'
  if (s.photoShown) return '照片已上传 · 居民在联系卡上可以看到'
  return '照片已上传 · 审核通过后居民才能看到'
}

/** A code is read out or typed: two groups of four are easier to get right than eight in a row. */
export const spacedCode = (code: string) => `${code.slice(0, 4)} ${code.slice(4)}`
