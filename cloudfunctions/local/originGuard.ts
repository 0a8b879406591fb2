import type { IncomingMessage } from 'node:http'

// Dev mode hands out any demo person's session to whoever asks, so it answers only a page
// of its own on this machine: the Host header must name a loopback address (a DNS-rebinding
// page arrives under its own host name), and a browser's Origin, when sent, must be this
// host (another site's form or `text/plain` POST carries its own origin).

const LOOPBACK_NAMES = new Set(['127.0.0.1', 'localhost', '[::1]'])
export const isLoopbackHost = (host: string) => ['127.0.0.1', '::1', 'localhost'].includes(host) || /^127(\.\d{1,3}){3}$/.test(host)

/** Why a dev-mode request is refused, or null when it comes from this host's own pages or a local tool. */
export function devRequestRefusal(req: IncomingMessage): string | null {
  const host = req.headers.host ?? ''
  const m = /^(\[[0-9a-f:]+\]|[^:]+)(?::(\d+))?$/i.exec(host)
  if (!m || !LOOPBACK_NAMES.has(m[1].toLowerCase())) return `开发模式只接受本机地址的访问（Host: ${host.slice(0, 60) || '空'}）`
  const origin = req.headers.origin
  if (origin !== undefined && origin !== `http://${host}`) return '开发模式不接受其他网站发来的请求'
  if (req.headers['sec-fetch-site'] === 'cross-site') return '开发模式不接受其他网站发来的请求'
  return null
}
