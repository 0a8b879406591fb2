import * as z from 'zod'
import { appError, type AppError } from '../errors'

// One place turns zod issues into the API's VALIDATION error: a field path → a Chinese
// message that names the field (schemas carry their own messages; this is the fallback).
export function validationError(error: z.ZodError): AppError {
  const fields: Record<string, string> = {}
  for (const issue of error.issues) {
    const path = issue.path.map(String).join('.') || '_'
    if (!(path in fields)) fields[path] = issue.message
  }
  const first = Object.values(fields)[0]
  return appError('VALIDATION', first ?? '提交的内容有误', fields)
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; error: AppError }

export function parseWith<S extends z.ZodType>(schema: S, input: unknown): Parsed<z.infer<S>> {
  let r: z.ZodSafeParseResult<z.infer<S>>
  try {
    r = schema.safeParse(input)
  } catch {
    // zod 4 reads `.length` of a value even after its type check failed; an object whose
    // length cannot become a number ({"length":{"toString":null}}) throws there
    return { ok: false, error: appError('VALIDATION', '提交的内容格式不正确，请检查后重试') }
  }
  return r.success ? { ok: true, value: r.data } : { ok: false, error: validationError(r.error) }
}

/** Message for a field that is missing or of the wrong type. */
export const required = (label: string, kind: string) => ({
  error: (issue: { input?: unknown }) => (issue.input === undefined || issue.input === null ? `请填写${label}` : `${label}必须是${kind}`),
})
