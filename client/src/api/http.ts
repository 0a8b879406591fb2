import Taro from '@tarojs/taro'
import type { ApiResponse } from '../../../shared/schemas/envelope'
import { apiBase } from './config'
import { toEnvelope } from './envelope'
import { getToken } from './session'
import type { Backend, Transport } from './transport'

const authHeader = (): Record<string, string> => {
  const token = getToken()
  return token ? { Authorization: `Bearer ${token}` } : {}
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
  return toEnvelope(res.data)
}

const isUrl = (s: string) => /^(https?:|blob:|data:|wxfile:|cloud:)/.test(s)

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
          const answer = toEnvelope(res.data)
          if (answer.ok) resolve((answer.data as { fileId: string }).fileId)
          else reject(answer.error)
        },
        fail: (err) => reject(err),
      })
      task?.onProgressUpdate?.((p) => onProgress(p.progress))
    })
    return { promise, abort: () => task?.abort() }
  },

  // views hand out signed links (`/api/_files/<id>?e=…&s=…`), relative to the host; an id alone opens nothing
  fileUrl: (link) => (isUrl(link) ? link : link.startsWith('/') ? `${apiBase}${link}` : `${apiBase}/api/_files/${encodeURIComponent(link)}`),
}

/** The local stack (DESIGN.md, "Two ways it runs"): HTTP, and a bearer token from the dev login. */
export const localBackend: Backend = {
  transport: httpTransport,
  identity: 'dev',
  signedIn: () => getToken() !== '',
  launch: () => undefined,
}
