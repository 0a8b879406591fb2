import type { z } from 'zod'

/** Settings are validated once at boot; every bad key is named in one error (STYLE.md 9). */
export function parseSettings<S extends z.ZodType>(schema: S, env: Record<string, string | undefined>): z.infer<S> {
  const parsed = schema.safeParse(env)
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`)
    throw new Error(`invalid settings:\n${lines.join('\n')}`)
  }
  return parsed.data
}
