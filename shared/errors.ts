// The closed set of error codes every function may answer with (DESIGN.md, "API envelope").
// `expected` marks the ones that describe the caller's situation rather than an incident:
// they are shown to the person and never logged as failures.
export const ERROR_CODES = {
  VALIDATION: { expected: true, message: '提交的内容有误，请检查后重试' },
  UNAUTHENTICATED: { expected: true, message: '请先登录' },
  FORBIDDEN: { expected: true, message: '您没有权限进行此操作' },
  NOT_FOUND: { expected: true, message: '记录不存在或已删除' },
  CONFLICT: { expected: true, message: '该事项刚被他人处理，请刷新后查看' },
  OUTSIDE_SERVICE_AREA: { expected: true, message: '该位置不在本街道服务范围内' },
  CONTENT_REJECTED: { expected: true, message: '内容未通过安全检查，请修改后重试' },
  RATE_LIMITED: { expected: true, message: '操作太频繁，请稍后再试' },
  INTERNAL: { expected: false, message: '系统繁忙，请稍后重试' },
} as const

export type ErrorCode = keyof typeof ERROR_CODES

export interface AppError {
  code: ErrorCode
  message: string
  /** field path (e.g. "photos.0", "location.lat") → message naming what is wrong */
  fields?: Record<string, string>
  /** RATE_LIMITED: seconds until the same request may succeed */
  retryAfterS?: number
  /** CONFLICT: the record already holding what the request would create (a resident of the room, an open declaration) */
  existing?: { kind: 'resident' | 'declaration'; id: string }
}

export function appError(code: ErrorCode, message?: string, fields?: Record<string, string>): AppError {
  return fields ? { code, message: message ?? ERROR_CODES[code].message, fields } : { code, message: message ?? ERROR_CODES[code].message }
}

export function isAppError(value: unknown): value is AppError {
  return typeof value === 'object' && value !== null && typeof (value as AppError).code === 'string' &&
    (value as AppError).code in ERROR_CODES && typeof (value as AppError).message === 'string'
}
