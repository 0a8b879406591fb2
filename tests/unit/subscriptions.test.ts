import { acceptedTemplates, templatesForTaps } from '../../cloudfunctions/app/subscriptions'

describe('subscription templates per tap', () => {
  const ids = { report_accepted: 'T_ACC', report_resolved: 'T_RES', task_assigned: 'T_NEW', task_reopened: 'T_REO', report_closed: 'T_CLO' }

  it('asks a reporter on submit for the messages about their report, and a worker for theirs', () => {
    expect(templatesForTaps(ids)).toEqual({ submit: ['T_ACC', 'T_RES'], accept: ['T_NEW', 'T_REO'], resolve: ['T_CLO', 'T_REO', 'T_NEW'] })
  })
  it('leaves out templates that are not configured', () => {
    expect(templatesForTaps({ report_resolved: 'T_RES' })).toEqual({ submit: ['T_RES'], accept: [], resolve: [] })
  })
  it('counts only accepted answers for templates in use', () => {
    expect(acceptedTemplates(ids, { T_ACC: 'accept', T_RES: 'reject', T_OTHER: 'accept', T_NEW: 'ban' })).toEqual(['T_ACC'])
  })
})
