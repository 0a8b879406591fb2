import * as z from 'zod'
import { declarationSettingFields } from '../../app/declarations/settings'
import { workflowSettingFields } from '../../app/tasks/workflowSettings'
import { jsonSetting, parseSettings } from '../../app/settings'
import { limitSettingsSchema } from '../../app/limits'
import { keyRingSetting } from '../../app/privacy/keyRing'
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
  /**
   * encrypt ID numbers and phones, as `id:key` pairs (app/privacy/keyRing.ts). A bad value stops
   * the container; an unset (or empty) one only fails the first encryption (cloudbaseCipher.ts),
   * so functions that hold no declaration run without it
   */
  GRIDLINK_FIELD_KEYS: z.preprocess((v) => (v === '' ? undefined : v), keyRingSetting('GRIDLINK_FIELD_KEYS').optional()),
    ...declarationSettingFields,
    ...workflowSettingFields,
})
export type CloudbaseSettings = z.infer<typeof settingsSchema>

/** Config.declarations of the functions. */

export function loadCloudbaseSettings(env: Record<string, string | undefined> = process.env): CloudbaseSettings {
  return parseSettings(settingsSchema, env)
}
