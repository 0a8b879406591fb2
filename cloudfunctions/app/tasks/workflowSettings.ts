import * as z from 'zod'

// The workflow settings as both hosts read them from their environment (the local host's
// cloudfunctions/local/config.ts, the CloudBase functions' adapters/cloudbase/settings.ts).

export interface WorkflowSettings {
  /** the district office's staff (区网格办): who hears of what reaches the district queue (red) */
  districtOfficeIds: string[]
}

export const DEFAULT_WORKFLOW_SETTINGS: WorkflowSettings = { districtOfficeIds: [] }

export const workflowSettingFields = {
  /** comma-separated staff ids of the district office, told of every task escalated to the district */
  GRIDLINK_DISTRICT_OFFICE_IDS: z
    .string()
    .default('')
    .transform((s) => s.split(',').map((x) => x.trim()).filter(Boolean))
    .pipe(z.array(z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'each id: letters, digits, - or _'))),
}

export const workflowSettingsOf = (s: { GRIDLINK_DISTRICT_OFFICE_IDS: string[] }): WorkflowSettings => ({ districtOfficeIds: s.GRIDLINK_DISTRICT_OFFICE_IDS })
