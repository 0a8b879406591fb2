import * as z from 'zod'
import type { DeclarationSettings } from '../ports'

// The declaration settings as both hosts read them from their environment (the local host's
// cloudfunctions/local/config.ts, the CloudBase functions' adapters/cloudbase/settings.ts).

/** 3 working days of the default calendar's 7.5 hours; 180 days of keeping settled personal data. */
export const DEFAULT_DECLARATION_SETTINGS: DeclarationSettings = { verifyMinutes: 3 * 450, retentionDays: 180 }

export const declarationSettingFields = {
  /** working minutes a grid worker has to verify a residence declaration */
  GRIDLINK_DECLARATION_VERIFY_MINUTES: z.coerce.number().int().positive().max(60 * 24 * 30).default(DEFAULT_DECLARATION_SETTINGS.verifyMinutes),
  /** days a move-out, rejection or withdrawal keeps its personal fields before the retention job (anonymiseExpired) removes them */
  GRIDLINK_RETENTION_DAYS: z.coerce.number().int().positive().max(3650).default(DEFAULT_DECLARATION_SETTINGS.retentionDays),
}

type Parsed = { GRIDLINK_DECLARATION_VERIFY_MINUTES: number; GRIDLINK_RETENTION_DAYS: number }
export const declarationSettingsOf = (s: Parsed): DeclarationSettings => ({ verifyMinutes: s.GRIDLINK_DECLARATION_VERIFY_MINUTES, retentionDays: s.GRIDLINK_RETENTION_DAYS })
