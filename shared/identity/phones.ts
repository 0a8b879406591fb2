import { fail, ok, type Result } from '../result'
import { normalPhone } from '../roster/phone'

// A resident's phone: what the roster accepts for work phones (mainland mobile or landline
// with its area code, shared/roster/phone.ts), plus the mobiles of Hong Kong and Macao
// residents, who declare with a 港澳台居民居住证 and often keep their home number.
// Hong Kong mobiles are 8 digits starting 4–9 (2 and 3 are fixed lines), Macao mobiles 8
// digits starting 6 (OFCA and CTT numbering plans). Their country code is required: eight
// digits alone could as well be a mainland landline without its area code.

export type PhoneKind = 'mobile' | 'landline' | 'hongKongMobile' | 'macaoMobile'

export interface PhoneFacts {
  kind: PhoneKind
  /** Stored form: 13912345678, 0755-12345678(-801), +85251234567, +85366123456. */
  number: string
}

export const RESIDENT_PHONE_FORMAT = '应为11位手机号（如 13912345678）、带区号的座机（如 0755-12345678）或港澳手机号（如 +852 51234567）'

const HONG_KONG = /^(?:\+|00)?852([4-9]\d{7})$/
const MACAO = /^(?:\+|00)?853(6\d{7})$/

/** The phone's stored form and kind, or a problem that follows the field's name ("联系电话" + "格式不正确…"). */
export function checkPhone(text: string): Result<PhoneFacts, string> {
  const mainland = normalPhone(text)
  if (mainland) return ok({ kind: mainland.includes('-') ? 'landline' : 'mobile', number: mainland })
  const compact = text.normalize('NFKC').replace(/[\s()-]+/g, '')
  if (!compact) return fail('不能为空')
  const hk = HONG_KONG.exec(compact)
  if (hk) return ok({ kind: 'hongKongMobile', number: `+852${hk[1]}` })
  const mo = MACAO.exec(compact)
  if (mo) return ok({ kind: 'macaoMobile', number: `+853${mo[1]}` })
  return fail(`格式不正确：${RESIDENT_PHONE_FORMAT}`)
}
