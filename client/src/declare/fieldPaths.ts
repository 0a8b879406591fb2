import type * as z from 'zod'
import { validationError } from '../../../shared/schemas/messages'

// Field paths as the schema and the server name them ("persons.1.document.idNumber") → the
// form field that shows the message ("persons-1-idNumber", the FieldError's name). The
// shared byField keeps only the first segment, which would put every person's message on one
// "persons"; here a person's fields keep their card. Ids use dashes: a dot in an element id
// reads as a class to a selector.

export function formFieldOf(path: string): string {
  const [head, index, ...rest] = path.split('.')
  if ((head === 'persons' || head === 'residentIds') && index !== undefined && /^\d+$/.test(index)) {
    if (head === 'residentIds') return 'residentIds'
    // the document's number carries a wrong type too ("是港澳台居民居住证号码，与所选…不符")
    const leaf = rest[0] === 'document' ? (rest[1] ?? 'idNumber') : (rest[0] ?? 'name')
    return `persons-${index}-${leaf}`
  }
  return head || '_'
}

export const personField = (index: number, leaf: 'name' | 'idKind' | 'idNumber' | 'phone' | 'relation' | 'moveInDate') => `persons-${index}-${leaf}`

/** Server or schema fields → form fields, the first message of each kept. */
export function formFields(fields: Record<string, string> | undefined): Record<string, string> {
  const out: Record<string, string> = {}
  for (const [path, message] of Object.entries(fields ?? {})) {
    const key = formFieldOf(path)
    if (!(key in out)) out[key] = message
  }
  return out
}

/** The server's schema run on the phone, its messages placed on the form's fields. */
export function checkForm<S extends z.ZodType>(schema: S, input: unknown): { ok: true; value: z.infer<S> } | { ok: false; fields: Record<string, string> } {
  const r = schema.safeParse(input)
  return r.success ? { ok: true, value: r.data } : { ok: false, fields: formFields(validationError(r.error).fields) }
}
