import { appError, ERROR_CODES, isAppError } from '../../shared/errors'
import type { User } from '../../shared/model'
import type { ApiResponse } from '../../shared/schemas/envelope'
import { requestEnvelopeSchema } from '../../shared/schemas/envelope'
import { parseWith } from '../../shared/schemas/messages'
import { ACTIONS } from './actions'
import { hasRole } from './authorize'
import type { Deps } from './ports'

// The action router every function entry calls: envelope → action → role → payload →
// use case → `{ok, data | error}`. Identity arrives resolved by the adapter (a dev token
// locally, the OPENID in CloudBase), never from the payload.
export async function dispatch(deps: Deps, fn: string, body: unknown, caller: User | null): Promise<ApiResponse<unknown>> {
  const envelope = parseWith(requestEnvelopeSchema, body)
  if (!envelope.ok) return { ok: false, error: envelope.error }
  const { action, payload, requestId } = envelope.value
  const actions = Object.hasOwn(ACTIONS, fn) ? ACTIONS[fn as keyof typeof ACTIONS] : undefined
  const def = actions && Object.hasOwn(actions, action) ? actions[action] : undefined
  if (!def) {
    return { ok: false, error: appError('VALIDATION', `不支持的操作：${action}`, { action: `不支持的操作：${action}` }) }
  }
  if (!caller) return { ok: false, error: appError('UNAUTHENTICATED') }
  if (!hasRole(caller, def.roles)) return { ok: false, error: appError('FORBIDDEN', '您的身份不能进行此操作') }
  const parsed = parseWith(def.schema, payload ?? {})
  if (!parsed.ok) return { ok: false, error: parsed.error }
  try {
    const result = await def.run(deps, caller, parsed.value, requestId)
    return result.ok ? { ok: true, data: result.value } : { ok: false, error: result.error }
  } catch (err) {
    // An adapter may meet the caller's situation deep down (an altered paging cursor): it
    // throws an expected AppError, which is answered as such, not as our fault.
    if (isAppError(err) && ERROR_CODES[err.code].expected) return { ok: false, error: appError(err.code, err.message, err.fields) }
    console.error(`${fn}.${action} failed`, err)
    return { ok: false, error: appError('INTERNAL', ERROR_CODES.INTERNAL.message) }
  }
}
