import Taro from '@tarojs/taro'
import { ApiError, call } from '../../client/src/api/client'
import { cloudTransport } from '../../client/src/api/cloud'
import { clearSession, getUser, saveUser } from '../../client/src/api/session'
import { setTransport } from '../../client/src/api/transport'

// The weapp's wire to CloudBase: wx.cloud as Taro exposes it, programmed per test.
const cloud = (Taro as unknown as { cloud: Record<'init' | 'callFunction' | 'uploadFile', jest.Mock> }).cloud
const ENV_FILE = 'cloud://test-env-1a2b.7465-test-env-1a2b-1300000000'
const PATH_SHAPE = /^photos\/u_resident_1\/[0-9a-f]{32}\.(jpg|png|webp)$/
const flush = () => new Promise((r) => setTimeout(r, 0))

/** Fakes uploadFile's callback style: the returned task reports progress; success/fail finish it. */
function fakeUploads() {
  const started: { opts: any; progress: (p: { progress: number }) => void; abort: jest.Mock }[] = []
  cloud.uploadFile.mockImplementation((opts) => {
    const entry = { opts, progress: (_: { progress: number }) => undefined, abort: jest.fn(() => opts.fail({ errMsg: 'uploadFile:fail abort' })) }
    started.push(entry)
    return { onProgressUpdate: (cb: typeof entry.progress) => { entry.progress = cb }, abort: entry.abort }
  })
  return started
}

beforeEach(() => {
  clearSession()
  Object.values(cloud).forEach((fn) => fn.mockReset())
  setTransport(cloudTransport)
})

describe('calling a function', () => {
  test('sends the envelope as callFunction data to the function of that name and answers with its result', async () => {
    cloud.callFunction.mockResolvedValue({ errMsg: 'cloud.callFunction:ok', result: { ok: true, data: { unread: 0 } } })
    await expect(call('user', 'markMessagesRead', {}, { requestId: 'req-12345678' })).resolves.toEqual({ unread: 0 })
    expect(cloud.callFunction).toHaveBeenCalledWith({ name: 'user', data: { action: 'markMessagesRead', payload: {}, requestId: 'req-12345678' } })
  })

  test('an error envelope becomes an ApiError with its code, message and fields', async () => {
    cloud.callFunction.mockResolvedValue({ result: { ok: false, error: { code: 'VALIDATION', message: '请选择问题类别', fields: { category: '请选择问题类别' } } } })
    const err = await call('resident', 'getMyReport', { reportId: 'r1' }).catch((e) => e)
    expect(err).toBeInstanceOf(ApiError)
    expect(err).toMatchObject({ code: 'VALIDATION', fields: { category: '请选择问题类别' }, network: false })
  })

  test('a failed call is a network error in Chinese, and a retry sends the same requestId', async () => {
    cloud.callFunction.mockRejectedValueOnce({ errCode: -504003, errMsg: 'cloud.callFunction:fail Invoking task timed out' })
    cloud.callFunction.mockResolvedValueOnce({ result: { ok: true, data: { unread: 2 } } })
    const err = await call('user', 'markMessagesRead', {}, { requestId: 'req-retry-001' }).catch((e) => e)
    expect(err).toMatchObject({ code: 'INTERNAL', network: true, message: '网络连接失败，请检查网络后重试' })
    await expect(call('user', 'markMessagesRead', {}, { requestId: 'req-retry-001' })).resolves.toEqual({ unread: 2 })
    expect(cloud.callFunction.mock.calls[1][0]).toEqual(cloud.callFunction.mock.calls[0][0])
  })

  test('a function that answers without an envelope is a server error, not a network one', async () => {
    cloud.callFunction.mockResolvedValue({ errMsg: 'cloud.callFunction:ok', result: undefined })
    await expect(call('user', 'me', {})).rejects.toMatchObject({ code: 'INTERNAL', network: false, message: '服务暂时不可用，请稍后重试' })
  })
})

describe('uploading a photo', () => {
  test('goes to photos/<userId>/<32 hex>.<ext> of the signed-in user, reports progress and answers with the file id', async () => {
    saveUser({ id: 'u_resident_1', name: '王阿姨', role: 'resident', roleName: '居民' })
    const started = fakeUploads()
    const progress = jest.fn()
    const { promise } = cloudTransport.upload('wxfile://tmp_a1b2.jpg', progress)
    await flush()
    expect(started).toHaveLength(1)
    const { cloudPath, filePath } = started[0].opts
    expect(cloudPath).toMatch(PATH_SHAPE)
    expect(cloudPath.endsWith('.jpg')).toBe(true)
    expect(filePath).toBe('wxfile://tmp_a1b2.jpg')
    started[0].progress({ progress: 40 })
    expect(progress).toHaveBeenCalledWith(40)
    started[0].opts.success({ fileID: `${ENV_FILE}/${cloudPath}`, statusCode: 204 })
    await expect(promise).resolves.toBe(`${ENV_FILE}/${cloudPath}`)
    expect(cloud.callFunction).not.toHaveBeenCalled()
  })

  test('every photo gets a path of its own', async () => {
    saveUser({ id: 'u_resident_1', name: '王阿姨', role: 'resident', roleName: '居民' })
    const started = fakeUploads()
    for (let i = 0; i < 20; i++) cloudTransport.upload(`wxfile://tmp_${i}.png`, jest.fn())
    await flush()
    const paths = started.map((s) => s.opts.cloudPath)
    expect(paths.every((p) => PATH_SHAPE.test(p))).toBe(true)
    expect(new Set(paths).size).toBe(20)
  })

  test('without a known user it asks user.me once and keeps the answer in the session', async () => {
    cloud.callFunction.mockResolvedValue({ result: { ok: true, data: { id: 'u_resident_1', name: '微信用户', role: 'resident', roleName: '居民', gridIds: [] } } })
    const started = fakeUploads()
    cloudTransport.upload('http://tmp/photo.jpeg', jest.fn())
    await flush()
    cloudTransport.upload('http://tmp/photo2.webp', jest.fn())
    await flush()
    expect(cloud.callFunction).toHaveBeenCalledTimes(1)
    expect(cloud.callFunction).toHaveBeenCalledWith({ name: 'user', data: { action: 'me', payload: {} } })
    expect(getUser()).toEqual({ id: 'u_resident_1', name: '微信用户', role: 'resident', roleName: '居民' })
    expect(started.map((s) => s.opts.cloudPath.split('.').pop())).toEqual(['jpg', 'webp'])
    expect(started.every((s) => PATH_SHAPE.test(s.opts.cloudPath))).toBe(true)
  })

  test('a format the functions refuse fails before anything is sent', async () => {
    saveUser({ id: 'u_resident_1', name: '王阿姨', role: 'resident', roleName: '居民' })
    const started = fakeUploads()
    await expect(cloudTransport.upload('wxfile://tmp_anim.gif', jest.fn()).promise).rejects.toThrow('只能上传 jpg、png、webp 格式的照片')
    expect(started).toHaveLength(0)
  })

  test('removing a photo mid-upload aborts it', async () => {
    saveUser({ id: 'u_resident_1', name: '王阿姨', role: 'resident', roleName: '居民' })
    const started = fakeUploads()
    const handle = cloudTransport.upload('wxfile://tmp_a.jpg', jest.fn())
    await flush()
    handle.abort()
    expect(started[0].abort).toHaveBeenCalled()
    await expect(handle.promise).rejects.toMatchObject({ errMsg: 'uploadFile:fail abort' })
  })

  test('a photo removed before its upload started is never sent', async () => {
    saveUser({ id: 'u_resident_1', name: '王阿姨', role: 'resident', roleName: '居民' })
    const started = fakeUploads()
    const handle = cloudTransport.upload('wxfile://tmp_a.jpg', jest.fn())
    handle.abort()
    await expect(handle.promise).rejects.toThrow('aborted')
    expect(started).toHaveLength(0)
  })
})

test('cloud:// file ids are shown as they are', () => {
  expect(cloudTransport.fileUrl(`${ENV_FILE}/photos/u_1/${'a'.repeat(32)}.jpg`)).toBe(`${ENV_FILE}/photos/u_1/${'a'.repeat(32)}.jpg`)
})

describe('the weapp build constants', () => {
  const g = globalThis as Record<string, unknown>
  afterEach(() => { delete g.WEAPP_TRANSPORT; delete g.CLOUD_ENV })

  test("WEAPP_TRANSPORT 'cloud' means CloudBase as the WeChat account, initialised with CLOUD_ENV at launch", () => {
    g.WEAPP_TRANSPORT = 'cloud'
    g.CLOUD_ENV = 'test-env-1a2b'
    jest.isolateModules(() => {
      const { backend } = require('../../client/src/api/backend.weapp')
      const { cloudTransport: isolated } = require('../../client/src/api/cloud')
      const isolatedTaro = require('@tarojs/taro').default
      expect(backend.transport).toBe(isolated)
      expect(backend.identity).toBe('wechat')
      expect(backend.signedIn()).toBe(true)
      backend.launch()
      expect(isolatedTaro.cloud.init).toHaveBeenCalledWith({ env: 'test-env-1a2b', traceUser: true })
    })
  })

  test("WEAPP_TRANSPORT 'http' means the local host and its dev login, with no cloud", () => {
    g.WEAPP_TRANSPORT = 'http'
    jest.isolateModules(() => {
      const { backend } = require('../../client/src/api/backend.weapp')
      const { httpTransport } = require('../../client/src/api/http')
      const isolatedTaro = require('@tarojs/taro').default
      expect(backend.transport).toBe(httpTransport)
      expect(backend.identity).toBe('dev')
      expect(backend.signedIn()).toBe(false)
      backend.launch()
      expect(isolatedTaro.cloud.init).not.toHaveBeenCalled()
    })
  })
})
