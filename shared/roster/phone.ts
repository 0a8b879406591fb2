// Mainland phones as people dial them: an 11-digit mobile, or a landline with its area code.
// A roster (or a declaration form) may write them with spaces, dashes, full-width digits, +86
// or 0086; they are stored in one form so the same person is the same phone on every import.
// Residents' phones add Hong Kong and Macao mobiles on top of this (shared/identity/phones.ts).

export const PHONE_FORMAT = '应为11位手机号（如 13912345678）或带区号的座机（如 0755-12345678）'

const MOBILE = /^1[3-9]\d{9}$/
// the area code must be marked off (a dash or brackets): 010 and 0755 make the digits alone ambiguous
const LANDLINE = /^[(]?(0\d{2,3})[)-]?(\d{7,8})(?:-(\d{1,6}))?$/

/** The phone in its stored form (13912345678, 0755-12345678, 0755-12345678-801), or null when it is neither. */
export function normalPhone(text: string): string | null {
  const s = text.normalize('NFKC').replace(/\s+/g, '')
  const digits = s.replace(/-/g, '').replace(/^(?:\+|00)?86(?=1\d{10}$)/, '')
  if (MOBILE.test(digits)) return digits
  if (!/[()-]/.test(s)) return null
  const m = LANDLINE.exec(s)
  return m ? `${m[1]}-${m[2]}${m[3] ? `-${m[3]}` : ''}` : null
}
