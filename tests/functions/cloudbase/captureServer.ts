import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import busboy from 'busboy'
import { decodeOpenApiRequest, encodeOpenApiResponse } from './protobuf'

// CloudBase has no emulator (TOOLCHAIN.md), so the adapters are tested on the wire: both
// SDKs are pointed at this server with TCB_CONTEXT_CNFG, it records every request and
// answers with canned replies. Formats read from the SDK sources in node_modules:
// - @cloudbase/node-sdk sends `POST /admin` JSON `{action, collectionName, query, data, ...}`
//   with query/data/order as EJSON strings and reads `{requestId, data: {...}}` back;
// - wx-server-sdk sends `cloud.openapi.*` as multipart `{action: 'wx.openApi', apiName,
//   requestData}` with requestData a protobuf (see protobuf.ts) and reads a protobuf back;
// - an error of either is `{code, message}` JSON.

/** Fields every request carries that say nothing about what the adapter asked for. */
const ENVELOPE = ['envName', 'wxCloudApiToken', 'wxCloudbaseAccesstoken', 'tcb_sessionToken', 'crossAuthorizationToken', 'sessionToken']

export interface CapturedRequest {
  action: string
  env: string
  /** the request without its envelope; EJSON fields stay strings, as sent */
  body: Record<string, any>
  /** open-API calls: the API and its arguments as decoded from the protobuf */
  openapi?: { api: string; data: Record<string, any> }
}

/** JSON answered as is; `{ wx }` answers an open-API call with that WeChat result. */
export type CannedReply = Record<string, unknown>
export type Responder = (req: CapturedRequest) => CannedReply | undefined

/** A document list as the database returns it (each document an EJSON string). */
export const docsReply = (...docs: object[]): CannedReply => ({ requestId: 'req', data: { list: docs.map((d) => JSON.stringify(d)) } })
export const errorReply = (code: string, message = code): CannedReply => ({ requestId: 'req', code, message })
export const wxReply = (result: object): CannedReply => ({ wx: { errcode: 0, errmsg: 'ok', ...result } })

export class CaptureServer {
  readonly requests: CapturedRequest[] = []
  private responders: Responder[] = []
  private queued = new Map<string, CannedReply[]>()
  private transactions = 0

  private constructor(private readonly server: Server, readonly url: string) {}

  static async start(): Promise<CaptureServer> {
    let capture: CaptureServer | null = null
    const server = createServer((req, res) => {
      capture!.handle(req, res).catch((err) => {
        res.writeHead(500)
        res.end(String(err))
      })
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    capture = new CaptureServer(server, `http://127.0.0.1:${(server.address() as AddressInfo).port}/admin`)
    return capture
  }

  /** Answers the next requests of `action`, one reply each, in order. */
  once(action: string, ...replies: CannedReply[]): this {
    this.queued.set(action, [...(this.queued.get(action) ?? []), ...replies])
    return this
  }

  /** A rule tried before the defaults (newest rule first) for every request it answers. */
  respond(responder: Responder): this {
    this.responders.unshift(responder)
    return this
  }

  /** Forgets requests, rules and queued replies between tests. */
  reset(): void {
    this.requests.length = 0
    this.responders = []
    this.queued.clear()
    this.transactions = 0
  }

  actions(): string[] {
    return this.requests.map((r) => r.action)
  }

  async close(): Promise<void> {
    this.server.closeAllConnections()
    await new Promise<void>((resolve) => this.server.close(() => resolve()))
  }

  private async handle(req: IncomingMessage, res: ServerResponse) {
    const fields = await readFields(req)
    const { action, ...rest } = fields
    const body: Record<string, any> = {}
    for (const [k, v] of Object.entries(rest)) if (!ENVELOPE.includes(k)) body[k] = v
    const captured: CapturedRequest = { action: String(action), env: String(fields.envName ?? ''), body }
    if (action === 'wx.openApi') {
      captured.openapi = { api: String(body.apiName), data: decodeOpenApiRequest(body.requestData as Buffer) }
      delete body.requestData
    }
    this.requests.push(captured)
    const reply = this.replyTo(captured)
    if ('wx' in reply) {
      res.writeHead(200, { 'content-type': 'application/octet-stream' })
      return res.end(encodeOpenApiResponse(reply.wx))
    }
    res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' })
    res.end(JSON.stringify(reply))
  }

  private replyTo(req: CapturedRequest): CannedReply {
    const queue = this.queued.get(req.action)
    if (queue && queue.length > 0) return queue.shift()!
    for (const responder of this.responders) {
      const reply = responder(req)
      if (reply) return reply
    }
    return this.defaultReply(req)
  }

  private defaultReply(req: CapturedRequest): CannedReply {
    const ok = (data: object = {}) => ({ requestId: 'req', data })
    switch (req.action) {
      case 'database.startTransaction':
        return { requestId: 'req', transactionId: `tx${++this.transactions}` }
      case 'database.insertDocument':
        return ok({ insertedIds: (req.body.data as string[]).map((d) => JSON.parse(d)._id) })
      case 'database.modifyDocument':
        return ok({ updated: 1, upsert_id: null })
      case 'database.removeDocument':
        return ok({ deleted: 1 })
      case 'database.calculateDocument':
        return ok({ total: 0 })
      case 'database.getDocument':
        return docsReply()
      case 'storage.batchGetDownloadUrl':
        return ok({ download_list: (req.body.file_list as { fileid: string }[]).map((f) => ({ fileID: f.fileid, tempFileURL: `https://tmp.example.com/${encodeURIComponent(f.fileid)}`, code: 'SUCCESS' })) })
      case 'wx.openApi':
        return wxReply({})
      default:
        return { requestId: 'req' }
    }
  }
}

/** JSON bodies parse whole; multipart (open API) keeps text fields as strings and files as bytes. */
function readFields(req: IncomingMessage): Promise<Record<string, unknown>> {
  if (!(req.headers['content-type'] ?? '').startsWith('multipart/form-data')) {
    return new Promise((resolve, reject) => {
      const chunks: Buffer[] = []
      req.on('data', (c: Buffer) => chunks.push(c))
      req.on('end', () => resolve(JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}')))
      req.on('error', reject)
    })
  }
  return new Promise((resolve, reject) => {
    const out: Record<string, unknown> = {}
    const form = busboy({ headers: req.headers })
    form.on('field', (name, value) => (out[name] = value))
    form.on('file', (name, stream) => {
      const chunks: Buffer[] = []
      stream.on('data', (c: Buffer) => chunks.push(c))
      stream.on('end', () => (out[name] = Buffer.concat(chunks)))
    })
    form.on('close', () => resolve(out))
    form.on('error', reject)
    req.pipe(form)
  })
}
