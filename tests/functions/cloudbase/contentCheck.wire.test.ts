import * as wx from 'wx-server-sdk'
import { WxContentCheck, type SecurityApi } from '../../../cloudfunctions/adapters/cloudbase/contentCheck'
import { fileDocId } from '../../../cloudfunctions/adapters/cloudbase/docs'
import { onMediaCheck } from '../../../cloudfunctions/adapters/cloudbase/mediaVerdicts'
import { docsReply, errorReply, wxReply } from './captureServer'
import { TEST_ENV_ID, useCaptureServer } from './sdkEnv'
import { dbRequest, long, T0, wireApp, wireStore } from './wire'

// Content security on the wire: msgSecCheck for text, mediaCheckAsync for photos, and the
// wxa_media_check verdict that makes a photo visible to others.
const cap = useCaptureServer()
const PHOTO = `cloud://${TEST_ENV_ID}.bucket-1/photos/u_res/${'ab'.repeat(16)}.jpg`

beforeAll(() => wx.init({ env: TEST_ENV_ID }))

const checker = () => new WxContentCheck(wireStore(), wireApp(), wx.openapi as SecurityApi, { now: () => T0 })

function knownPeople(files: object[] = []) {
  cap.server.respond((req) => {
    if (req.action !== 'database.getDocument') return undefined
    const { collection } = dbRequest(req)
    if (collection === 'users') return docsReply({ _id: 'u_res', openid: 'o_res', name: '张居民', role: 'resident', phone: '', gridIds: [] })
    if (collection === 'files') return docsReply(...files)
    return undefined
  })
}
const openapiCalls = () => cap.server.requests.filter((r) => r.action === 'wx.openApi').map((r) => r.openapi)

describe('text content security', () => {
  it('checks all the texts in one msgSecCheck v2 call as the writer, as lines of one text', async () => {
    knownPeople()
    expect(await checker().checkText(['楼下垃圾堆放三天了', '  ', ' 3栋门口 '], 'u_res')).toBe('pass')
    expect(openapiCalls()).toEqual([
      { api: 'security.msgSecCheck', data: { content: '楼下垃圾堆放三天了\n3栋门口', version: 2, scene: 3, openid: 'o_res' } },
    ])
  })

  it('splits what is longer than 2,500 characters into parts, and reads the openid once', async () => {
    knownPeople()
    const check = checker()
    expect(await check.checkText(['长'.repeat(2501)], 'u_res')).toBe('pass')
    expect(await check.checkText(['短'], 'u_res')).toBe('pass')
    expect(openapiCalls()).toEqual([
      { api: 'security.msgSecCheck', data: { content: '长'.repeat(2500), version: 2, scene: 3, openid: 'o_res' } },
      { api: 'security.msgSecCheck', data: { content: '长', version: 2, scene: 3, openid: 'o_res' } },
      { api: 'security.msgSecCheck', data: { content: '短', version: 2, scene: 3, openid: 'o_res' } },
    ])
    expect(cap.server.requests.filter((r) => r.action === 'database.getDocument')).toHaveLength(1)
  })

  it('rejects a text WeChat finds risky and lets one for review through', async () => {
    knownPeople()
    cap.server.once('wx.openApi', wxReply({ result: { suggest: 'review', label: 100 } }), wxReply({ result: { suggest: 'risky', label: 20001 } }))
    const check = checker()
    expect(await check.checkText(['第一段'], 'u_res')).toBe('pass')
    expect(await check.checkText(['第二段', '第三段'], 'u_res')).toBe('rejected')
    expect(openapiCalls()).toHaveLength(2)
  })

  it('answers unavailable when WeChat cannot be asked, so the caller can say try again', async () => {
    knownPeople()
    cap.server.once('wx.openApi', errorReply('SYS_ERR', 'down'))
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined)
    expect(await checker().checkText(['文字'], 'u_res')).toBe('unavailable')
    warn.mockRestore()
    expect(await checker().checkText([], 'u_res')).toBe('pass')
  })
})

describe('photo content security', () => {
  it('sends each new photo for review by its temporary URL and records the trace id', async () => {
    knownPeople([{ _id: fileDocId(PHOTO), id: PHOTO, ownerId: 'u_res', mime: 'image/jpeg', size: 0, createdAt: T0 }])
    cap.server.once('wx.openApi', wxReply({ trace_id: 'trace-1' }))
    await checker().submitPhotos([PHOTO], 'u_res')
    expect(openapiCalls()).toEqual([{
      api: 'security.mediaCheckAsync',
      data: { media_url: `https://tmp.example.com/${encodeURIComponent(PHOTO)}`, media_type: 2, version: 2, scene: 3, openid: 'o_res' },
    }])
    const update = cap.server.requests.map(dbRequest).find((r) => r.action === 'database.modifyDocument')
    expect(update).toMatchObject({ collection: 'files', query: { _id: fileDocId(PHOTO) }, data: { $set: { 'check.status': 'pending', 'check.traceId': 'trace-1', 'check.at': long(T0) } } })
  })

  it('does not send a photo twice', async () => {
    knownPeople([{ _id: fileDocId(PHOTO), id: PHOTO, check: { status: 'pending', traceId: 't' } }])
    await checker().submitPhotos([PHOTO], 'u_res')
    expect(openapiCalls()).toEqual([])
  })

  it('shows a photo to others only once it passed', async () => {
    knownPeople([
      { _id: fileDocId(PHOTO), id: PHOTO, check: { status: 'pass' } },
      { _id: fileDocId('p2'), id: 'p2', check: { status: 'pending' } },
      { _id: fileDocId('p3'), id: 'p3' },
    ])
    expect(await checker().visiblePhotos([PHOTO, 'p2', 'p3'])).toEqual(new Set([PHOTO]))
  })

  it('records the wxa_media_check verdict on the photo with that trace id', async () => {
    const event = { ToUserName: 'gh_1', FromUserName: 'o_res', CreateTime: 1, MsgType: 'event', Event: 'wxa_media_check', appid: 'wx1', trace_id: 'trace-1', version: 2, errcode: 0, errmsg: 'ok', result: { suggest: 'risky', label: 20002 } }
    expect(await onMediaCheck(checker(), event, T0)).toEqual({ ok: true, recorded: true })
    expect(dbRequest(cap.server.requests[0])).toEqual({
      action: 'database.modifyDocument', collection: 'files', queryType: 'WHERE', multi: true, merge: true, upsert: false,
      query: { 'check.traceId': 'trace-1' }, data: { $set: { 'check.status': 'risky', 'check.label': { $numberInt: '20002' }, 'check.verdictAt': long(T0) } },
    })
    expect(await onMediaCheck(checker(), { Event: 'user_enter_tempsession' }, T0)).toEqual({ ok: false, error: 'not a wxa_media_check event' })
  })
})
