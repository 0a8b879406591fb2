import * as z from 'zod'

// Which import field values are URLs of WeChat's temporary CDN. wx.cloud.CDN(text) in the
// mini-program's callFunction data makes the function receive "a CDN URL" in that field
// instead of the text (Cloud.CDN and Cloud.callFunction docs). The docs name no host and no
// path shape, so what is checked is what a download from a public CDN needs and nothing a
// function should fetch: https on the default port, no credentials, a public DNS name (no IP
// literal, no single-label or local name). GRIDLINK_IMPORT_CDN_HOSTS narrows it to the
// hosts a deployment has seen (docs/deploy.md).

/** A CDN URL is short; a value this long or with whitespace in it is a file's text. */
const MAX_URL_LENGTH = 4096
const SCHEME = /^[a-z][a-z0-9+.-]*:/i
const LOCAL_NAME = /(^|\.)(localhost|local|internal|localdomain)\.?$/i
const HOST_ENTRY = /^\.?[a-z0-9-]+(\.[a-z0-9-]+)+$/i

export type ImportValue =
  | { kind: 'text' }
  | { kind: 'cdn'; url: URL }
  /** `host` when the URL parsed: the deployer adds it to GRIDLINK_IMPORT_CDN_HOSTS if it is the CDN's */
  | { kind: 'refused'; host?: string }

/** Whether a host is a name on the public internet rather than an address or a local name. */
function publicName(hostname: string): boolean {
  if (hostname.startsWith('[') || !hostname.includes('.')) return false
  const last = hostname.replace(/\.$/, '').split('.').pop() ?? ''
  // a numeric last label is an IPv4 address (the URL parser has already normalised 0x7f.1 and the like)
  return !/^\d+$/.test(last) && !LOCAL_NAME.test(hostname)
}

/** `hosts`: exact names, or `.suffix` for any name under it; empty = any public name. */
function allowedHost(hostname: string, hosts: readonly string[]): boolean {
  const name = hostname.replace(/\.$/, '').toLowerCase()
  return hosts.length === 0 || hosts.some((h) => (h.startsWith('.') ? name.endsWith(h) : name === h))
}

/** What an import field holds: the file's text, a CDN URL to download, or a URL the function must not fetch. */
export function importValueOf(value: string, hosts: readonly string[] = []): ImportValue {
  if (value.length > MAX_URL_LENGTH || !SCHEME.test(value) || /\s/.test(value)) return { kind: 'text' }
  let url: URL
  try {
    url = new URL(value)
  } catch {
    return { kind: 'refused' }
  }
  const fine = url.protocol === 'https:' && url.port === '' && !url.username && !url.password && publicName(url.hostname) && allowedHost(url.hostname, hosts)
  return fine ? { kind: 'cdn', url } : { kind: 'refused', host: url.host }
}

const hostsSchema = z
  .string()
  .transform((s) => s.split(',').map((h) => h.trim().toLowerCase()).filter(Boolean))
  .pipe(z.array(z.string().regex(HOST_ENTRY, 'GRIDLINK_IMPORT_CDN_HOSTS lists host names (or .suffixes), comma separated')))

/** GRIDLINK_IMPORT_CDN_HOSTS checked at cold start: a bad value stops the container, unset = any public host. */
export function cdnHostsSetting(env: Record<string, string | undefined> = process.env): string[] {
  const value = env.GRIDLINK_IMPORT_CDN_HOSTS
  return value === undefined || value.trim() === '' ? [] : hostsSchema.parse(value)
}
