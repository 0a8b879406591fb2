import { acceptedTemplates, templatesForTaps } from '../../cloudfunctions/app/subscriptions'

describe('subscription templates per tap', () => {
  const ids = { report_accepted: 'T_ACC', report_resolved: 'T_RES', task_assigned: 'T_NEW', task_reopened: 'T_REO', report_closed: 'T_CLO' }

  it('asks a reporter on submit for the messages about their report, and a worker for theirs', () => {
    expect(templatesForTaps(ids)).toEqual({ submit: ['T_ACC', 'T_RES'], accept: ['T_NEW', 'T_REO'], resolve: ['T_CLO', 'T_REO', 'T_NEW'], declare: [] })
  })
  it("asks a declarant on 提交居住登记 for the outcome messages, and a worker on 签收 also for new verifications", () => {
    const all = { ...ids, declaration_received: 'T_DREC', declaration_verified: 'T_DVER', declaration_rejected: 'T_DREJ', declaration_more_info: 'T_DMORE' }
    expect(templatesForTaps(all)).toEqual({ submit: ['T_ACC', 'T_RES'], accept: ['T_NEW', 'T_REO', 'T_DREC'], resolve: ['T_CLO', 'T_REO', 'T_NEW'], declare: ['T_DVER', 'T_DREJ', 'T_DMORE'] })
  })
  it('leaves out templates that are not configured', () => {
    expect(templatesForTaps({ report_resolved: 'T_RES' })).toEqual({ submit: ['T_RES'], accept: [], resolve: [], declare: [] })
  })
  it('counts only accepted answers for templates in use', () => {
    expect(acceptedTemplates(ids, { T_ACC: 'accept', T_RES: 'reject', T_OTHER: 'accept', T_NEW: 'ban' })).toEqual(['T_ACC'])
  })
})
