import * as z from 'zod'
import { jsonSetting, parseSettings } from '../../app/settings'
import { limitSettingsSchema } from '../../app/limits'
import { templatesSchema } from './templates'

// Every setting of the CloudBase functions, validated once per container at cold start
// (STYLE.md 9). Set them as the functions' environment variables (docs/deploy.md).
const settingsSchema = z.object({
  /** which adapters back the functions; the bundles carry the CloudBase ones only */
  GRIDLINK_BACKEND: z.literal('cloudbase', 'the function bundles run GRIDLINK_BACKEND=cloudbase only').default('cloudbase'),
  /** the env id; unset = the env the function runs in (the usual case) */
  GRIDLINK_TCB_ENV: z.string().regex(/^[a-z0-9-]{4,64}$/, 'GRIDLINK_TCB_ENV must be a CloudBase env id').optional(),
  /** which version of the mini-program a subscription message opens */
  GRIDLINK_MINIPROGRAM_STATE: z.enum(['formal', 'trial', 'developer']).default('formal'),
  /** subscription-message templates per message kind, as JSON (docs/deploy.md lists them) */
  GRIDLINK_SUBSCRIBE_TEMPLATES: jsonSetting('GRIDLINK_SUBSCRIBE_TEMPLATES', templatesSchema),
  /** abuse limits as JSON, each `{ limit, windowMs }`; unset keys keep their defaults (app/limits.ts) */
  GRIDLINK_RATE_LIMITS: jsonSetting('GRIDLINK_RATE_LIMITS', limitSettingsSchema),
})
export type CloudbaseSettings = z.infer<typeof settingsSchema>

export function loadCloudbaseSettings(env: Record<string, string | undefined> = process.env): CloudbaseSettings {
  return parseSettings(settingsSchema, env)
}
