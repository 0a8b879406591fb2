import { DEFAULT_LIMITS } from '../../../cloudfunctions/app/limits'
import { declarationSettingsOf } from '../../../cloudfunctions/app/declarations/settings'
import { loadCloudbaseSettings } from '../../../cloudfunctions/adapters/cloudbase/settings'
import { workflowSettingsOf } from '../../../cloudfunctions/app/tasks/workflowSettings'

// The functions' settings are checked once per container, with a message naming the key.
describe('CloudBase settings', () => {
  it('defaults to the env the function runs in, the released mini-program and no templates', () => {
    expect(loadCloudbaseSettings({})).toEqual({
      GRIDLINK_BACKEND: 'cloudbase', GRIDLINK_MINIPROGRAM_STATE: 'formal', GRIDLINK_SUBSCRIBE_TEMPLATES: {}, GRIDLINK_RATE_LIMITS: DEFAULT_LIMITS,
      GRIDLINK_DECLARATION_VERIFY_MINUTES: 1350, GRIDLINK_RETENTION_DAYS: 180, GRIDLINK_DISTRICT_OFFICE_IDS: [],
    })
  })

  it('reads the district office as a comma list of staff ids, and refuses a malformed id by name', () => {
    expect(workflowSettingsOf(loadCloudbaseSettings({ GRIDLINK_DISTRICT_OFFICE_IDS: 'u_admin_1, u_admin_2' }), 400)).toEqual({ districtOfficeIds: ['u_admin_1', 'u_admin_2'], escalateGapMs: 400 })
    expect(workflowSettingsOf(loadCloudbaseSettings({ GRIDLINK_ESCALATE_GAP_MS: '0' }), 400).escalateGapMs).toBe(0)
    expect(() => loadCloudbaseSettings({ GRIDLINK_DISTRICT_OFFICE_IDS: 'u_admin 1;drop' })).toThrow(/GRIDLINK_DISTRICT_OFFICE_IDS/)
  })

  it('gives declarations 3 working days to be verified and keeps settled personal data 180 days, unless told otherwise', () => {
    expect(declarationSettingsOf(loadCloudbaseSettings({}))).toEqual({ verifyMinutes: 1350, retentionDays: 180 })
    expect(declarationSettingsOf(loadCloudbaseSettings({ GRIDLINK_DECLARATION_VERIFY_MINUTES: '900', GRIDLINK_RETENTION_DAYS: '365' }))).toEqual({ verifyMinutes: 900, retentionDays: 365 })
    expect(() => loadCloudbaseSettings({ GRIDLINK_RETENTION_DAYS: '0' })).toThrow(/GRIDLINK_RETENTION_DAYS/)
    expect(() => loadCloudbaseSettings({ GRIDLINK_DECLARATION_VERIFY_MINUTES: '1.5' })).toThrow(/GRIDLINK_DECLARATION_VERIFY_MINUTES/)
  })

  it('reads abuse limits from JSON, keeping the defaults of keys it does not name, and refuses a bad one by name', () => {
    const limits = loadCloudbaseSettings({ GRIDLINK_RATE_LIMITS: JSON.stringify({ createsPerPersonMinute: { limit: 3, windowMs: 60_000 } }) }).GRIDLINK_RATE_LIMITS
    expect(limits).toEqual({ ...DEFAULT_LIMITS, createsPerPersonMinute: { limit: 3, windowMs: 60_000 } })
    expect(() => loadCloudbaseSettings({ GRIDLINK_RATE_LIMITS: '{"createsPerPersonMinute":{"limit":0,"windowMs":1}}' })).toThrow(/GRIDLINK_RATE_LIMITS/)
    expect(() => loadCloudbaseSettings({ GRIDLINK_RATE_LIMITS: 'not json' })).toThrow(/not valid JSON/)
  })

  it('reads the subscription templates from JSON', () => {
    const templates = { task_assigned: { id: 'TPL_ASSIGNED_0123456789abcdef', fields: { thing1: 'title', time2: 'time' } } }
    expect(loadCloudbaseSettings({ GRIDLINK_SUBSCRIBE_TEMPLATES: JSON.stringify(templates) }).GRIDLINK_SUBSCRIBE_TEMPLATES).toEqual(templates)
  })

  it.each([
    [{ GRIDLINK_BACKEND: 'local' }, /GRIDLINK_BACKEND: the function bundles run GRIDLINK_BACKEND=cloudbase only/],
    [{ GRIDLINK_TCB_ENV: 'Prod Env!' }, /GRIDLINK_TCB_ENV: GRIDLINK_TCB_ENV must be a CloudBase env id/],
    [{ GRIDLINK_SUBSCRIBE_TEMPLATES: '{task_assigned' }, /GRIDLINK_SUBSCRIBE_TEMPLATES: GRIDLINK_SUBSCRIBE_TEMPLATES is not valid JSON/],
    [{ GRIDLINK_SUBSCRIBE_TEMPLATES: '{"task_assigned":{"id":"short","fields":{}}}' }, /GRIDLINK_SUBSCRIBE_TEMPLATES\.task_assigned\.id: a template id/],
  ])('refuses %j', (env, message) => {
    expect(() => loadCloudbaseSettings(env)).toThrow(message)
  })
})
