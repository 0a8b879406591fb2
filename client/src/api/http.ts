import Taro from '@tarojs/taro'
import type { ApiResponse } from '../../../shared/schemas/envelope'
import { apiBase } from './config'
import { getToken } from './session'
import type { Transport } from './transport'

const authHeader = (): Record<string, string> => {
  const token = getToken()
  return token ? { Authorization: `Bearer ${token}` } : {}
}

const isEnvelope = (v: unknown): v is ApiResponse<unknown> => typeof v === 'object' && v !== null && typeof (v as { ok?: unknown }).ok === 'boolean'

function parse(data: unknown): ApiResponse<unknown> {
  let body = data
  if (typeof body === 'string') {
    try { body = JSON.parse(body) } catch { body = null }
  }
  // a proxy's HTML error page or an empty body: the function never answered
  return isEnvelope(body) ? body : { ok: false, error: { code: 'INTERNAL', message: '服务暂时不可用，请稍后重试' } }
}

/** A JSON request to the local host; rejects only when the network failed. */
export async function requestJson(method: 'GET' | 'POST', path: string, data?: unknown): Promise<ApiResponse<unknown>> {
  const res = await Taro.request({
    url: `${apiBase}${path}`,
    method,
    data: data as Record<string, unknown> | undefined,
    header: { 'content-type': 'application/json', ...authHeader() },
    dataType: 'json',
  })
  return parse(res.data)
}

const isUrl = (s: string) => /^(https?:|blob:|data:|wxfile:|cloud:|\/)/.test(s)

export const httpTransport: Transport = {
  call: (fn, body) => requestJson('POST', `/api/${fn}`, body),

  upload(filePath, onProgress) {
    let task: Taro.UploadTask | undefined
    const promise = new Promise<string>((resolve, reject) => {
      task = Taro.uploadFile({
        url: `${apiBase}/api/_files`,
        filePath,
        name: 'file',
        header: authHeader(),
        success: (res) => {
          const answer = parse(res.data)
          if (answer.ok) resolve((answer.data as { fileId: string }).fileId)
          else reject(answer.error)
        },
        fail: (err) => reject(err),
      })
      task?.onProgressUpdate?.((p) => onProgress(p.progress))
    })
    return { promise, abort: () => task?.abort() }
  },

  fileUrl: (fileId) => (isUrl(fileId) ? fileId : `${apiBase}/api/_files/${encodeURIComponent(fileId)}`),
}
