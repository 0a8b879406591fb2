import type { ApiResponse } from '../../../shared/schemas/envelope'

const isEnvelope = (v: unknown): v is ApiResponse<unknown> => typeof v === 'object' && v !== null && typeof (v as { ok?: unknown }).ok === 'boolean'

/** A function's answer as an envelope, whichever wire brought it (HTTP body or callFunction result). */
export function toEnvelope(data: unknown): ApiResponse<unknown> {
  let body = data
  if (typeof body === 'string') {
    try { body = JSON.parse(body) } catch { body = null }
  }
  // a proxy's HTML error page, an empty body, a function that returned nothing: no answer to read
  return isEnvelope(body) ? body : { ok: false, error: { code: 'INTERNAL', message: '服务暂时不可用，请稍后重试' } }
}
