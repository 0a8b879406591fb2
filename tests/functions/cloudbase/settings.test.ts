import { loadCloudbaseSettings } from '../../../cloudfunctions/adapters/cloudbase/settings'

// The functions' settings are checked once per container, with a message naming the key.
describe('CloudBase settings', () => {
  it('defaults to the env the function runs in, the released mini-program and no templates', () => {
    expect(loadCloudbaseSettings({})).toEqual({ GRIDLINK_BACKEND: 'cloudbase', GRIDLINK_MINIPROGRAM_STATE: 'formal', GRIDLINK_SUBSCRIBE_TEMPLATES: {} })
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
