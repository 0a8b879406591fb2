import * as z from 'zod'

// The workflow settings as both hosts read them from their environment (the local host's
// cloudfunctions/local/config.ts, the CloudBase functions' adapters/cloudbase/settings.ts).

export interface WorkflowSettings {
  /** the district office's staff (区网格办): who hears of what reaches the district queue (red) */
  districtOfficeIds: string[]
  /**
   * the least time between two of the escalate job's moves: each is ~9 database requests on
   * CloudBase, so 400 ms keeps a run near 22 requests a second, under the base tier's 30 with
   * room for the people using the app; 0 on the local host
   */
  escalateGapMs: number
}

export const DEFAULT_WORKFLOW_SETTINGS: WorkflowSettings = { districtOfficeIds: [], escalateGapMs: 0 }

export const workflowSettingFields = {
  /** comma-separated staff ids of the district office, told of every task escalated to the district */
  GRIDLINK_DISTRICT_OFFICE_IDS: z
    .string()
    .default('')
    .transform((s) => s.split(',').map((x) => x.trim()).filter(Boolean))
    .pipe(z.array(z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'each id: letters, digits, - or _'))),
  /** milliseconds between two of the escalate job's moves (CloudBase: 400, the local host: 0) */
  GRIDLINK_ESCALATE_GAP_MS: z.coerce.number().int().min(0).max(5000).optional(),
}

export const workflowSettingsOf = (s: { GRIDLINK_DISTRICT_OFFICE_IDS: string[]; GRIDLINK_ESCALATE_GAP_MS?: number }, defaultGapMs = 0): WorkflowSettings => ({
  districtOfficeIds: s.GRIDLINK_DISTRICT_OFFICE_IDS,
  escalateGapMs: s.GRIDLINK_ESCALATE_GAP_MS ?? defaultGapMs,
})
