import Taro from '@tarojs/taro'
import { useEffect, useRef } from 'react'
import type { DeclareFill } from './fill'

// An unsent declaration kept on this phone only (Taro storage, never the server), so a call
// that interrupts the form or a closed mini-program loses nothing. It holds ID numbers as
// typed: the person's own numbers on the person's own phone, deleted once the declaration is
// sent (the form says so). One draft per account and per purpose: a new declaration, a person
// added to one room, an answer to one declaration.

export interface Draft {
  fill: DeclareFill
  /** the create's requestId: a retry of this draft, even after reopening, is the same request */
  requestId: string
  /** the fingerprint of what was sent under requestId when no answer came back */
  unanswered?: string
  savedAt: number
}

export type DraftPurpose = { amend: string } | { roomId: string } | null

export const draftKey = (userId: string, purpose: DraftPurpose) =>
  `gl.declare.draft.${userId}.${purpose === null ? 'new' : 'amend' in purpose ? `amend.${purpose.amend}` : `room.${purpose.roomId}`}`

/** Typing settles before it is written: storage writes are synchronous on WeChat. */
const SAVE_AFTER_MS = 500

const isDraft = (v: unknown): v is Draft => {
  const d = v as Draft
  return !!d && typeof d === 'object' && typeof d.requestId === 'string' && typeof d.savedAt === 'number' &&
    !!d.fill && Array.isArray(d.fill.persons) && d.fill.persons.length > 0
}

export function loadDraft(key: string): Draft | null {
  const stored: unknown = Taro.getStorageSync(key)
  return isDraft(stored) ? stored : null
}

export const saveDraft = (key: string, draft: Draft) => Taro.setStorageSync(key, draft)
export const clearDraft = (key: string) => Taro.removeStorageSync(key)

/**
 * Writes the draft a moment after each change and at once when the page goes away; with
 * `keep` false (the form emptied again) the stored draft goes instead.
 */
export function useDraftSaving(key: string, draft: Omit<Draft, 'savedAt'>, keep: boolean) {
  const latest = useRef({ key, draft, keep, dirty: false })
  latest.current = { key, draft, keep, dirty: latest.current.dirty }
  const flush = () => {
    const { key: k, draft: d, keep: wanted, dirty } = latest.current
    if (!dirty) return
    latest.current.dirty = false
    if (wanted) saveDraft(k, { ...d, savedAt: Date.now() })
    else clearDraft(k)
  }
  const first = useRef(true)
  useEffect(() => {
    // the first render is what was loaded, not a change
    if (first.current) {
      first.current = false
      return
    }
    latest.current.dirty = true
    const timer = setTimeout(flush, SAVE_AFTER_MS)
    return () => clearTimeout(timer)
  }, [draft.fill, draft.requestId, draft.unanswered])
  useEffect(() => flush, [])
  /** forget the pending write (after a send or a 清空) */
  return { cancel: () => { latest.current.dirty = false } }
}

/** A payload's djb2 hash: tells "the same content again" from "changed", and is no copy of the numbers. */
export function fingerprint(value: unknown): string {
  const text = JSON.stringify(value)
  let h = 5381
  // shifts and adds only: exact on every engine, old WebViews included
  for (let i = 0; i < text.length; i++) h = ((h << 5) + h + text.charCodeAt(i)) | 0
  return (h >>> 0).toString(36)
}
