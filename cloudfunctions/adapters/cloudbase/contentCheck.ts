import type { Db } from '@cloudbase/database'
import type { Clock, ContentCheck, TextVerdict } from '../../app/ports'
import type { CloudbaseStore } from './cloudbaseStore'
import { COLLECTIONS, fileDocId } from './docs'
import { tempUrls, type Storage } from './uploads'

// WeChat content security. User text is checked synchronously (security.msgSecCheck v2)
// before anyone else sees it; a photo is sent for asynchronous review
// (security.mediaCheckAsync) and shown to others only once its verdict, arriving by trace
// id through the `wxa_media_check` event (the mediaCheck function), says pass.

export type { ContentCheck, TextVerdict } from '../../app/ports'
export type PhotoStatus = 'pending' | 'pass' | 'risky' | 'review' | 'unsubmitted'

/** What is used of wx-server-sdk's `cloud.openapi`. */
export interface SecurityApi {
  security: {
    msgSecCheck(args: { content: string; version: 2; scene: number; openid: string }): Promise<{ result?: { suggest?: string; label?: number } }>
    mediaCheckAsync(args: { mediaUrl: string; mediaType: 2; version: 2; scene: number; openid: string }): Promise<{ traceId?: string }>
  }
}

/** msgSecCheck takes at most 2,500 characters a call (TOOLCHAIN.md). */
export const TEXT_CHUNK = 2500
/** Scene 3 (论坛): public posts, which a report to the grid is closest to. */
export const SCENE = 3
const MEDIA_IMAGE = 2

const chunksOf = (text: string) => {
  const cs = [...text]
  const out: string[] = []
  for (let i = 0; i < cs.length; i += TEXT_CHUNK) out.push(cs.slice(i, i + TEXT_CHUNK).join(''))
  return out
}

export class WxContentCheck implements ContentCheck {
  constructor(
    private readonly store: CloudbaseStore,
    private readonly storage: Storage,
    private readonly api: SecurityApi,
    private readonly clock: Clock,
  ) {}

  private get db(): Db {
    return this.store.db
  }

  // a person's openid never changes: read once per container, not once per check
  private readonly openids = new Map<string, string>()

  private async openidOf(userId: string): Promise<string | undefined> {
    const known = this.openids.get(userId)
    if (known) return known
    const openid = (await this.store.docsByIds(COLLECTIONS.users, [userId]))[0]?.openid as string | undefined
    if (openid) {
      if (this.openids.size >= 10_000) this.openids.clear()
      this.openids.set(userId, openid)
    }
    return openid
  }

  /** 'risky' rejects; 'review' (a human should look) lets the text through, as WeChat advises. */
  async checkText(texts: string[], userId: string): Promise<TextVerdict> {
    // one call for all the texts while they fit in one (2,500 characters), as lines of one text
    const parts = chunksOf(texts.map((t) => t.trim()).filter(Boolean).join('\n'))
    if (parts.length === 0) return 'pass'
    const openid = await this.openidOf(userId)
    // v2 needs the openid of someone who used the mini-program in the last two hours
    if (!openid) return 'unavailable'
    try {
      for (const content of parts) {
        const res = await this.api.security.msgSecCheck({ content, version: 2, scene: SCENE, openid })
        if (res.result?.suggest === 'risky') return 'rejected'
      }
      return 'pass'
    } catch (err) {
      console.warn('msgSecCheck failed', (err as Error).message ?? err)
      return 'unavailable'
    }
  }

  async submitPhotos(fileIds: string[], userId: string): Promise<void> {
    const openid = await this.openidOf(userId)
    const fresh = (await this.store.docsByIds(COLLECTIONS.files, fileIds.map(fileDocId))).filter((d) => !d.check)
    const urls = await tempUrls(this.storage, fresh.map((d) => d.id as string))
    for (const doc of fresh) {
      const url = urls.get(doc.id)
      let check: Record<string, unknown> = { status: 'unsubmitted' satisfies PhotoStatus, at: this.clock.now() }
      if (url && openid) {
        try {
          const res = await this.api.security.mediaCheckAsync({ mediaUrl: url, mediaType: MEDIA_IMAGE, version: 2, scene: SCENE, openid })
          if (res.traceId) check = { status: 'pending' satisfies PhotoStatus, traceId: res.traceId, at: this.clock.now() }
        } catch (err) {
          console.warn(`mediaCheckAsync failed for ${doc.id}`, (err as Error).message ?? err)
        }
      }
      // an unsubmitted photo stays hidden; a later job may submit it again
      await this.db.collection(COLLECTIONS.files).doc(doc._id).update({ check })
    }
  }

  async visiblePhotos(fileIds: string[]): Promise<Set<string>> {
    const docs = await this.store.docsByIds(COLLECTIONS.files, fileIds.map(fileDocId))
    return new Set(docs.filter((d) => d.check?.status === 'pass').map((d) => d.id as string))
  }

  /** The verdict of a review, from the wxa_media_check event; false if no photo has the trace id. */
  async recordVerdict(traceId: string, suggest: string, label: number | undefined, at: number): Promise<boolean> {
    const status: PhotoStatus = suggest === 'pass' ? 'pass' : suggest === 'risky' ? 'risky' : 'review'
    const res = await this.db.collection(COLLECTIONS.files).where({ 'check.traceId': traceId }).update({ check: { status, label: label ?? null, verdictAt: at } })
    return res.updated > 0
  }
}
