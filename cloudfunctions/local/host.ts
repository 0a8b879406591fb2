import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import { FUNCTION_NAMES } from '../../shared/contracts'
import { appError } from '../../shared/errors'
import { dispatch } from '../app/dispatch'
import { answerUnreadBody, bearerToken, decodedPath, MAX_ADMIN_JSON_BYTES, MAX_JSON_BYTES, readBody, sendError, sendJson } from './http'
import { devRoutes } from './devRoutes'
import { fileRoutes } from './fileRoutes'
import { devRequestRefusal } from './originGuard'
import { staticFiles } from './staticFiles'
import type { LocalStack } from './stack'

export interface HostOptions { dev: boolean; webDir: string }

/** Headers beyond this are refused with 431 (Node's default is 16 KB; no client here sends more than a token). */
export const MAX_HEADER_BYTES = 8 * 1024
/** A request's headers must arrive within this, and the whole request within REQUEST_TIMEOUT_MS (slow-body clients). */
const HEADERS_TIMEOUT_MS = 10_000
const REQUEST_TIMEOUT_MS = 60_000

// The local host: the same action router the CloudBase functions run, over HTTP
// (`POST /api/<function>`), plus photo upload, the dev routes and the H5 build. Every
// request is answered; a fault in one is that request's INTERNAL answer, never the host's end.
export function createHost(stack: LocalStack, opts: HostOptions) {
  const callerOf = async (req: IncomingMessage) => {
    const token = bearerToken(req)
    return token ? stack.store.sessions.userOf(token, stack.clock.now()) : null
  }
  const dev = devRoutes(stack)
  const files = fileRoutes(stack, callerOf)
  const web = staticFiles(opts.webDir)

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const url = decodedPath(req.url)
    if (!url) return sendError(res, appError('VALIDATION', '请求地址的编码无效', { path: '请求地址的编码无效' }))
    const { path } = url
    if (opts.dev) {
      const refusal = devRequestRefusal(req)
      if (refusal) return sendError(res, appError('FORBIDDEN', refusal))
    }
    if (path.startsWith('/api/_dev/')) {
      if (!opts.dev) return sendError(res, appError('NOT_FOUND', '开发接口仅在开发模式下可用'))
      return dev(req, res, path)
    }
    if (path === '/api/_files' || path.startsWith('/api/_files/')) return files(req, res, path, url.query)
    if (path.startsWith('/api/')) {
      const fn = path.slice('/api/'.length)
      if (req.method !== 'POST' || !FUNCTION_NAMES.includes(fn as never)) {
        return sendError(res, appError('NOT_FOUND', `没有这个接口：${req.method} ${path.slice(0, 80)}`))
      }
      if (!isJson(req)) return sendError(res, appError('VALIDATION', '请求内容应为 JSON（content-type: application/json）'), 415)
      const limit = fn === 'admin' ? MAX_ADMIN_JSON_BYTES : MAX_JSON_BYTES
      const read = await readBody(req, limit)
      if (!read.ok) return answerUnreadBody(res, read, limit)
      let body: unknown
      try {
        body = JSON.parse(read.body.toString('utf8') || 'null')
      } catch {
        return sendError(res, appError('VALIDATION', '请求内容不是有效的 JSON'))
      }
      return sendJson(res, await dispatch(stack.deps, fn, body, await callerOf(req), { ip: req.socket.remoteAddress ?? '' }))
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return sendError(res, appError('NOT_FOUND', `没有这个接口：${req.method} ${path.slice(0, 80)}`))
    return web(path, res)
  }

  const server = createServer({ maxHeaderSize: MAX_HEADER_BYTES }, (req, res) => {
    handle(req, res).catch((err) => {
      console.error('host error', err)
      if (!res.headersSent) sendError(res, appError('INTERNAL'))
      else res.destroy()
    })
  })
  server.headersTimeout = HEADERS_TIMEOUT_MS
  server.requestTimeout = REQUEST_TIMEOUT_MS
  // A request Node cannot parse (oversized headers, garbage) is answered and its socket
  // closed; left to the default it is only dropped.
  server.on('clientError', (err: NodeJS.ErrnoException, socket) => {
    if (!socket.writable) return socket.destroy()
    const status = err.code === 'HPE_HEADER_OVERFLOW' ? '431 Request Header Fields Too Large' : err.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? '408 Request Timeout' : '400 Bad Request'
    const body = JSON.stringify({ ok: false, error: appError('VALIDATION', status.startsWith('431') ? '请求头过大' : '请求格式无效') })
    socket.end(`HTTP/1.1 ${status}\r\ncontent-type: application/json; charset=utf-8\r\ncontent-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`)
  })
  return server
}

/** Only JSON is an API call: a cross-site `text/plain` form post is not one. */
const isJson = (req: IncomingMessage) => /^application\/json\b/i.test(req.headers['content-type'] ?? '')
