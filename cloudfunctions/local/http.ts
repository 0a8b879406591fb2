import type { IncomingMessage, ServerResponse } from 'node:http'
import { appError, type AppError, type ErrorCode } from '../../shared/errors'
import type { ApiResponse } from '../../shared/schemas/envelope'

// HTTP plumbing of the local host. The envelope is the contract; the status code only
// mirrors it for tools and logs.
const STATUS: Record<ErrorCode, number> = {
  VALIDATION: 400, UNAUTHENTICATED: 401, FORBIDDEN: 403, NOT_FOUND: 404, CONFLICT: 409,
  OUTSIDE_SERVICE_AREA: 422, CONTENT_REJECTED: 422, RATE_LIMITED: 429, INTERNAL: 500,
}

export const MAX_JSON_BYTES = 1 << 20
/**
 * The admin function carries import files (≤ 900 KB of text, shared/schemas/admin.ts); inside a
 * JSON string every quote of a GeoJSON file is escaped, so its body may be a fifth larger.
 */
export const MAX_ADMIN_JSON_BYTES = 2 << 20

/** Sent with every answer: no sniffing a type, no framing, no referrer carrying ids away. */
export const SECURITY_HEADERS = {
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
  'cross-origin-resource-policy': 'same-origin',
} as const
// An API answer is JSON that no browser renders or runs: `nosniff` keeps it that way, and
// every header more is work on each of the thousands of answers a second the host gives
// (measured: the document headers on every answer cost ~8% of a submission's host time).
const JSON_HEADERS = { 'x-content-type-options': 'nosniff', 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' }

export function sendJson(res: ServerResponse, body: ApiResponse<unknown>, status?: number) {
  if (res.headersSent) return void res.end()
  const text = JSON.stringify(body)
  const code = status ?? (body.ok ? 200 : STATUS[body.error.code])
  if (!body.ok && body.error.retryAfterS !== undefined) res.writeHead(code, { ...JSON_HEADERS, 'retry-after': String(body.error.retryAfterS) })
  else res.writeHead(code, JSON_HEADERS)
  res.end(text)
}

export const sendError = (res: ServerResponse, error: AppError, status?: number) => sendJson(res, { ok: false, error }, status)

export type BodyRead = { ok: true; body: Buffer } | { ok: false; reason: 'too_large' | 'aborted' }

/**
 * Reads a request body up to `limit` bytes. Over the limit it stops reading and says so,
 * so the caller can answer 413 before the connection closes (destroying the request at
 * once made the client see a reset instead of the error). A body the client abandons is
 * 'aborted', never a thrown error.
 */
export function readBody(req: IncomingMessage, limit: number): Promise<BodyRead> {
  return new Promise((resolve) => {
    const declared = Number(req.headers['content-length'] ?? 0)
    if (declared > limit) return resolve(refuse(req))
    const chunks: Buffer[] = []
    let size = 0
    let done = false
    const finish = (r: BodyRead) => {
      if (done) return
      done = true
      resolve(r)
    }
    req.on('data', (c: Buffer) => {
      if (done) return
      size += c.length
      if (size > limit) finish(refuse(req))
      else chunks.push(c)
    })
    req.on('end', () => finish({ ok: true, body: Buffer.concat(chunks) }))
    req.on('error', () => finish({ ok: false, reason: 'aborted' }))
    req.on('aborted', () => finish({ ok: false, reason: 'aborted' }))
    req.on('close', () => finish({ ok: false, reason: 'aborted' }))
  })
}

/** Stops reading a too-large body: whatever else arrives is dropped, and the answer closes the connection. */
function refuse(req: IncomingMessage): BodyRead {
  req.removeAllListeners('data')
  req.resume()
  return { ok: false, reason: 'too_large' }
}

/** The answer to a body that could not be read; nothing for a client that left. */
export function answerUnreadBody(res: ServerResponse, read: Extract<BodyRead, { ok: false }>, limitBytes: number) {
  if (read.reason === 'aborted') return void res.destroy()
  res.setHeader('connection', 'close')
  sendError(res, appError('VALIDATION', `请求内容过大（最多 ${Math.round(limitBytes / 1024)} KB）`, { body: '请求内容过大' }), 413)
}

export function bearerToken(req: IncomingMessage): string | null {
  const h = req.headers.authorization
  const m = h ? /^Bearer\s+([A-Za-z0-9_-]{16,128})$/i.exec(h) : null
  return m ? m[1] : null
}

/** The path of a request URL, percent-decoded; null for an encoding that does not decode. */
export function decodedPath(rawUrl: string | undefined): { path: string; query: URLSearchParams } | null {
  try {
    const url = new URL(rawUrl ?? '/', 'http://localhost')
    const path = decodeURIComponent(url.pathname)
    if (path.includes('\0')) return null
    return { path, query: url.searchParams }
  } catch {
    return null
  }
}
