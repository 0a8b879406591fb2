import { loadDraft, type Draft } from '../lib/drafts'
import type { DeclareFill } from './fill'

// The declaration's draft (lib/drafts.ts keeps it): it holds ID numbers as typed, the person's
// own numbers on the person's own phone, deleted once the declaration is sent (the form says
// so). One draft per account and per purpose: a new declaration, a person added to one room,
// an answer to one declaration.

export type DeclareDraft = Draft<DeclareFill>

export type DraftPurpose = { amend: string } | { roomId: string } | null

export const draftKey = (userId: string, purpose: DraftPurpose) =>
  `gl.declare.draft.${userId}.${purpose === null ? 'new' : 'amend' in purpose ? `amend.${purpose.amend}` : `room.${purpose.roomId}`}`

const isDeclareFill = (v: unknown): v is DeclareFill => {
  const f = v as DeclareFill
  return !!f && typeof f === 'object' && Array.isArray(f.persons) && f.persons.length > 0
}

export const loadDeclareDraft = (key: string) => loadDraft(key, isDeclareFill)
