import * as z from 'zod'
import { parseSettings } from '../app/settings'

// Every setting of the local host, validated once at boot (STYLE.md 9).
const settingsSchema = z.object({
  /** which adapters back the functions; the local host only runs the embedded ones */
  GRIDLINK_BACKEND: z.enum(['local', 'cloudbase']).default('local'),
  /** loopback by default: the dev routes must never face a network */
  HOST: z.string().default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  /** SQLite file, photos and the encryption key live here */
  GRIDLINK_DATA_DIR: z.string().min(1).default('.data'),
  /** dev mode opens /api/_dev/* (demo logins, clock); `npm start` turns it on */
  GRIDLINK_DEV: z.enum(['0', '1']).default('0').transform((v) => v === '1'),
  /** seed the demo street when the data folder is empty */
  GRIDLINK_SEED: z.enum(['0', '1']).default('1').transform((v) => v === '1'),
  /** the H5 build served at / */
  GRIDLINK_WEB_DIR: z.string().default('client/dist/h5'),
})
export type Settings = z.infer<typeof settingsSchema>

export function loadSettings(env: Record<string, string | undefined> = process.env): Settings {
  const settings = parseSettings(settingsSchema, env)
  if (settings.GRIDLINK_BACKEND !== 'local') throw new Error('the local host runs GRIDLINK_BACKEND=local only; CloudBase runs the bundled functions')
  return settings
}
