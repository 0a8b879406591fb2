import type { ActionName, FunctionName, PayloadOf, ResultOf } from '../../../shared/api'
import { ERROR_CODES, isAppError, type AppError, type ErrorCode } from '../../../shared/errors'
import { clearSession } from './session'
import { getTransport } from './transport'

// The typed client: one call per function and action of shared/api.ts, failures as ApiError.

export class ApiError extends Error {
  readonly code: ErrorCode
  readonly fields: Record<string, string>
  /** the request never got an answer: retrying the same request is safe and useful */
  readonly network: boolean
  /** CONFLICT: the record that already holds what was sent (a person registered at the room) */
  readonly existing?: AppError['existing']

  constructor(code: ErrorCode, message: string, fields: Record<string, string> = {}, network = false, existing?: AppError['existing']) {
    super(message)
    // Babel's ES5 output breaks the prototype chain of Error subclasses
    Object.setPrototypeOf(this, ApiError.prototype)
    this.name = 'ApiError'
    this.code = code
    this.fields = fields
    this.network = network
    if (existing) this.existing = existing
  }
}

export const NETWORK_MESSAGE = '网络连接失败，请检查网络后重试'

/** Turns anything thrown (ApiError, AppError, a Taro fail result) into an ApiError. */
export function toApiError(e: unknown): ApiError {
  if (e instanceof ApiError) return e
  if (isAppError(e)) return new ApiError(e.code, e.message, e.fields, false, e.existing)
  return new ApiError('INTERNAL', NETWORK_MESSAGE, {}, true)
}

/** What to show a person for any failure. */
export const errorMessage = (e: unknown) => toApiError(e).message

let onSignedOut: () => void = () => undefined
/** The app decides where an expired session leads (the login page on the local stack). */
export const setSignedOutHandler = (handler: () => void) => { onSignedOut = handler }

export async function call<F extends FunctionName, A extends ActionName<F>>(
  fn: F,
  action: A,
  payload: PayloadOf<F, A>,
  options: { requestId?: string } = {},
): Promise<ResultOf<F, A>> {
  let answer
  try {
    answer = await getTransport().call(fn, { action, payload, ...(options.requestId ? { requestId: options.requestId } : {}) })
  } catch {
    throw new ApiError('INTERNAL', NETWORK_MESSAGE, {}, true)
  }
  if (answer.ok) return answer.data as ResultOf<F, A>
  const { code, message, fields, existing } = answer.error
  const known = code in ERROR_CODES ? code : 'INTERNAL'
  if (known === 'UNAUTHENTICATED') {
    clearSession()
    onSignedOut()
  }
  throw new ApiError(known, message || ERROR_CODES[known].message, fields, false, existing)
}
