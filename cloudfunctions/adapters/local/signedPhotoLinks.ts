import { createHmac, timingSafeEqual } from 'node:crypto'
import type { Clock, PhotoLinks } from '../../app/ports'

// Photo links of the local host: `/api/_files/<id>?e=<expiry>&s=<signature>`. An <img>
// cannot send a bearer token, so the link itself carries the permission: a view signs a
// link only for a photo its viewer may see (its owner, or anyone once content review passed
// it), and the file route serves nothing without a valid, unexpired signature.

/** How long a link works: long enough to read a case, short enough that a leaked link dies. */
export const LINK_TTL_MS = 60 * 60 * 1000
// Expiries are rounded up to this step, so one photo keeps one link (and its browser cache) for a while.
const STEP_MS = 10 * 60 * 1000

export class SignedPhotoLinks implements PhotoLinks {
  constructor(private readonly secret: string, private readonly clock: Clock, private readonly ttlMs = LINK_TTL_MS) {}

  async links(fileIds: string[]): Promise<Map<string, string>> {
    const e = Math.ceil((this.clock.now() + this.ttlMs) / STEP_MS) * STEP_MS
    return new Map(fileIds.map((id) => [id, this.link(id, e)]))
  }

  /** A link for one photo (the upload's answer to its own uploader). */
  link(fileId: string, expiresAt = this.clock.now() + this.ttlMs): string {
    return `/api/_files/${encodeURIComponent(fileId)}?e=${expiresAt}&s=${this.sign(fileId, expiresAt)}`
  }

  /** Does this signature open this photo now? */
  verify(fileId: string, e: string | null, s: string | null): boolean {
    if (!e || !s || !/^\d{1,15}$/.test(e) || !/^[A-Za-z0-9_-]{43}$/.test(s)) return false
    const expiresAt = Number(e)
    if (expiresAt <= this.clock.now()) return false
    const expected = Buffer.from(this.sign(fileId, expiresAt))
    return timingSafeEqual(expected, Buffer.from(s))
  }

  private sign(fileId: string, expiresAt: number): string {
    return createHmac('sha256', this.secret).update(`${fileId}\n${expiresAt}`).digest('base64url')
  }
}
