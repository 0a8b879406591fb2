import { loadDraft, type Draft } from '../../lib/drafts'
import type { Point } from '../../components/location/types'
import type { OnBehalfFill } from '../../lib/onBehalf'

// The report form's draft (lib/drafts.ts keeps it): what was chosen and typed, where, and the
// photos already uploaded (their stored ids; a photo still uploading is not kept). One per
// account: a resident reports one thing at a time.

export interface KeptPhoto {
  fileId: string
  /** the local picture shown as its thumbnail (it may be gone after a restart; the id is what is sent) */
  path: string
}

export interface ReportFill {
  category: string
  description: string
  address: string
  location: Point | null
  photos: KeptPhoto[]
  /** 代报: the resident's name and phone while the switch is on (a volunteer's call may be cut off too) */
  onBehalf?: OnBehalfFill
}

export type ReportDraft = Draft<ReportFill>

export const reportDraftKey = (userId: string) => `gl.report.draft.${userId}`

const isPoint = (v: unknown): v is Point => !!v && typeof v === 'object' && typeof (v as Point).lng === 'number' && typeof (v as Point).lat === 'number'
const isKeptPhoto = (v: unknown): v is KeptPhoto => !!v && typeof (v as KeptPhoto).fileId === 'string' && typeof (v as KeptPhoto).path === 'string'

const isOnBehalf = (v: unknown): v is OnBehalfFill => !!v && typeof (v as OnBehalfFill).name === 'string' && typeof (v as OnBehalfFill).phone === 'string'

const isReportFill = (v: unknown): v is ReportFill => {
  const f = v as ReportFill
  return !!f && typeof f === 'object' && typeof f.category === 'string' && typeof f.description === 'string' && typeof f.address === 'string' &&
    (f.location === null || isPoint(f.location)) && Array.isArray(f.photos) && f.photos.every(isKeptPhoto) &&
    (f.onBehalf === undefined || isOnBehalf(f.onBehalf))
}

export const loadReportDraft = (key: string) => loadDraft(key, isReportFill)

/** Worth keeping: something the person chose or typed (the phone's own location alone is not). */
export const hasContent = (f: ReportFill) =>
  !!(f.category || f.description.trim() || f.address.trim() || f.photos.length || f.onBehalf?.name.trim() || f.onBehalf?.phone.trim())
