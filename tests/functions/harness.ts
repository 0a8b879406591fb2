import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { dispatch } from '../../cloudfunctions/app/dispatch'
import { openLocalStack, type LocalStack } from '../../cloudfunctions/local/stack'
import { samplePhoto } from '../../cloudfunctions/local/seed/samplePhoto'
import { DEMO_POINTS } from '../../cloudfunctions/local/seed/demoArea'
import { UNLIMITED, type LimitSettings } from '../../cloudfunctions/app/limits'

// A seeded local stack in a temp folder, driven through the same action router the host
// and the CloudBase functions use.
export interface TestStack {
  stack: LocalStack
  /** the stack's data folder (its SQLite file, photos, secret) */
  dataDir: string
  call(fn: string, userId: string | null, action: string, payload?: unknown, requestId?: string): Promise<any>
  upload(userId: string): Promise<string>
  close(): Promise<void>
}

/** Tests make reports far faster than any person: abuse limits are off unless a test sets them. */
export async function openTestStack(opts: { limits?: LimitSettings } = {}): Promise<TestStack> {
  const dir = mkdtempSync(join(tmpdir(), 'gridlink-test-'))
  const stack = await openLocalStack({ dataDir: dir, seed: true, limits: opts.limits ?? UNLIMITED })
  return {
    stack,
    dataDir: dir,
    async call(fn, userId, action, payload, requestId) {
      // the id is an account, as the host's sessions see it: one bound to a staff record acts as that record
      const caller = userId ? await stack.store.reference.getUser(stack.store.accountLinks.actingAs(userId)) : null
      return dispatch(stack.deps, fn, { action, payload, ...(requestId ? { requestId } : {}) }, caller)
    },
    async upload(userId) {
      const saved = await stack.files.saveFile(userId, 'image/png', samplePhoto([200, 80, 60], 16))
      if ('error' in saved) throw new Error(saved.error)
      return saved.id
    },
    async close() {
      await stack.close()
      rmSync(dir, { recursive: true, force: true })
    },
  }
}

export const RESIDENT = 'u_resident_1'
export const OTHER_RESIDENT = 'u_resident_2'
export const insidePoint = () => ({ ...DEMO_POINTS.insideClear.point })

/** The photo id a view's link shows (`/api/_files/<id>?e=…&s=…`). */
export const photoIdOf = (link: string) => decodeURIComponent(/^\/api\/_files\/([^?]+)\?/.exec(link)?.[1] ?? `not a photo link: ${link}`)
