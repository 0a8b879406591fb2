import { isGridStaffRole, ON_BEHALF_FILERS, type Role } from '../../../shared/roles'
import { checkPhone } from '../../../shared/identity/phones'

// 代报 / 代申报 on the phone: who may file for a resident, the two fields as typed, and their
// messages. Free of zod (the report page is in the main package); the words are the server's
// (shared/schemas/onBehalf.ts), so a message reads the same whichever side found it.

export interface OnBehalfFill { name: string; phone: string }

export const emptyOnBehalf = (): OnBehalfFill => ({ name: '', phone: '' })

/** Volunteers and a grid's staff file for a resident who phoned or walked in (policy ON_BEHALF_FILERS). */
export const mayFileOnBehalf = (role: Role | undefined) => role !== undefined && ON_BEHALF_FILERS.includes(role)

/** Grid staff report nothing of their own (submitReport, declareResidence are the residents'): for them it is always on behalf. */
export const onlyOnBehalf = (role: Role | undefined) => role !== undefined && isGridStaffRole(role)

/** The form fields that show the messages: `#field-error-onBehalfName`, `#field-error-onBehalfPhone`. */
export const ON_BEHALF_FIELDS = { name: 'onBehalfName', phone: 'onBehalfPhone' } as const

export const ON_BEHALF_NAME_LABEL = '居民姓名'
export const ON_BEHALF_PHONE_LABEL = '居民联系电话'

/** The phone's own check, before sending: the server checks again and answers in the same words. */
export function checkOnBehalf(f: OnBehalfFill): Record<string, string> {
  const out: Record<string, string> = {}
  if (!f.name.trim()) out[ON_BEHALF_FIELDS.name] = '请填写代报居民的姓名'
  const phone = f.phone.trim()
  if (!phone) out[ON_BEHALF_FIELDS.phone] = `请填写${ON_BEHALF_PHONE_LABEL}`
  else {
    const r = checkPhone(phone)
    if (!r.ok) out[ON_BEHALF_FIELDS.phone] = `${ON_BEHALF_PHONE_LABEL}${r.error}`
  }
  return out
}

/** The server's `onBehalf.name` / `onBehalf.phone` (the shared byField would fold both into one "onBehalf"). */
export function onBehalfErrors(fields: Record<string, string> | undefined): Record<string, string> {
  const out: Record<string, string> = {}
  for (const [path, message] of Object.entries(fields ?? {})) {
    if (!path.startsWith('onBehalf')) continue
    const key = path.startsWith('onBehalf.phone') ? ON_BEHALF_FIELDS.phone : ON_BEHALF_FIELDS.name
    if (!(key in out)) out[key] = message
  }
  return out
}

/** The payload's part: the fields as typed, trimmed (the server normalises the number). */
export const onBehalfPayload = (f: OnBehalfFill) => ({ name: f.name.trim(), phone: f.phone.trim() })
