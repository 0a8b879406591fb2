import { createHash } from 'node:crypto'
import { createReadStream, existsSync, readFileSync, realpathSync, statSync } from 'node:fs'
import type { ServerResponse } from 'node:http'
import { extname, isAbsolute, join, relative, resolve } from 'node:path'
import { SECURITY_HEADERS } from './http'

// The H5 build, served at /. A path is resolved to its real file (links followed) and
// must lie inside the web root by path components, not by a string prefix: with a sibling
// folder named like the root ("h5-old"), a prefix test let an encoded `..` read it.

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.json': 'application/json', '.png': 'image/png', '.jpg': 'image/jpeg', '.svg': 'image/svg+xml', '.ico': 'image/x-icon',
  '.woff': 'font/woff', '.woff2': 'font/woff2', '.ttf': 'font/ttf',
}

/** Is `file` (a real path) inside `root` (a real path), by components? */
export function isInside(root: string, file: string): boolean {
  const rel = relative(root, file)
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel)
}

/**
 * The H5 app's content security policy: its own scripts, plus the hashes of the inline
 * scripts its index.html carries (Taro's rem set-up), so no other inline script runs.
 * Styles may be inline (Taro and NutUI set them at run time); nothing may frame the app.
 */
export function appPolicy(indexHtml: string): string {
  const hashes = [...indexHtml.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)]
    .map((m) => `'sha256-${createHash('sha256').update(m[1], 'utf8').digest('base64')}'`)
  return [
    "default-src 'self'", `script-src 'self' ${hashes.join(' ')}`.trim(), "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:", "font-src 'self' data:", "connect-src 'self' blob: data:", "object-src 'none'",
    "base-uri 'none'", "form-action 'self'", "frame-ancestors 'none'",
  ].join('; ')
}

export function staticFiles(webDir: string) {
  let cached: { root: string; index: string; policy: string } | null = null
  const site = () => {
    const index = join(resolve(webDir), 'index.html')
    if (!existsSync(index)) return null
    if (!cached || cached.index !== index) {
      const root = realpathSync(resolve(webDir))
      cached = { root, index: join(root, 'index.html'), policy: appPolicy(readFileSync(index, 'utf8')) }
    }
    return cached
  }

  return function serve(path: string, res: ServerResponse) {
    const s = site()
    if (!s) {
      res.writeHead(503, { ...SECURITY_HEADERS, 'content-type': 'text/plain; charset=utf-8' })
      return res.end('H5 build missing: run `npm run build:h5` (npm start does it for you).')
    }
    // Paths that are not files fall back to index.html: the H5 router owns them.
    let file = s.index
    try {
      const real = realpathSync(join(s.root, path))
      if (isInside(s.root, real) && statSync(real).isFile()) file = real
    } catch {
      // no such file: the app's router answers it
    }
    const immutable = file !== s.index && /\.[0-9a-f]{8}\./.test(file)
    res.writeHead(200, {
      ...SECURITY_HEADERS,
      'content-type': MIME[extname(file)] ?? 'application/octet-stream',
      'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
      ...(file === s.index ? { 'content-security-policy': s.policy } : {}),
    })
    createReadStream(file).on('error', () => res.destroy()).pipe(res)
  }
}
