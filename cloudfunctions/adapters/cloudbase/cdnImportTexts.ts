import { appError, type AppError } from '../../../shared/errors'
import { fail, ok, type Result } from '../../../shared/result'
import { MAX_IMPORT_TEXT } from '../../../shared/schemas/admin'
import type { ImportTextField, ImportTexts } from '../../app/ports'
import { importValueOf } from './cdnUrl'

// An admin import's file on CloudBase: the text itself when the mini-program sent it inline,
// else downloaded from the temporary CDN URL wx.cloud.CDN put in its place (cdnUrl.ts says
// which URLs). The use case holds the text to its schema again afterwards (900 KB).

/**
 * A string of MAX_IMPORT_TEXT UTF-16 units is at most 3 bytes a unit in UTF-8, so anything
 * longer cannot pass the schema: stop reading there rather than hold a bigger file in memory.
 */
export const MAX_DOWNLOAD_BYTES = 3 * MAX_IMPORT_TEXT
/** The admin function runs 10 s at most (scripts/build-functions.mjs); the import needs the rest. */
export const DOWNLOAD_TIMEOUT_MS = 5_000
/** A CDN may send the client on to its edge once or twice; more is not a CDN. */
const MAX_REDIRECTS = 3

export interface CdnImportOptions {
  /** the network; tests answer for the CDN from a local server */
  fetch?: typeof fetch
  /** GRIDLINK_IMPORT_CDN_HOSTS: names (or `.suffix`es) the CDN's URLs may have; empty = any public name */
  hosts?: readonly string[]
  maxBytes?: number
  timeoutMs?: number
}

const refusal = (field: ImportTextField, code: 'VALIDATION' | 'INTERNAL', message: string): AppError => appError(code, message, { [field.path]: message })
const refusedUrl = (field: ImportTextField, host?: string) =>
  refusal(field, 'VALIDATION', `${field.label}的地址不是微信临时 CDN 的 https 地址${host ? `（${host}）` : ''}，请在小程序中重新选择文件后再试`)
const tooLarge = (field: ImportTextField) => refusal(field, 'VALIDATION', `${field.label}过大：页面上一次最多 ${MAX_IMPORT_TEXT / 1000} KB，请按街道拆分后分批导入`)
const isRedirect = (status: number) => [301, 302, 303, 307, 308].includes(status)
/** A Location against the URL it came from, '' when it is no URL (so no CDN URL either); Node 18.15 has no URL.canParse. */
function absolute(location: string, base: URL): string {
  try {
    return new URL(location, base).href
  } catch {
    return ''
  }
}

export class CdnImportTexts implements ImportTexts {
  private readonly fetch: typeof fetch
  private readonly hosts: readonly string[]
  private readonly maxBytes: number
  private readonly timeoutMs: number

  constructor(opts: CdnImportOptions = {}) {
    this.fetch = opts.fetch ?? ((input, init) => fetch(input, init))
    this.hosts = opts.hosts ?? []
    this.maxBytes = opts.maxBytes ?? MAX_DOWNLOAD_BYTES
    this.timeoutMs = opts.timeoutMs ?? DOWNLOAD_TIMEOUT_MS
  }

  async resolve(value: string, field: ImportTextField): Promise<Result<string>> {
    const seen = importValueOf(value, this.hosts)
    if (seen.kind === 'text') return ok(value)
    if (seen.kind === 'refused') return fail(refusedUrl(field, seen.host))
    const signal = AbortSignal.timeout(this.timeoutMs)
    try {
      return await this.download(seen.url, field, signal)
    } catch (err) {
      // the CDN did not answer: not the admin's file, so INTERNAL (and logged), but still naming the field
      const timedOut = signal.aborted
      console.error(`importTexts: downloading ${field.path} from ${seen.url.host} failed`, timedOut ? `not done within ${this.timeoutMs} ms` : err)
      return fail(refusal(field, 'INTERNAL', timedOut ? `${field.label}下载超时，请稍后重试` : `${field.label}下载失败，请稍后重试`))
    }
  }

  private async download(first: URL, field: ImportTextField, signal: AbortSignal): Promise<Result<string>> {
    let url = first
    for (let hop = 0; ; hop++) {
      const res = await this.fetch(url.href, { redirect: 'manual', signal })
      const location = res.headers.get('location')
      if (isRedirect(res.status) && location !== null && hop < MAX_REDIRECTS) {
        await res.body?.cancel()
        // every hop is held to the same rule as the first URL: a redirect cannot lead anywhere else
        const next = importValueOf(absolute(location, url), this.hosts)
        if (next.kind !== 'cdn') return fail(refusedUrl(field, next.kind === 'refused' ? next.host : undefined))
        url = next.url
        continue
      }
      if (res.status !== 200) {
        await res.body?.cancel()
        // the temporary CDN keeps a file for a while only: an old link is the person's to renew
        return fail(refusal(field, 'VALIDATION', `${field.label}下载失败（HTTP ${res.status}），临时文件可能已过期，请重新选择文件后再试`))
      }
      return this.readText(res, field, url)
    }
  }

  private async readText(res: Response, field: ImportTextField, url: URL): Promise<Result<string>> {
    if (Number(res.headers.get('content-length')) > this.maxBytes) {
      await res.body?.cancel()
      return fail(tooLarge(field))
    }
    const chunks: Uint8Array[] = []
    let size = 0
    const reader = res.body?.getReader()
    for (;;) {
      const chunk = reader ? await reader.read() : { done: true as const, value: undefined }
      if (chunk.done) break
      size += chunk.value.byteLength
      // a missing or false Content-Length is caught here, before the memory is spent
      if (size > this.maxBytes) {
        await reader?.cancel()
        return fail(tooLarge(field))
      }
      chunks.push(chunk.value)
    }
    let text: string
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(Buffer.concat(chunks))
    } catch {
      return fail(refusal(field, 'VALIDATION', `${field.label}不是 UTF-8 文本，请另存为 UTF-8 后重新选择`))
    }
    // the host the CDN's URLs have, for GRIDLINK_IMPORT_CDN_HOSTS (WeChat's docs do not name it)
    console.log(`importTexts: ${field.path} downloaded from ${url.host}, ${size} bytes`)
    return ok(text)
  }
}
