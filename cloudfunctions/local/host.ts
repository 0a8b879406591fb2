import { createReadStream, existsSync, statSync } from 'node:fs'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import { extname, join, normalize, resolve } from 'node:path'
import { appError } from '../../shared/errors'
import { dispatch } from '../app/dispatch'
import { FUNCTION_NAMES } from '../app/actions'
import { bearerToken, MAX_JSON_BYTES, readBody, sendJson } from './http'
import { devRoutes } from './devRoutes'
import { fileRoutes } from './fileRoutes'
import type { LocalStack } from './stack'

export interface HostOptions { dev: boolean; webDir: string }

// The local host: the same action router the CloudBase functions run, over HTTP
// (`POST /api/<function>`), plus photo upload, the dev routes and the H5 build.
export function createHost(stack: LocalStack, opts: HostOptions) {
  const callerOf = async (req: IncomingMessage) => {
    const token = bearerToken(req)
    return token ? stack.store.getSessionUser(token) : null
  }
  const dev = devRoutes(stack)
  const files = fileRoutes(stack, callerOf)

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? '/', 'http://localhost')
    const path = url.pathname
    if (path.startsWith('/api/_dev/')) {
      if (!opts.dev) return sendJson(res, { ok: false, error: appError('NOT_FOUND', '开发接口仅在开发模式下可用') })
      return dev(req, res, path)
    }
    if (path === '/api/_files' || path.startsWith('/api/_files/')) return files(req, res, path)
    if (path.startsWith('/api/')) {
      const fn = path.slice('/api/'.length)
      if (req.method !== 'POST' || !FUNCTION_NAMES.includes(fn as never)) {
        return sendJson(res, { ok: false, error: appError('NOT_FOUND', `没有这个接口：${req.method} ${path}`) })
      }
      const raw = await readBody(req, MAX_JSON_BYTES)
      if (raw === null) return sendJson(res, { ok: false, error: appError('VALIDATION', '请求内容过大') })
      let body: unknown
      try {
        body = JSON.parse(raw.toString('utf8') || 'null')
      } catch {
        return sendJson(res, { ok: false, error: appError('VALIDATION', '请求内容不是有效的 JSON') })
      }
      return sendJson(res, await dispatch(stack.deps, fn, body, await callerOf(req)))
    }
    return serveStatic(opts.webDir, path, res)
  }

  return createServer((req, res) => {
    handle(req, res).catch((err) => {
      console.error('host error', err)
      if (!res.headersSent) sendJson(res, { ok: false, error: appError('INTERNAL') })
      else res.end()
    })
  })
}

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.json': 'application/json', '.png': 'image/png', '.jpg': 'image/jpeg', '.svg': 'image/svg+xml', '.ico': 'image/x-icon',
  '.woff': 'font/woff', '.woff2': 'font/woff2', '.ttf': 'font/ttf',
}

function serveStatic(webDir: string, path: string, res: ServerResponse) {
  const root = resolve(webDir)
  const index = join(root, 'index.html')
  if (!existsSync(index)) {
    res.writeHead(503, { 'content-type': 'text/plain; charset=utf-8' })
    return res.end('H5 build missing: run `npm run build:h5` (npm start does it for you).')
  }
  const target = normalize(join(root, decodeURIComponent(path)))
  // Paths that are not files fall back to index.html: the H5 router owns them.
  const file = target.startsWith(root) && existsSync(target) && statSync(target).isFile() ? target : index
  const immutable = file !== index && /\.[0-9a-f]{8}\./.test(file)
  res.writeHead(200, { 'content-type': MIME[extname(file)] ?? 'application/octet-stream', 'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache' })
  createReadStream(file).pipe(res)
}
