import * as z from 'zod'

/** Settings are validated once at boot; every bad key is named in one error (STYLE.md 9). */
export function parseSettings<S extends z.ZodType>(schema: S, env: Record<string, string | undefined>): z.infer<S> {
  const parsed = schema.safeParse(env)
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`)
    throw new Error(`invalid settings:\n${lines.join('\n')}`)
  }
  return parsed.data
}

/** A setting holding JSON, parsed and then checked by `schema`; unset means `fallback`. */
export function jsonSetting<S extends z.ZodType>(name: string, schema: S, fallback = '{}') {
  return z
    .string()
    .default(fallback)
    .transform((text, ctx) => {
      try {
        return JSON.parse(text) as unknown
      } catch {
        ctx.addIssue({ code: 'custom', message: `${name} is not valid JSON` })
        return z.NEVER
      }
    })
    .pipe(schema)
}
