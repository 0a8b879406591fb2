import Taro from '@tarojs/taro'
import { ApiError, call, setSignedOutHandler } from '../../client/src/api/client'
import { getToken, saveSession } from '../../client/src/api/session'
import { setTransport } from '../../client/src/api/transport'
import { fakeTransport, ok } from './fakeTransport'

test('a successful call resolves with the data and sends the envelope', async () => {
  const fake = fakeTransport(() => ok({ unread: 0 }))
  setTransport(fake.transport)
  await expect(call('user', 'markMessagesRead', {}, { requestId: 'req-12345678' })).resolves.toEqual({ unread: 0 })
  expect(fake.calls).toEqual([{ fn: 'user', body: { action: 'markMessagesRead', payload: {}, requestId: 'req-12345678' } }])
})

test('an error answer becomes an ApiError with its code, message and fields', async () => {
  setTransport(fakeTransport(() => ({ ok: false, error: { code: 'VALIDATION', message: '请选择问题类别', fields: { category: '请选择问题类别' } } })).transport)
  const err = await call('resident', 'getMyReport', { reportId: 'r1' }).catch((e) => e)
  expect(err).toBeInstanceOf(ApiError)
  expect(err).toMatchObject({ code: 'VALIDATION', message: '请选择问题类别', fields: { category: '请选择问题类别' }, network: false })
})

test('a request that never got an answer is a network ApiError, safe to retry', async () => {
  setTransport(fakeTransport(() => { throw new Error('request:fail') }).transport)
  const err = await call('user', 'me', {}).catch((e) => e)
  expect(err).toMatchObject({ code: 'INTERNAL', network: true, message: '网络连接失败，请检查网络后重试' })
})

test('UNAUTHENTICATED forgets the token and hands over to the signed-out handler', async () => {
  saveSession('tok-1', { id: 'u1', name: '王阿姨', role: 'resident', roleName: '居民' })
  const signedOut = jest.fn()
  setSignedOutHandler(signedOut)
  setTransport(fakeTransport(() => ({ ok: false, error: { code: 'UNAUTHENTICATED', message: '请先登录' } })).transport)
  await expect(call('user', 'me', {})).rejects.toMatchObject({ code: 'UNAUTHENTICATED' })
  expect(getToken()).toBe('')
  expect(signedOut).toHaveBeenCalled()
  expect(Taro.removeStorageSync).toHaveBeenCalledWith('gl.token')
})
