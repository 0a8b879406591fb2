import type * as z from 'zod'
import { fail, ok, type Result } from '../../shared/result'
import { parseWith } from '../../shared/schemas/messages'
import type { Needs } from './ports'

// Every admin import (grid map, roster, building registry) takes its file the same way: on
// CloudBase a large file comes as a temporary CDN URL, fetched here (dispatch has checked the
// caller by then), and the payload is then held to its schema again, so a downloaded file
// meets the same 900 KB as one sent inline.

export async function withImportText<S extends z.ZodType, K extends string & keyof z.output<S>>(
  deps: Needs<'importTexts'>, schema: S, input: z.output<S>, field: { path: K; label: string },
): Promise<Result<z.output<S>>> {
  const text = await deps.importTexts.resolve(input[field.path] as string, field)
  if (!text.ok) return text
  const sized = parseWith(schema, { ...(input as object), [field.path]: text.value })
  return sized.ok ? ok(sized.value) : fail(sized.error)
}
