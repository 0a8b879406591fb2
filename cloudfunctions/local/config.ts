import * as z from 'zod'
import { declarationSettingFields } from '../app/declarations/settings'
import { workflowSettingFields } from '../app/tasks/workflowSettings'
import { limitSettingsSchema } from '../app/limits'
import { keyRingSetting } from '../app/privacy/keyRing'
import { jsonSetting, parseSettings } from '../app/settings'
import { isLoopbackHost } from './originGuard'

// Every setting of the local host, validated once at boot (STYLE.md 9).
const settingsSchema = z
  .object({
    /** which adapters back the functions; the local host only runs the embedded ones */
    GRIDLINK_BACKEND: z.enum(['local', 'cloudbase']).default('local'),
    /** loopback by default: the dev routes must never face a network */
    HOST: z.string().default('127.0.0.1'),
    PORT: z.coerce.number().int().min(0).max(65535).default(8080),
    /** SQLite file, photos and (in dev mode) the signing secret live here */
    GRIDLINK_DATA_DIR: z.string().min(1).default('.data'),
    /** dev mode opens /api/_dev/* (demo logins, clock); `npm start` turns it on */
    GRIDLINK_DEV: z.enum(['0', '1']).default('0').transform((v) => v === '1'),
    /** seed the demo street when the data folder is empty */
    GRIDLINK_SEED: z.enum(['0', '1']).default('1').transform((v) => v === '1'),
    /** the H5 build served at / */
    GRIDLINK_WEB_DIR: z.string().default('client/dist/h5'),
    /** signs the short-lived photo links (HMAC); required outside dev mode, created in the data folder in dev mode */
    GRIDLINK_SECRET: z.string().min(32, 'GRIDLINK_SECRET must be at least 32 characters (e.g. `openssl rand -hex 32`)').optional(),
    /** encrypt ID numbers and phones at rest, as `id:key` pairs (app/privacy/keyRing.ts); required outside dev mode, a key file in the data folder in dev mode */
    GRIDLINK_FIELD_KEYS: keyRingSetting('GRIDLINK_FIELD_KEYS').optional(),
    /** how long a login lasts, in hours */
    GRIDLINK_SESSION_HOURS: z.coerce.number().positive().max(24 * 30).default(16),
    /** abuse limits as JSON, each `{ limit, windowMs }`; unset keys keep their defaults (app/limits.ts) */
    GRIDLINK_RATE_LIMITS: jsonSetting('GRIDLINK_RATE_LIMITS', limitSettingsSchema),
    ...declarationSettingFields,
    ...workflowSettingFields,
  })
  // dev mode hands out any demo person's session: it must never listen beyond this machine
  .refine((s) => !s.GRIDLINK_DEV || isLoopbackHost(s.HOST), { path: ['HOST'], message: 'dev mode (GRIDLINK_DEV=1) listens on loopback only: HOST must be 127.0.0.1, ::1 or localhost' })
  .refine((s) => s.GRIDLINK_DEV || s.GRIDLINK_SECRET !== undefined, { path: ['GRIDLINK_SECRET'], message: 'production mode (GRIDLINK_DEV=0) needs GRIDLINK_SECRET (at least 32 characters) to sign photo links' })
  // a key kept beside the data protects nothing from whoever copies the folder: production is given its keys
  .refine((s) => s.GRIDLINK_DEV || s.GRIDLINK_FIELD_KEYS !== undefined, { path: ['GRIDLINK_FIELD_KEYS'], message: 'production mode (GRIDLINK_DEV=0) needs GRIDLINK_FIELD_KEYS (id:key pairs, e.g. k1:<`openssl rand -hex 32`>) to encrypt ID numbers and phones' })
export type Settings = z.infer<typeof settingsSchema>

/** The declaration settings the stack takes (StackOptions.declarations). */

export function loadSettings(env: Record<string, string | undefined> = process.env): Settings {
  const settings = parseSettings(settingsSchema, env)
  if (settings.GRIDLINK_BACKEND !== 'local') throw new Error('the local host runs GRIDLINK_BACKEND=local only; CloudBase runs the bundled functions')
  return settings
}
