import type { IncomingMessage, ServerResponse } from 'node:http'
import type { ErrorCode } from '../../shared/errors'
import type { ApiResponse } from '../../shared/schemas/envelope'

// HTTP plumbing of the local host. The envelope is the contract; the status code only
// mirrors it for tools and logs.
const STATUS: Record<ErrorCode, number> = {
  VALIDATION: 400, UNAUTHENTICATED: 401, FORBIDDEN: 403, NOT_FOUND: 404, CONFLICT: 409,
  OUTSIDE_SERVICE_AREA: 422, CONTENT_REJECTED: 422, RATE_LIMITED: 429, INTERNAL: 500,
}

export const MAX_JSON_BYTES = 1 << 20

export function sendJson(res: ServerResponse, body: ApiResponse<unknown>) {
  const text = JSON.stringify(body)
  res.writeHead(body.ok ? 200 : STATUS[body.error.code], { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' })
  res.end(text)
}

export function readBody(req: IncomingMessage, limit: number): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    req.on('data', (c: Buffer) => {
      size += c.length
      if (size > limit) {
        resolve(null)
        req.destroy()
      } else chunks.push(c)
    })
    req.on('end', () => resolve(Buffer.concat(chunks)))
    req.on('error', reject)
  })
}

export function bearerToken(req: IncomingMessage): string | null {
  const h = req.headers.authorization
  const m = h ? /^Bearer\s+(\S+)$/i.exec(h) : null
  return m ? m[1] : null
}
