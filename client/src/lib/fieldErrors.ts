import { useState } from 'react'
import type * as z from 'zod'
import { validationError } from '../../../shared/schemas/messages'
import { toApiError, type ApiError } from '../api/client'

/** Field path ("location.lng", "photos.0") → the form field that shows its message. */
export function byField(fields: Record<string, string> | undefined): Record<string, string> {
  const out: Record<string, string> = {}
  for (const [path, message] of Object.entries(fields ?? {})) {
    const key = path.split('.')[0] || '_'
    if (!(key in out)) out[key] = message
  }
  return out
}

/** Runs a shared schema so the messages are word for word what the server would answer. */
export function check<S extends z.ZodType>(schema: S, input: unknown): { ok: true; value: z.infer<S> } | { ok: false; fields: Record<string, string> } {
  const r = schema.safeParse(input)
  return r.success ? { ok: true, value: r.data } : { ok: false, fields: byField(validationError(r.error).fields) }
}

/** Field messages that disappear from a field as soon as the person changes it. */
export function useFieldErrors() {
  const [errors, setErrors] = useState<Record<string, string>>({})
  const clear = (field: string) =>
    setErrors((e) => {
      if (!(field in e)) return e
      const { [field]: _gone, ...rest } = e
      return rest
    })
  const edit = <T,>(field: string, set: (value: T) => void) => (value: T) => {
    set(value)
    clear(field)
  }
  return { errors, setErrors, edit, clear }
}

/**
 * A form's send, written once: one send at a time, the server's field messages shown under
 * their fields and its message for the form. `onError` sees the error first (a CONFLICT that
 * reloads the page); the send answers undefined when it failed.
 */
export function useFormSend() {
  const fields = useFieldErrors()
  const [formError, setFormError] = useState('')
  const [sending, setSending] = useState(false)
  const send = async <T,>(run: () => Promise<T>, onError?: (err: ApiError) => void): Promise<T | undefined> => {
    setFormError('')
    setSending(true)
    try {
      return await run()
    } catch (e) {
      const err = toApiError(e)
      onError?.(err)
      fields.setErrors(byField(err.fields))
      setFormError(err.message)
      return undefined
    } finally {
      setSending(false)
    }
  }
  return { ...fields, formError, setFormError, sending, send }
}
