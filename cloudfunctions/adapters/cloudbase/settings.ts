import * as z from 'zod'
import { parseSettings } from '../../app/settings'
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
  GRIDLINK_SUBSCRIBE_TEMPLATES: z
    .string()
    .default('{}')
    .transform((text, ctx) => {
      try {
        return JSON.parse(text) as unknown
      } catch {
        ctx.addIssue({ code: 'custom', message: 'GRIDLINK_SUBSCRIBE_TEMPLATES is not valid JSON' })
        return z.NEVER
      }
    })
    .pipe(templatesSchema),
})
export type CloudbaseSettings = z.infer<typeof settingsSchema>

export function loadCloudbaseSettings(env: Record<string, string | undefined> = process.env): CloudbaseSettings {
  return parseSettings(settingsSchema, env)
}
