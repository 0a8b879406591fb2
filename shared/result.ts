import type { AppError } from './errors'

// Pure domain functions return a Result instead of throwing (STYLE.md 4).
export type Result<T, E = AppError> = { ok: true; value: T } | { ok: false; error: E }

export const ok = <T>(value: T): Result<T, never> => ({ ok: true, value })
export const fail = <E>(error: E): Result<never, E> => ({ ok: false, error })
