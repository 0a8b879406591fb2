import Busboy from 'busboy'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { appError } from '../../shared/errors'
import type { User } from '../../shared/model'
import { MAX_FILE_BYTES } from '../adapters/local/diskFiles'
import { UPLOAD_REFUSALS } from '../adapters/local/images'
import { uploadLimit, uploadQuota } from '../app/limits'
import { SECURITY_HEADERS, sendError, sendJson } from './http'
import type { LocalStack } from './stack'

// The local stand-in for wx.cloud.uploadFile: multipart field `file` → `{ fileId, url }`,
// and the photos themselves, served only through a signed link a view handed out
// (signedPhotoLinks.ts): an id alone opens nothing.

type Upload = { mime: string; bytes: Buffer } | { error: string; status?: number }

export function fileRoutes(stack: LocalStack, callerOf: (req: IncomingMessage) => Promise<User | null>) {
  const { limits, config, clock } = stack.deps
  return async (req: IncomingMessage, res: ServerResponse, path: string, query: URLSearchParams) => {
    if (req.method === 'GET' && path.startsWith('/api/_files/')) {
      const id = path.slice('/api/_files/'.length)
      if (!stack.photoLinks.verify(id, query.get('e'), query.get('s'))) return sendError(res, appError('FORBIDDEN', '照片链接无效或已过期，请刷新页面'))
      const found = await stack.files.readFile(id)
      if (!found) return sendError(res, appError('NOT_FOUND', '照片不存在'))
      res.writeHead(200, {
        ...SECURITY_HEADERS,
        'content-type': found.record.mime,
        'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
        'content-disposition': `inline; filename="${found.record.id}.${found.record.mime.split('/')[1]}"`,
        'content-length': String(found.bytes.length),
        // the link expires, so the cache may keep it only as long as the link lives
        'cache-control': `private, max-age=${Math.max(0, Math.floor((Number(query.get('e')) - clock.now()) / 1000))}`,
      })
      return res.end(found.bytes)
    }
    if (req.method !== 'POST' || path !== '/api/_files') return sendError(res, appError('NOT_FOUND', `没有这个接口：${req.method} ${path.slice(0, 80)}`))
    const caller = await callerOf(req)
    if (!caller) {
      req.resume()
      return sendError(res, appError('UNAUTHENTICATED'))
    }
    const who = { userId: caller.id, ip: req.socket.remoteAddress ?? '' }
    const limited = await uploadLimit(limits, config.limits, clock.now(), who)
    if (limited) {
      res.setHeader('connection', 'close')
      req.resume()
      return sendError(res, limited)
    }
    const upload = await readUpload(req)
    if ('error' in upload) {
      if (upload.status === 0) return void res.destroy() // the client left: nobody to answer
      res.setHeader('connection', 'close')
      return sendError(res, appError('VALIDATION', upload.error, { file: upload.error }), upload.status)
    }
    const over = await uploadQuota(limits, config.limits, clock.now(), caller.id, upload.bytes.length)
    if (over) return sendError(res, over)
    const saved = await stack.files.saveFile(caller.id, upload.mime, upload.bytes)
    if ('error' in saved) return sendError(res, appError('VALIDATION', saved.error, { file: saved.error }))
    return sendJson(res, { ok: true, data: { fileId: saved.id, url: stack.photoLinks.link(saved.id) } })
  }
}

/**
 * Reads the one `file` part of a multipart body. Every way a body can go wrong (no
 * boundary, cut off inside the part, too large, the client gone) ends as a refusal of this
 * request: an error event on any of the streams involved, unhandled, would end the process.
 */
function readUpload(req: IncomingMessage): Promise<Upload> {
  return new Promise((resolve) => {
    let settled = false
    const settle = (u: Upload) => {
      if (settled) return
      settled = true
      resolve(u)
    }
    let bb: Busboy.Busboy
    try {
      bb = Busboy({ headers: req.headers, limits: { files: 1, fileSize: MAX_FILE_BYTES, fields: 5, parts: 6, fieldSize: 1024 } })
    } catch {
      req.resume()
      return settle({ error: '请以 multipart/form-data 上传照片（字段名 file）', status: 415 })
    }
    let result: Upload = { error: '没有收到照片（字段名 file）' }
    bb.on('file', (name, stream, info) => {
      const chunks: Buffer[] = []
      stream.on('error', () => settle({ error: '照片上传不完整，请重试' }))
      stream.on('data', (c: Buffer) => chunks.push(c))
      stream.on('limit', () => {
        result = { error: UPLOAD_REFUSALS.tooLarge, status: 413 }
      })
      stream.on('end', () => {
        if (name !== 'file') result = { error: '照片的字段名应为 file' }
        else if (!('status' in result && result.status === 413)) result = { mime: info.mimeType, bytes: Buffer.concat(chunks) }
      })
    })
    bb.on('close', () => settle(result))
    bb.on('error', () => {
      settle({ error: '照片上传不完整，请重试' })
      req.unpipe(bb)
      req.resume()
    })
    req.on('error', () => settle({ error: '照片上传不完整，请重试', status: 0 }))
    req.on('aborted', () => settle({ error: '照片上传不完整，请重试', status: 0 }))
    req.pipe(bb)
  })
}
