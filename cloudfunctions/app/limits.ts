import * as z from 'zod'
import { appError, type AppError } from '../../shared/errors'
import type { Limits, RateRule } from './ports/limits'

// The abuse limits of DESIGN.md and the hardening issue, as settings with defaults: one
// resident made 500 reports in under a second and uploaded 189 MB before there were any.
// A person filing what they see on a walk makes a few reports an hour; a volunteer on a
// patrol maybe twenty. The limits sit well above that and far below a script.

const MINUTE = 60_000
const DAY = 24 * 60 * MINUTE

const rule = (limit: number, windowMs: number) => z.object({ limit: z.number().int().positive(), windowMs: z.number().int().positive() }).default({ limit, windowMs })

export const limitSettingsSchema = z.object({
  /** creates (a report, later a declaration) per person */
  createsPerPersonMinute: rule(10, MINUTE),
  createsPerPersonDay: rule(100, DAY),
  /** creates per network address (several people behind one address are fine at this rate) */
  createsPerAddressMinute: rule(60, MINUTE),
  /** photo uploads per person and per address */
  uploadsPerPersonMinute: rule(30, MINUTE),
  uploadsPerAddressMinute: rule(120, MINUTE),
  /** bytes a person may upload a day: about 40 full-size photos a day */
  uploadBytesPerPersonDay: rule(200 * 1024 * 1024, DAY),
})
export type LimitSettings = z.infer<typeof limitSettingsSchema>
export const DEFAULT_LIMITS: LimitSettings = limitSettingsSchema.parse({})

/** Limits for benches and load tests, which are the abuse these limits stop. */
export const UNLIMITED: LimitSettings = Object.fromEntries(Object.keys(DEFAULT_LIMITS).map((k) => [k, { limit: Number.MAX_SAFE_INTEGER, windowMs: MINUTE }])) as LimitSettings

const ruleOf = (settings: LimitSettings, name: keyof LimitSettings): RateRule => ({ name, ...settings[name] })

/** What a refused person is told: kindly, and when to try again. */
export function rateLimited(retryAfterMs: number, what: string): AppError {
  const s = Math.max(1, Math.ceil(retryAfterMs / 1000))
  const when = s < 90 ? `${s}秒` : s < 5400 ? `${Math.ceil(s / 60)}分钟` : `${Math.ceil(s / 3600)}小时`
  return { ...appError('RATE_LIMITED', `您${what}得太频繁了，请休息一下，约${when}后再试。之前提交的内容不受影响。`), retryAfterS: s }
}

/** Checks every rule that applies, and refuses with the longest wait among those over their limit. */
async function takeAll(limits: Limits, now: number, checks: { key: string; rule: RateRule; amount?: number }[], what: string): Promise<AppError | null> {
  let wait = 0
  for (const c of checks) {
    const taken = await limits.take(c.key, c.rule, now, c.amount)
    if (!taken.ok) wait = Math.max(wait, taken.retryAfterMs)
  }
  return wait > 0 ? rateLimited(wait, what) : null
}

export function createLimit(limits: Limits, settings: LimitSettings, now: number, who: { userId: string; ip?: string }) {
  return takeAll(limits, now, [
    { key: `u:${who.userId}`, rule: ruleOf(settings, 'createsPerPersonMinute') },
    { key: `u:${who.userId}`, rule: ruleOf(settings, 'createsPerPersonDay') },
    ...(who.ip ? [{ key: `ip:${who.ip}`, rule: ruleOf(settings, 'createsPerAddressMinute') }] : []),
  ], '提交')
}

export function uploadLimit(limits: Limits, settings: LimitSettings, now: number, who: { userId: string; ip?: string }) {
  return takeAll(limits, now, [
    { key: `u:${who.userId}`, rule: ruleOf(settings, 'uploadsPerPersonMinute') },
    ...(who.ip ? [{ key: `ip:${who.ip}`, rule: ruleOf(settings, 'uploadsPerAddressMinute') }] : []),
  ], '上传照片')
}

/** The daily upload quota, counted in bytes once the size of an upload is known. */
export async function uploadQuota(limits: Limits, settings: LimitSettings, now: number, userId: string, bytes: number): Promise<AppError | null> {
  const taken = await limits.take(`u:${userId}`, ruleOf(settings, 'uploadBytesPerPersonDay'), now, bytes)
  if (taken.ok) return null
  const mb = Math.round(settings.uploadBytesPerPersonDay.limit / 1024 / 1024)
  return { ...appError('RATE_LIMITED', `今天上传的照片已达上限（每天 ${mb} MB），请明天再上传。已上传的照片不受影响。`), retryAfterS: Math.ceil(taken.retryAfterMs / 1000) }
}
