import type { ActionName, FunctionName } from '../../../shared/api'
import type { Envelope } from './transport'

// callFunction's data travels WeChat's call chain whole, which its docs advise against past
// 100 KB a field (Cloud.callFunction, "data 参数说明"): a field marked with wx.cloud.CDN is
// uploaded to a temporary CDN first and the function receives the CDN's URL in its place,
// which it downloads (cloudfunctions/adapters/cloudbase/cdnImportTexts.ts). Only fields that
// carry a whole file's text, whose use cases expect a URL there, are ever sent that way.
// The marked text goes beside the envelope as `cdn_<field>`, not inside `payload`: WeChat
// replaces its special values in top-level fields of data only (as it documents for
// wx.cloud.CloudID); the function entry puts it back (cloudbase/cdnEnvelope.ts).

/** Function → action → the payload field holding a file's text. */
const FILE_TEXT_FIELDS: { [F in FunctionName]?: { [A in ActionName<F>]?: string } } = {
  admin: { importGrids: 'geojson', importRoster: 'csv' },
}

/** The field size past which WeChat's docs recommend wx.cloud.CDN. */
export const CDN_THRESHOLD_BYTES = 100 * 1024

/** wx.cloud.CDN: marks a value for the temporary CDN (base library 2.12.0 and later). */
export type MarkForCdn = (text: string) => unknown

/** Whether a string takes more than `limit` bytes as UTF-8 (what goes on the wire), without encoding it. */
export function exceedsBytes(text: string, limit: number): boolean {
  if (text.length > limit) return true
  if (text.length * 3 <= limit) return false
  let bytes = 0
  for (let i = 0; i < text.length && bytes <= limit; i++) {
    const c = text.charCodeAt(i)
    // each half of a surrogate pair counts 2: the pair is one 4-byte character
    bytes += c < 0x80 ? 1 : c < 0x800 || (c >= 0xd800 && c <= 0xdfff) ? 2 : 3
  }
  return bytes > limit
}

/** The top-level key of callFunction's data that carries a payload field by the CDN. */
const cdnKey = (field: string) => `cdn_${field}`

/** callFunction's data: the envelope, with a large file's text moved beside it and marked for the CDN. */
export function withCdnFields(fn: string, body: Envelope, markForCdn: MarkForCdn | undefined): Record<string, unknown> {
  const field = (FILE_TEXT_FIELDS as Record<string, Record<string, string> | undefined>)[fn]?.[body.action]
  const payload = body.payload as Record<string, unknown> | null | undefined
  const text = field && payload && typeof payload === 'object' ? payload[field] : undefined
  // without wx.cloud.CDN (a base library before 2.12.0) the text goes inline, as it did before
  if (!field || !markForCdn || typeof text !== 'string' || !exceedsBytes(text, CDN_THRESHOLD_BYTES)) return { ...body }
  const { [field]: _inline, ...rest } = payload!
  return { ...body, payload: rest, [cdnKey(field)]: markForCdn(text) }
}
