import Taro from '@tarojs/taro'
import { useEffect, useRef } from 'react'
import { newRequestId } from './requestId'

// An unsent form kept on this phone only (Taro storage, never the server), so a call that
// interrupts it, going back or a closed mini-program loses nothing; deleted once the form is
// sent (each form says so: "草稿仅保存在本机"). The forms decide the key (one draft per
// account and purpose) and what a valid fill looks like; this file keeps them and their
// request ids.

export interface Draft<F> {
  fill: F
  /** the create's requestId: a retry of this draft, even after reopening, is the same request */
  requestId: string
  /** the fingerprint of what was sent under requestId when no answer came back */
  unanswered?: string
  savedAt: number
}

/** A draft's request: its id, and what went out under it without an answer. */
export type DraftRequest = Pick<Draft<unknown>, 'requestId' | 'unanswered'>

/** Typing settles before it is written: storage writes are synchronous on WeChat. */
const SAVE_AFTER_MS = 500

const isDraftOf = <F,>(v: unknown, isFill: (fill: unknown) => fill is F): v is Draft<F> => {
  const d = v as Draft<F>
  return !!d && typeof d === 'object' && typeof d.requestId === 'string' && typeof d.savedAt === 'number' && isFill(d.fill)
}

/** The stored draft, or null when there is none or it is not one this form can open (an older shape). */
export function loadDraft<F>(key: string, isFill: (fill: unknown) => fill is F): Draft<F> | null {
  const stored: unknown = Taro.getStorageSync(key)
  return isDraftOf(stored, isFill) ? stored : null
}

export const saveDraft = <F,>(key: string, draft: Draft<F>) => Taro.setStorageSync(key, draft)
export const clearDraft = (key: string) => Taro.removeStorageSync(key)

/**
 * Writes the draft a moment after each change and at once when the page goes away; with
 * `keep` false (the form emptied again) the stored draft goes instead. `draft.fill` must keep
 * its identity while nothing changed (state, or a memo).
 */
export function useDraftSaving<F>(key: string, draft: Omit<Draft<F>, 'savedAt'>, keep: boolean) {
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

/**
 * The request to send `print` under: the same content retried is the same request; content
 * changed after a send that got no answer is a new one (a first copy that did arrive would
 * otherwise answer the same id with itself, without the change).
 */
export const attemptFor = (request: DraftRequest, print: string): DraftRequest => ({
  requestId: request.unanswered && request.unanswered !== print ? newRequestId() : request.requestId,
  unanswered: print,
})

/** After a send failed: an answer means nothing was stored under the id; no answer means it may have been. */
export const afterFailure = (attempt: DraftRequest, answered: boolean): DraftRequest =>
  answered ? { requestId: attempt.requestId } : attempt

/** A payload's djb2 hash: tells "the same content again" from "changed", and is no copy of what was typed. */
export function fingerprint(value: unknown): string {
  const text = JSON.stringify(value)
  let h = 5381
  // shifts and adds only: exact on every engine, old WebViews included
  for (let i = 0; i < text.length; i++) h = ((h << 5) + h + text.charCodeAt(i)) | 0
  return (h >>> 0).toString(36)
}
