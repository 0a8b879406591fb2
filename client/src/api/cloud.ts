import Taro from '@tarojs/taro'
import type { Me } from '../../../shared/api'
import type { ApiResponse } from '../../../shared/schemas/envelope'
import { withCdnFields, type MarkForCdn } from './cdnFields'
import { cloudEnv } from './config'
import { toEnvelope } from './envelope'
import { photoCloudPath, photoExtension, UNSUPPORTED_PHOTO } from './photoPath'
import { getUser, saveUser } from './session'
import type { Backend, Envelope, Transport } from './transport'

// CloudBase from the mini-program (DESIGN.md, "Two ways it runs"): each function is called
// with wx.cloud.callFunction, its `data` being the envelope, and WeChat tells the function who
// is calling (the OPENID), so there is no token. Photos go straight to cloud storage.

/** wx.cloud.CDN where the base library has it (2.12.0 on); Taro.cloud is wx.cloud on weapp, its types leave CDN out. */
function markForCdn(): MarkForCdn | undefined {
  const cloud = Taro.cloud as unknown as { CDN?: (text: string) => unknown }
  return typeof cloud.CDN === 'function' ? (text) => cloud.CDN!(text) : undefined
}

/** The function's envelope; rejects when the call failed (timeout, no network, the function crashed). */
async function callFunction(fn: string, body: Envelope): Promise<ApiResponse<unknown>> {
  // a large import file goes by WeChat's temporary CDN, the function gets its URL (cdnFields.ts)
  const res = await Taro.cloud.callFunction({ name: fn, data: withCdnFields(fn, body, markForCdn()) })
  return toEnvelope(res.result)
}

/** The caller's user id, the folder their photos must go to: from the session, else asked once. */
async function uploaderId(): Promise<string> {
  const known = getUser()
  if (known) return known.id
  const answer = await callFunction('user', { action: 'me', payload: {} })
  if (!answer.ok) throw answer.error
  const me = answer.data as Me
  saveUser(me)
  return me.id
}

export const cloudTransport: Transport = {
  call: callFunction,

  upload(filePath, onProgress) {
    let task: Taro.UploadTask | undefined
    let aborted = false
    const ext = photoExtension(filePath)
    const promise = !ext
      ? Promise.reject(new Error(UNSUPPORTED_PHOTO))
      : uploaderId().then((userId) => new Promise<string>((resolve, reject) => {
        if (aborted) return reject(new Error('aborted'))
        // with callbacks, uploadFile returns the task that reports progress and can be aborted
        task = Taro.cloud.uploadFile({
          cloudPath: photoCloudPath(userId, ext),
          filePath,
          success: (res) => (res.fileID ? resolve(res.fileID) : reject(new Error('uploadFile: no fileID'))),
          fail: reject,
        })
        task?.onProgressUpdate?.((p) => onProgress(p.progress))
      }))
    return { promise, abort: () => { aborted = true; task?.abort() } }
  },

  // <Image> and previewImage take cloud:// file ids as they are
  fileUrl: (fileId) => fileId,
}

export const cloudBackend: Backend = {
  transport: cloudTransport,
  identity: 'wechat',
  signedIn: () => true,
  // once, before any page calls a function; traceUser lists visitors in the CloudBase console
  launch: () => Taro.cloud.init({ env: cloudEnv, traceUser: true }),
}
