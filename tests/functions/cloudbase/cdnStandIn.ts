import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

// A local server answering for WeChat's temporary CDN (node:http on 127.0.0.1). The URLs the
// functions are given keep a CDN's shape (https, a public host name); `fetch` sends each
// request for CDN_ORIGIN here instead, so the real download code runs against real sockets.

/** The host the test URLs name. WeChat's docs name none for the temporary CDN; this one is made up. */
export const CDN_ORIGIN = 'https://tmp-cdn.example.com'

export type Route = (req: IncomingMessage, res: ServerResponse) => void

export class CdnStandIn {
  /** paths asked for, in order */
  readonly asked: string[] = []
  private routes = new Map<string, Route>()

  private constructor(private readonly server: Server, readonly origin: string) {}

  static async start(): Promise<CdnStandIn> {
    let self: CdnStandIn | null = null
    const server = createServer((req, res) => self!.handle(req, res))
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    self = new CdnStandIn(server, `http://127.0.0.1:${(server.address() as AddressInfo).port}`)
    return self
  }

  /** Serves `body` at `path` with status 200 (and a Content-Length). */
  file(path: string, body: string | Buffer): this {
    return this.route(path, (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/octet-stream' })
      res.end(body)
    })
  }

  route(path: string, route: Route): this {
    this.routes.set(path, route)
    return this
  }

  /** The CDN URL of a path, as the function would receive it. */
  url = (path: string) => `${CDN_ORIGIN}${path}`

  /** A fetch that reaches this server for every CDN_ORIGIN URL, and refuses to go anywhere else. */
  readonly fetch: typeof fetch = (input, init) => {
    const href = String(input)
    if (!href.startsWith(`${CDN_ORIGIN}/`)) return Promise.reject(new Error(`the test network has no ${href}`))
    return fetch(`${this.origin}${href.slice(CDN_ORIGIN.length)}`, init)
  }

  async close(): Promise<void> {
    this.server.closeAllConnections()
    await new Promise<void>((resolve) => this.server.close(() => resolve()))
  }

  private handle(req: IncomingMessage, res: ServerResponse) {
    const path = req.url ?? '/'
    this.asked.push(path)
    const route = this.routes.get(path)
    if (route) return route(req, res)
    res.writeHead(404)
    res.end('not found')
  }
}
