import * as wx from 'wx-server-sdk'
import { GrantLedger } from '../../../cloudfunctions/adapters/cloudbase/grants'
import { SubscribeNotifier, type SubscribeApi } from '../../../cloudfunctions/adapters/cloudbase/subscribeNotifier'
import type { Message } from '../../../shared/model'
import { newCase } from '../store/fixtures'
import { docsReply, errorReply, type CapturedRequest } from './captureServer'
import { TEST_ENV_ID, useCaptureServer } from './sdkEnv'
import { dbRequest, int, long, T0, wireStore } from './wire'

// Subscription messages on the wire: the grant ledger decides, wx-server-sdk's
// subscribeMessage.send carries the message, the pushes collection records the outcome.
const cap = useCaptureServer()
const TEMPLATE = 'TPL_ACCEPTED_0123456789abcdef'
const templates = { report_accepted: { id: TEMPLATE, fields: { thing1: 'title', thing2: 'body', phrase3: 'status', time4: 'time' } } } as const
const accepted: Message = {
  id: 'm_acc', userId: 'u_res', kind: 'report_accepted', title: '您的反映已签收', body: '「垃圾堆放」已由王网格签收，\n正在处理',
  reportId: 'r_1', taskId: 't_1', createdAt: T0, readAt: null,
}

beforeAll(() => wx.init({ env: TEST_ENV_ID }))

function notifier() {
  const store = wireStore()
  const clock = { now: () => T0 + 1 }
  return new SubscribeNotifier(store, new GrantLedger(store.db, clock), wx.openapi as SubscribeApi, clock, { templates, miniprogramState: 'formal' })
}

/** The reporter is known with an openid; grants as given. */
function world(grant: object | null) {
  cap.server.respond((req) => {
    if (req.action !== 'database.getDocument') return undefined
    const { collection } = dbRequest(req)
    if (collection === 'users') return docsReply({ _id: 'u_res', openid: 'o_res', name: '张居民', role: 'resident', phone: '', gridIds: [] })
    if (collection === 'grants') return grant ? docsReply({ _id: `u_res:${TEMPLATE}`, userId: 'u_res', templateId: TEMPLATE, ...grant }) : docsReply()
    return undefined
  })
}

const sends = () => cap.server.requests.filter((r) => r.action === 'wx.openApi')
const outcome = () => cap.server.requests.map(dbRequest).filter((r) => r.collection === 'pushes' && r.action === 'database.modifyDocument').map((r) => r.data.$set)
const settled = (status: string, extra: object = {}) => [{ status, ...extra, settledAt: long(T0 + 1) }]

describe('subscription messages', () => {
  it('sends nothing without a grant, and the in-app message is stored all the same', async () => {
    world(null)
    const input = newCase({ n: 1 })
    input.messages = [accepted]
    await wireStore().cases.createReport(input)
    await notifier().notify([accepted])
    expect(sends()).toEqual([])
    expect(cap.server.requests.map(dbRequest).filter((r) => r.collection === 'messages').map((r) => r.data[0]._id)).toEqual(['m_acc'])
    expect(outcome()).toEqual(settled('no_grant'))
  })

  it('uses up a one-time grant and sends the message with every value cut to its limit', async () => {
    world({ oneTime: 2, longTerm: false })
    await notifier().notify([accepted])
    const requests = cap.server.requests.map(dbRequest)
    expect(requests.find((r) => r.collection === 'pushes' && r.action === 'database.insertDocument')?.data).toEqual([
      { _id: 'm_acc', userId: 'u_res', kind: 'report_accepted', templateId: TEMPLATE, status: 'pending', at: long(T0 + 1) },
    ])
    expect(requests.find((r) => r.collection === 'grants' && r.action === 'database.modifyDocument')).toEqual({
      action: 'database.modifyDocument', collection: 'grants', queryType: 'WHERE', multi: true, merge: true, upsert: false,
      query: { _id: `u_res:${TEMPLATE}`, oneTime: { $gt: int(0) } },
      data: { $inc: { oneTime: int(-1) }, $set: { updatedAt: long(T0 + 1) } },
    })
    expect(sends().map((r: CapturedRequest) => r.openapi)).toEqual([{
      api: 'subscribeMessage.send',
      data: {
        touser: 'o_res', template_id: TEMPLATE, page: 'case/detail?id=r_1', miniprogram_state: 'formal', lang: 'zh_CN',
        data: { thing1: { value: '您的反映已签收' }, thing2: { value: '「垃圾堆放」已由王网格签收， 正在处理' }, phrase3: { value: '已签收' }, time4: { value: '2025年3月3日 09:00' } },
      },
    }])
    expect(outcome()).toEqual(settled('sent'))
  })

  it('sends on a long-term grant without counting it down', async () => {
    world({ oneTime: 0, longTerm: true })
    await notifier().notify([accepted])
    expect(sends()).toHaveLength(1)
    expect(cap.server.requests.map(dbRequest).filter((r) => r.collection === 'grants' && r.action !== 'database.getDocument')).toEqual([])
  })

  it('records a refusal, forgets the grant and does not try again', async () => {
    world({ oneTime: 1, longTerm: false })
    cap.server.once('wx.openApi', { wx: { errcode: 43101, errmsg: 'user refuse to accept the msg' } })
    await expect(notifier().notify([accepted])).resolves.toBeUndefined()
    expect(sends()).toHaveLength(1)
    const revoke = cap.server.requests.map(dbRequest).filter((r) => r.collection === 'grants' && r.action === 'database.modifyDocument').pop()
    expect(revoke).toMatchObject({ queryType: 'DOC', query: { _id: `u_res:${TEMPLATE}` }, data: { $set: { oneTime: int(0), longTerm: false } } })
    expect(outcome()).toEqual(settled('refused', { errCode: int(43101), errMsg: expect.stringContaining('user refuse to accept the msg') }))
  })

  it('records a failed send once and never fails the action', async () => {
    world({ oneTime: 1, longTerm: false })
    cap.server.once('wx.openApi', errorReply('SYS_ERR', 'gateway timeout'))
    await expect(notifier().notify([accepted])).resolves.toBeUndefined()
    expect(sends()).toHaveLength(1)
    expect(outcome()).toEqual(settled('failed', { errCode: expect.anything(), errMsg: expect.stringContaining('gateway timeout') }))
  })

  it('does not push a message that was tried before, nor take a grant for it', async () => {
    world({ oneTime: 1, longTerm: false })
    cap.server.once('database.insertDocument', errorReply('DATABASE_DUPLICATE_WRITE'))
    await notifier().notify([accepted])
    expect(sends()).toEqual([])
    expect(cap.server.requests.map(dbRequest).filter((r) => r.collection === 'grants')).toEqual([])
  })

  it('keeps to the in-app message for kinds without a template and people without an openid', async () => {
    await notifier().notify([{ ...accepted, kind: 'task_assigned' }])
    expect(cap.server.requests).toEqual([])
    cap.server.once('database.getDocument', docsReply({ _id: 'u_res', name: '张居民', role: 'resident', phone: '', gridIds: [] }))
    await notifier().notify([accepted])
    expect(sends()).toEqual([])
    expect(outcome()).toEqual(settled('no_openid'))
  })

  it('pushes a declarant\'s outcome, opening their household page, and leaves a duplicate-ID note to the message centre', async () => {
    world({ oneTime: 1, longTerm: false })
    const store = wireStore()
    const clock = { now: () => T0 + 1 }
    const declarationTemplates = { declaration_verified: { id: TEMPLATE, fields: { thing1: 'title', phrase2: 'status' } } } as const
    const pushing = new SubscribeNotifier(store, new GrantLedger(store.db, clock), wx.openapi as SubscribeApi, clock, { templates: declarationTemplates, miniprogramState: 'formal' })
    const verified: Message = { id: 'm_ver', userId: 'u_res', kind: 'declaration_verified', title: '您的居住登记已核验', body: '示范社区1栋101', declarationId: 'd_1', createdAt: T0, readAt: null }
    const duplicate: Message = { ...verified, id: 'm_dup', kind: 'declaration_duplicate', title: '有证件号码同时登记在本网格' }
    await pushing.notify([duplicate, verified])
    expect(sends().map((r: CapturedRequest) => r.openapi?.data)).toEqual([
      expect.objectContaining({ template_id: TEMPLATE, page: 'declare/household', data: { thing1: { value: '您的居住登记已核验' }, phrase2: { value: '已核验' } } }),
    ])
    const claims = cap.server.requests.map(dbRequest).filter((r) => r.collection === 'pushes' && r.action === 'database.insertDocument')
    expect(claims.map((r) => r.data[0]._id)).toEqual(['m_ver'])
  })

  it('keeps going after a message whose push cannot even be recorded', async () => {
    world({ oneTime: 5, longTerm: false })
    cap.server.once('database.insertDocument', errorReply('DATABASE_TIMEOUT'))
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined)
    await notifier().notify([accepted, { ...accepted, id: 'm_acc2' }])
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('m_acc'), expect.any(String))
    warn.mockRestore()
    expect(sends()).toHaveLength(1)
  })
})

describe('grant ledger', () => {
  const ledger = () => new GrantLedger(wireStore().db, { now: () => T0 })

  it('adds a one-time grant to an existing count, or starts the count', async () => {
    await ledger().record('u_res', TEMPLATE, 'once')
    cap.server.once('database.modifyDocument', { requestId: 'req', data: { updated: 0 } })
    await ledger().record('u_vol', TEMPLATE, 'once')
    expect(cap.server.requests.map(dbRequest)).toEqual([
      { action: 'database.modifyDocument', collection: 'grants', queryType: 'DOC', multi: false, merge: true, upsert: false, query: { _id: `u_res:${TEMPLATE}` }, data: { $inc: { oneTime: int(1) }, $set: { updatedAt: long(T0) } } },
      { action: 'database.modifyDocument', collection: 'grants', queryType: 'DOC', multi: false, merge: true, upsert: false, query: { _id: `u_vol:${TEMPLATE}` }, data: { $inc: { oneTime: int(1) }, $set: { updatedAt: long(T0) } } },
      { action: 'database.insertDocument', collection: 'grants', data: [{ _id: `u_vol:${TEMPLATE}`, userId: 'u_vol', templateId: TEMPLATE, oneTime: int(1), longTerm: false, updatedAt: long(T0) }] },
    ])
  })

  it('finds no grant for a person who never gave one', async () => {
    expect(await ledger().take('u_res', TEMPLATE)).toBe(false)
    cap.server.once('database.getDocument', docsReply({ _id: 'x', oneTime: 0, longTerm: false }))
    expect(await ledger().take('u_res', TEMPLATE)).toBe(false)
    expect(cap.server.actions()).toEqual(['database.getDocument', 'database.getDocument'])
  })

  it('loses the race for the last one-time grant when the conditional update matches nothing', async () => {
    cap.server.once('database.getDocument', docsReply({ _id: 'x', oneTime: 1, longTerm: false }))
    cap.server.once('database.modifyDocument', { requestId: 'req', data: { updated: 0 } })
    expect(await ledger().take('u_res', TEMPLATE)).toBe(false)
  })
})
