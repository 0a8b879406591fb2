import type { FunctionName } from '../../shared/contracts'
import { appError, ERROR_CODES, isAppError, type AppError } from '../../shared/errors'
import type { User } from '../../shared/model'
import type { ApiResponse } from '../../shared/schemas/envelope'
import { requestEnvelopeSchema } from '../../shared/schemas/envelope'
import { parseWith } from '../../shared/schemas/messages'
import { lookupAction } from './actions'
import { createLimit } from './limits'
import { can } from './policy'
import type { Deps } from './ports'

/** What the transport knows of a request beyond its body. */
export interface RequestContext { ip?: string }

// The action router every function entry calls: envelope → action → role → payload →
// abuse limits (creates) → use case → `{ok, data | error}`. Identity arrives resolved by the
// adapter (a dev token locally, the OPENID in CloudBase), never from the payload.
export async function dispatch(deps: Deps, fn: string, body: unknown, caller: User | null, context: RequestContext = {}): Promise<ApiResponse<unknown>> {
  const envelope = parseWith(requestEnvelopeSchema, body)
  if (!envelope.ok) return { ok: false, error: envelope.error }
  const { action, payload, requestId } = envelope.value
  const found = lookupAction(fn, action)
  if (!found) return { ok: false, error: appError('VALIDATION', `不支持的操作：${action}`, { action: `不支持的操作：${action}` }) }
  if (!caller) return { ok: false, error: appError('UNAUTHENTICATED') }
  if (!can(caller, fn as FunctionName, action as never)) return { ok: false, error: appError('FORBIDDEN', '您的身份不能进行此操作') }
  const parsed = parseWith(found.contract.schema, payload ?? {})
  if (!parsed.ok) return { ok: false, error: parsed.error }
  try {
    if (found.contract.creates) {
      const limited = await createLimit(deps.limits, deps.config.limits, deps.clock.now(), { userId: caller.id, ip: context.ip })
      if (limited) return { ok: false, error: limited }
    }
    const result = await found.run(deps, caller, parsed.value, requestId)
    return result.ok ? { ok: true, data: result.value } : { ok: false, error: result.error }
  } catch (err) {
    // An adapter may meet the caller's situation deep down (an altered paging cursor): it
    // throws an expected AppError, which is answered as such, not as our fault.
    if (isAppError(err) && ERROR_CODES[err.code].expected) return { ok: false, error: thrownError(err) }
    // CloudBase refuses past its own request rate (EXCEED_RATELIMIT): the person's situation, not our fault
    if (isPlatformRateLimit(err)) return { ok: false, error: { ...appError('RATE_LIMITED', '当前使用人数较多，请稍等几秒再试'), retryAfterS: 5 } }
    console.error(`${fn}.${action} failed`, err)
    return { ok: false, error: appError('INTERNAL', ERROR_CODES.INTERNAL.message) }
  }
}

/** An expected error an adapter threw, with what it says for the caller and nothing else it may carry. */
function thrownError(err: AppError): AppError {
  const { code, message, fields, retryAfterS, existing } = err
  return { ...appError(code, message, fields), ...(retryAfterS !== undefined ? { retryAfterS } : {}), ...(existing ? { existing } : {}) }
}

/** CloudBase's answer when the environment's request rate is exceeded (its error code names it). */
export function isPlatformRateLimit(err: unknown): boolean {
  const e = err as { code?: unknown; errCode?: unknown; message?: unknown } | null
  return !!e && [e.code, e.errCode].some((c) => typeof c === 'string' && /EXCEED_RATELIMIT|LIMIT_EXCEEDED/.test(c))
}
