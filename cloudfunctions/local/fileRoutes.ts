import Busboy from 'busboy'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { appError } from '../../shared/errors'
import type { User } from '../../shared/model'
import { MAX_FILE_BYTES } from '../adapters/local/diskFiles'
import { sendJson } from './http'
import type { LocalStack } from './stack'

// The local stand-in for wx.cloud.uploadFile: multipart field `file` → `{ fileId }`.
// Reading a photo needs only its id: ids carry 64 random bits and an <img> cannot send a
// bearer token.
export function fileRoutes(stack: LocalStack, callerOf: (req: IncomingMessage) => Promise<User | null>) {
  return async (req: IncomingMessage, res: ServerResponse, path: string) => {
    if (req.method === 'GET' && path.startsWith('/api/_files/')) {
      const found = await stack.files.readFile(decodeURIComponent(path.slice('/api/_files/'.length)))
      if (!found) return sendJson(res, { ok: false, error: appError('NOT_FOUND', '照片不存在') })
      res.writeHead(200, { 'content-type': found.record.mime, 'cache-control': 'private, max-age=31536000, immutable' })
      return res.end(found.bytes)
    }
    if (req.method !== 'POST' || path !== '/api/_files') return sendJson(res, { ok: false, error: appError('NOT_FOUND', `没有这个接口：${path}`) })
    const caller = await callerOf(req)
    if (!caller) return sendJson(res, { ok: false, error: appError('UNAUTHENTICATED') })
    const upload = await readUpload(req)
    if ('error' in upload) return sendJson(res, { ok: false, error: appError('VALIDATION', upload.error, { file: upload.error }) })
    const saved = await stack.files.saveFile(caller.id, upload.mime, upload.bytes)
    if ('error' in saved) return sendJson(res, { ok: false, error: appError('VALIDATION', saved.error, { file: saved.error }) })
    return sendJson(res, { ok: true, data: { fileId: saved.id } })
  }
}

function readUpload(req: IncomingMessage): Promise<{ mime: string; bytes: Buffer } | { error: string }> {
  return new Promise((resolve) => {
    let bb: Busboy.Busboy
    try {
      bb = Busboy({ headers: req.headers, limits: { files: 1, fileSize: MAX_FILE_BYTES } })
    } catch {
      return resolve({ error: '请以 multipart/form-data 上传照片（字段名 file）' })
    }
    let result: { mime: string; bytes: Buffer } | { error: string } = { error: '没有收到照片（字段名 file）' }
    bb.on('file', (name, stream, info) => {
      const chunks: Buffer[] = []
      stream.on('data', (c: Buffer) => chunks.push(c))
      stream.on('limit', () => { result = { error: `照片不能超过 ${MAX_FILE_BYTES / 1024 / 1024} MB` } })
      stream.on('end', () => {
        if (name !== 'file') result = { error: '照片的字段名应为 file' }
        else if (!('error' in result && result.error.startsWith('照片不能超过'))) result = { mime: info.mimeType, bytes: Buffer.concat(chunks) }
      })
    })
    bb.on('close', () => resolve(result))
    bb.on('error', () => resolve({ error: '照片上传不完整，请重试' }))
    req.pipe(bb)
  })
}
